"""Packaging files: icon containers, launcher entries, installer rules, the spec and smoke parsers.

The build itself (PyInstaller, .deb, smoke test of the bundle) runs in packaging/ci-step.
"""

from __future__ import annotations

import configparser
import importlib.util
import re
import struct
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def load(path: Path) -> ModuleType:
    """Import a packaging script by its path."""
    spec = importlib.util.spec_from_file_location(path.stem.replace("-", "_"), path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def fake_png(size: int) -> bytes:
    """Bytes that start like a PNG and say which size they stand for."""
    return PNG_SIGNATURE + struct.pack(">I", size) * 3


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_ico_directory_points_at_each_png() -> None:
    render = load(PACKAGING / "icons" / "render.py")
    images = {16: fake_png(16), 48: fake_png(48), 256: fake_png(256)}
    data = render.ico_bytes(images)
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 3)
    for index, size in enumerate(sorted(images)):
        entry = data[6 + 16 * index : 6 + 16 * (index + 1)]
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", entry)
        assert width == height == (0 if size == 256 else size)
        assert (planes, bits) == (1, 32)
        assert data[offset : offset + length] == images[size]


def test_icns_holds_every_standard_size() -> None:
    render = load(PACKAGING / "icons" / "render.py")
    images = {size: fake_png(size) for _, size in render.ICNS_TYPES}
    data = render.icns_bytes(images)
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found, position = {}, 8
    while position < len(data):
        kind, length = (
            data[position : position + 4],
            struct.unpack(">I", data[position + 4 : position + 8])[0],
        )
        found[kind] = data[position + 8 : position + length]
        position += length
    assert position == len(data)
    assert set(found) == {kind for kind, _ in render.ICNS_TYPES}
    assert found[b"ic10"] == images[1024]


def test_render_writes_hicolor_pngs_of_the_right_sizes(tmp_path: Path, qapp: object) -> None:
    render = load(PACKAGING / "icons" / "render.py")
    render.render_all(tmp_path)
    for size in render.HICOLOR_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / "gm-terminal.png"
        assert png_size(png.read_bytes()) == (size, size)
    assert (tmp_path / "hicolor" / "scalable" / "apps" / "gm-terminal.svg").is_file()
    assert (tmp_path / "gm-terminal.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (tmp_path / "gm-terminal.icns").read_bytes()[:4] == b"icns"


def test_desktop_launcher_resumes_the_last_campaign() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "gm-terminal.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"] == "gm-terminal --resume"
    assert desktop["Icon"] == "gm-terminal"
    assert desktop["Terminal"] == "false"
    assert "Game" in desktop["Categories"].split(";")


def test_windows_installer_opens_the_firewall_on_private_networks_only() -> None:
    script = (PACKAGING / "windows" / "gm-terminal.iss").read_text(encoding="utf-8")
    defines = dict(re.findall(r'^#define (\w+) "([^"]*)"', script, re.MULTILINE))
    script = re.sub(r"\{#(\w+)\}", lambda m: defines.get(m.group(1), m.group(0)), script)
    sections = dict(re.findall(r"^\[(\w+)\]\n(.*?)(?=^\[|\Z)", script, re.MULTILINE | re.DOTALL))
    adds = re.findall(r"firewall add rule[^\n]*", sections["Run"])
    assert len(adds) == 2
    for rule in adds:
        assert "dir=in" in rule and "action=allow" in rule and "profile=private" in rule
    assert any('program=""{app}\\gm-terminal.exe""' in rule for rule in adds)
    assert "firewall delete rule" in sections["UninstallRun"]
    shortcuts = [line for line in sections["Icons"].splitlines() if line.startswith("Name:")]
    assert shortcuts and all('Parameters: "--resume"' in line for line in shortcuts)


def test_spec_reads_the_version_from_pyproject_and_keeps_the_needed_plugins() -> None:
    spec = (PACKAGING / "gm-terminal.spec").read_text(encoding="utf-8")
    compile(spec, "gm-terminal.spec", "exec")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert f'"{version}"' not in spec
    assert 'tomllib.loads((ROOT / "pyproject.toml")' in spec
    for needed in ("libqxcb", "libqoffscreen", "libqwayland", "imageformats/libqjpeg"):
        assert needed not in spec, f"{needed} must stay in the bundle"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<script type="module" src="js/main.js"></script>', ["js/main.js"]),
        ('<link rel="stylesheet" href="./css/crt.css?v=2">', ["./css/crt.css"]),
        ('<a href="https://example.org/x.js"></a><a href="#top"></a>', []),
        ('<link rel="icon" href="data:,">', []),
    ],
)
def test_smoke_finds_the_assets_the_player_page_names(html: str, expected: list[str]) -> None:
    smoke = load(PACKAGING / "smoke.py")
    assert smoke.page_assets(html) == expected


def test_depends_reads_ldd_lines() -> None:
    depends = load(PACKAGING / "linux" / "depends.py")
    found = depends.LDD_LINE.match(
        "\tlibxcb-icccm.so.4 => /lib/x86_64-linux-gnu/libxcb-icccm.so.4 (0x7f)"
    )
    missing = depends.LDD_LINE.match("\tlibxcb-keysyms.so.1 => not found")
    assert found and found.groups() == (
        "libxcb-icccm.so.4",
        "/lib/x86_64-linux-gnu/libxcb-icccm.so.4",
    )
    assert missing and missing.groups() == ("libxcb-keysyms.so.1", "not found")
    assert depends.LDD_LINE.match("\tlinux-vdso.so.1 (0x00007ffd)") is None
