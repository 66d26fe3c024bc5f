"""PySide6 must not drain the refcounts of None/True/False (6.12.0 on CPython 3.11 aborts)."""

import json
import os
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

from packaging.requirements import Requirement
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PROBE = Path(__file__).resolve().parent / "regress" / "pyside_refcount_probe.py"
CALLS = 20_000
SLACK = CALLS // 100  # references a healthy run may lose between the two counts
FIRST_BAD = Version("6.12.0")


def run_probe(mode: str, platform: str | None) -> dict[str, dict[str, int]]:
    """Run the probe in a fresh interpreter with no display; return its JSON report."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    if platform is not None:
        env["QT_QPA_PLATFORM"] = platform
    proc = subprocess.run(
        [sys.executable, str(PROBE), mode, str(CALLS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )
    assert proc.returncode == 0, f"probe {mode} exited {proc.returncode}:\n{proc.stderr[-3000:]}"
    report: dict[str, dict[str, int]] = json.loads(proc.stdout.strip().splitlines()[-1])
    return report


def assert_not_drained(report: dict[str, dict[str, int]], names: tuple[str, ...]) -> None:
    """No singleton lost references with the calls: a leaking binding loses about one a call
    (20,000 here, until None's count reaches 0 and the process aborts), while Python's own
    bookkeeping may move a handful either way (CI once saw None's count fall by 1)."""
    for name in names:
        before, after = report["before"][name], report["after"][name]
        assert after >= before - SLACK, f"refcount({name}) fell from {before} to {after}"


def test_void_calls_and_bool_signals_keep_none_and_bools_alive() -> None:
    report = run_probe("widgets", platform="offscreen")
    assert_not_drained(report, ("None", "True", "False"))


def test_qasync_timers_on_headless_core_app_keep_none_alive() -> None:
    report = run_probe("loop", platform=None)
    assert_not_drained(report, ("None",))


def pyside_requirements() -> list[Requirement]:
    """The project's PySide6-Essentials requirements, read from pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(line) for line in project["dependencies"]]
    return [r for r in reqs if r.name.lower() == "pyside6-essentials"]


def test_pin_keeps_python_311_below_pyside_612() -> None:
    env_311 = {"python_version": "3.11", "python_full_version": "3.11.7"}
    active = [r for r in pyside_requirements() if r.marker is None or r.marker.evaluate(env_311)]
    assert active, "no PySide6-Essentials requirement applies to Python 3.11"
    assert all(FIRST_BAD not in r.specifier for r in active)
    assert all(Version("6.11.3") in r.specifier for r in active)


def test_installed_pyside_satisfies_the_pin() -> None:
    installed = Version(version("PySide6-Essentials"))
    active = [r for r in pyside_requirements() if r.marker is None or r.marker.evaluate()]
    assert active, "no PySide6-Essentials requirement applies to this Python"
    for requirement in active:
        assert requirement.specifier.contains(installed, prereleases=True), (
            f"installed PySide6-Essentials {installed} does not satisfy {requirement}"
        )
    if sys.version_info < (3, 12):
        assert installed < FIRST_BAD
