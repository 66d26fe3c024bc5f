"""The Debian packages a built bundle needs from the system, found with ldd and dpkg -S.

    python3 packaging/linux/depends.py BUNDLE_DIR               -> the Depends: field value
    python3 packaging/linux/depends.py BUNDLE_DIR --not-found   -> libraries ldd cannot find
    python3 packaging/linux/depends.py BUNDLE_DIR --libs        -> library -> package, one a line

Every ELF file of the bundle is run through ldd with the bundle's library folders first (as the
bootloader does); the libraries it links directly (readelf -d) that resolve outside the bundle
are mapped to their packages with dpkg -S (their own dependencies are theirs to declare). The
result is joined with packaging/linux/depends.base: packages Qt opens at run time (dlopen)
that ldd cannot see, such as libdbus-1-3 and the xcb/EGL/GL libraries.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
NEEDED_LINE = re.compile(r"\(NEEDED\)\s+Shared library: \[(.+)\]")


def elf_files(bundle: Path) -> list[Path]:
    """Every regular ELF file in the bundle."""
    found = []
    for path in sorted(bundle.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> set[str]:
    """The libraries an ELF file links directly (readelf's NEEDED entries)."""
    run = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return set(NEEDED_LINE.findall(run.stdout))


def system_libs(bundle: Path) -> tuple[set[str], set[str]]:
    """(system libraries the bundle links directly, names ldd cannot find) over the bundle."""
    internal = bundle / "_internal"
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = f"{internal}:{internal / 'PySide6/Qt/lib'}"
    resolved: set[str] = set()
    not_found: set[str] = set()
    bundle_root = str(bundle.resolve())
    for path in elf_files(bundle):
        run = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        direct = needed(path)
        for line in run.stdout.splitlines():
            match = LDD_LINE.match(line)
            if not match:
                continue
            name, target = match.groups()
            if target == "not found":
                not_found.add(f"{name} (needed by {path.relative_to(bundle)})")
            elif name in direct and not os.path.realpath(target).startswith(bundle_root):
                resolved.add(target)
    return resolved, not_found


def owners(paths: set[str]) -> dict[str, str]:
    """Map each library path to the Debian package that ships it (dpkg -S)."""
    candidates: dict[str, str] = {}
    for path in paths:
        real = os.path.realpath(path)
        for variant in {path, real, re.sub(r"^/usr/", "/", real), "/usr" + real}:
            candidates[variant] = path
    run = subprocess.run(
        ["dpkg", "-S", *sorted(candidates)], capture_output=True, text=True, check=False
    )
    result: dict[str, str] = {}
    for line in run.stdout.splitlines():
        package, _, file = line.partition(": ")
        if file in candidates:
            result.setdefault(candidates[file], package.split(":")[0].split(",")[0])
    return result


def base_packages() -> list[str]:
    """Packages listed by hand in depends.base (comments and blank lines skipped)."""
    lines = (HERE / "depends.base").read_text(encoding="utf-8").splitlines()
    return [line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()]


def libc_floor() -> str:
    """`libc6 (>= X.Y)` for the build machine's glibc: the bundle needs no older one."""
    version = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Version}", "libc6"], capture_output=True, text=True
    ).stdout
    match = re.match(r"(\d+\.\d+)", version)
    return f"libc6 (>= {match.group(1)})" if match else "libc6"


def main(argv: list[str]) -> int:
    """Command line, see the module docstring."""
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[1])
    resolved, not_found = system_libs(bundle)
    if "--not-found" in argv:
        print("\n".join(sorted(not_found)))
        return 0
    mapping = owners(resolved)
    unowned = sorted(set(resolved) - set(mapping))
    if "--libs" in argv:
        for path in sorted(mapping):
            print(f"{path} -> {mapping[path]}")
        for path in unowned:
            print(f"{path} -> (no package)")
        return 0
    packages = set(mapping.values()) | set(base_packages())
    packages.discard("libc6")
    print(", ".join([libc_floor(), *sorted(packages)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
