"""Star maps: the sample's galaxy, system and orbit maps, and damaged copies of them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.campaign import campaign_counts, load_campaign, sample_campaign_path
from desktop.campaign.model import Campaign


@pytest.fixture(scope="module")
def sample() -> Campaign:
    return load_campaign(sample_campaign_path())


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    root = tmp_path / "sample"
    shutil.copytree(sample_campaign_path(), root)
    return root


def check(root: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "check", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout.splitlines()


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_the_sample_has_a_galaxy_with_systems_nebula_and_routes(sample: Campaign) -> None:
    galaxy = sample.star_map.galaxy
    assert galaxy is not None
    assert len(galaxy.systems) >= 6
    assert campaign_counts(sample)["star systems"] == len(galaxy.systems)
    assert [n.name for n in galaxy.nebulae] == ["The Shroud"]
    assert galaxy.nebulae[0].particle_count == 900
    keys = {s.key for s in galaxy.systems}
    assert {(r.source, r.target) for r in galaxy.routes} >= {("vesper_reach", "Marrow Gate")}
    assert all(r.source in keys and r.target in keys for r in galaxy.routes)
    vesper = galaxy.systems[0]
    assert (vesper.name, vesper.color, vesper.system_map) == (
        "Vesper Reach",
        0xFFB36B,
        "vesper_reach",
    )
    assert vesper.info["status"] == "Charted"
    assert [s.name for s in galaxy.systems if s.hidden] == ["Nadir"]


def test_the_sample_has_two_system_maps_with_a_ringed_giant_and_a_belt(sample: Campaign) -> None:
    systems = sample.star_map.systems
    assert sorted(systems) == ["cinder_verge", "vesper_reach"]
    for system in systems.values():
        assert any(b.type == "gas_giant" and b.rings is not None for b in system.bodies)
        assert any(b.belt is not None and b.belt.particle_count > 0 for b in system.bodies)
    vesper = systems["vesper_reach"]
    assert vesper.star.name == "Vesper" and vesper.current_day == 112
    gallowmere = next(b for b in vesper.bodies if b.name == "Gallowmere")
    assert (gallowmere.key, gallowmere.orbit_map) == (
        "vesper_reach/gallowmere",
        "vesper_reach/gallowmere",
    )
    assert gallowmere.orbit.period == 190


def test_the_sample_has_an_orbit_map_with_moons_a_station_and_sites(sample: Campaign) -> None:
    orbit = sample.star_map.orbits["vesper_reach/gallowmere"]
    assert orbit.planet.texture.cloud_layer and orbit.planet.texture.primary == 0xCFE4F0
    moons = [s for s in orbit.satellites if s.kind == "moon"]
    stations = [s for s in orbit.satellites if s.kind == "station"]
    assert [m.name for m in moons] == ["Tithe", "Penance"]
    assert "Lantern Station" in [s.name for s in stations]
    assert stations[0].key == "vesper_reach/gallowmere/lantern_station"
    assert len(orbit.sites) == 2 and orbit.sites[0].latitude == -12


def test_check_prints_star_systems(tmp_path: Path) -> None:
    lines = check(sample_campaign_path())
    assert "star systems: 7" in lines
    assert lines[-1] == "no problems"


def test_missing_star_map_files_are_not_problems(copy: Path) -> None:
    (copy / "galaxy/star_map.yaml").unlink()
    shutil.rmtree(copy / "galaxy/cinder_verge")
    (copy / "galaxy/vesper_reach/gallowmere/orbit_map.yaml").unlink()
    campaign = load_campaign(copy)
    assert [str(p) for p in campaign.problems] == []
    assert campaign.star_map.galaxy is None
    assert campaign_counts(campaign)["star systems"] == 0
    assert (
        next(
            b for b in campaign.star_map.systems["vesper_reach"].bodies if b.name == "Gallowmere"
        ).orbit_map
        == ""
    )


def test_damaged_star_maps_give_file_line_problems(copy: Path) -> None:
    star = copy / "galaxy/star_map.yaml"
    replace(star, "location_slug: cinder_verge\n", "location_slug: cinder_vrege\n")
    replace(star, '    to: "Ossuary Drift"', '    to: "Ossuary Drfit"')
    replace(star, "color: 0x9FE8FF", "color: teal")
    system = copy / "galaxy/vesper_reach/system_map.yaml"
    replace(system, "ring_color: 0xC8D8E0", "ring_color: 0x1C8D8E0")
    orbit = copy / "galaxy/vesper_reach/gallowmere/orbit_map.yaml"
    replace(orbit, "location_slug: tithe", "location_slug: tythe")
    lines = check(copy)
    assert "star systems: 7" in lines
    s, v, o = (
        "galaxy/star_map.yaml",
        "galaxy/vesper_reach/system_map.yaml",
        "galaxy/vesper_reach/gallowmere/orbit_map.yaml",
    )
    expected = [
        f"{s}:{line_of(star, 'cinder_vrege')}: system 'Cinder Verge': "
        "location_slug 'cinder_vrege' is not a location",
        f"{s}:{line_of(star, 'teal')}: system 'Marrow Gate': "
        "color must be a colour written 0xRRGGBB, not 'teal'",
        f"{s}:{line_of(star, 'Drfit')}: route to 'Ossuary Drfit': no such system in systems",
        f"{v}:{line_of(system, 'ring_color')}: body 'Bellwether': "
        "ring_color must be a colour written 0xRRGGBB, not 29939936",
        f"{o}:{line_of(orbit, 'tythe')}: moon 'Tithe': location_slug 'tythe' is not a location",
    ]
    for line in expected:
        assert line in lines
    assert lines[-1].startswith("5 problems in ")


def test_a_star_map_that_is_not_a_mapping_is_one_problem(copy: Path) -> None:
    (copy / "galaxy/star_map.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    (copy / "galaxy/cinder_verge/system_map.yaml").write_text("star: [unclosed\n", encoding="utf-8")
    campaign = load_campaign(copy)
    assert [str(p) for p in campaign.problems] == [
        "galaxy/cinder_verge/system_map.yaml:2: "
        "YAML syntax error: did not find expected ',' or ']'",
        "galaxy/star_map.yaml:1: star_map.yaml must be a mapping with systems, nebulae and routes",
    ]
    assert campaign.star_map.galaxy is None
    assert "cinder_verge" not in campaign.star_map.systems


def test_the_original_style_campaign_reads_its_star_maps() -> None:
    root = Path(__file__).resolve().parents[1] / "fixtures" / "original_campaign"
    campaign = load_campaign(root)
    assert [p for p in campaign.problems if p.file.startswith("galaxy/")] == []
    stars = campaign.star_map
    assert stars.galaxy is not None and campaign_counts(campaign)["star systems"] == 6
    assert stars.galaxy.systems[0].system_map == "kettle_drift"
    assert len(stars.galaxy.routes) == 5
    system = stars.systems["kettle_drift"]
    assert system.camera.zoom_limits == (20.0, 300.0)
    brine = next(b for b in system.bodies if b.name == "The Brine")
    assert brine.orbit_map == "kettle_drift/the_brine"
    orbit = stars.orbits["kettle_drift/the_brine"]
    assert [s.location_slug for s in orbit.satellites if s.kind == "station"] == ["relay_nine"]
