"""`make package`: build the bundle for this system into dist/, and on Linux its tarball.

    python packaging/build.py [--dist DIR] [--no-archive]

Runs PyInstaller on packaging/jobjournal.spec, puts a short READ-ME beside the program,
prints the sizes, and on Linux packs dist/jobjournal/ into
dist/jobjournal-<version>-linux-<machine>.tar.gz. tests/test_bundle.py and the
bundle_* benchmarks call `build` directly.
"""

from __future__ import annotations

import argparse
import platform
import subprocess
import sys
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "jobjournal.spec"
NAME = "jobjournal"

READ_ME = """\
jobjournal {version} — a private, encrypted journal of your job search

Start it:                     double-click "jobjournal" in this folder (or run ./jobjournal)
Add it to your app menu:      ./jobjournal --install-desktop
Remove it from the menu:      ./jobjournal --uninstall-desktop
Check this copy works:        ./jobjournal --self-test

Keep this folder together; the program needs everything in _internal/.
Your journal is not in this folder: it is in ~/.local/share/jobjournal/ unless you chose
another place, so replacing this folder with a newer version keeps it.
"""


def version() -> str:
    from jobjournal import __version__

    return __version__


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller; returns the bundle's folder (dist/jobjournal)."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={dist}",
            f"--workpath={work}",
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    folder = dist / NAME
    if sys.platform.startswith("linux"):
        (folder / "READ-ME.txt").write_text(READ_ME.format(version=version()), encoding="utf-8")
    return folder


def archive(folder: Path) -> Path:
    """dist/jobjournal-<version>-linux-<machine>.tar.gz, with jobjournal/ at its top."""
    system = platform.system().lower()
    target = folder.parent / f"{NAME}-{version()}-{system}-{platform.machine()}.tar.gz"
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=9) as tar:
        tar.add(folder, arcname=NAME)
    partial.replace(target)
    return target


def folder_bytes(folder: Path) -> int:
    """What the folder takes unpacked; PyInstaller's symbolic links count as links, as du
    and tar count them, not as second copies of Qt's libraries."""
    return sum(
        path.lstat().st_size for path in folder.rglob("*") if path.is_symlink() or path.is_file()
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-archive", action="store_true")
    args = parser.parse_args(argv)
    folder = build(args.dist, args.work)
    print(f"{folder}  {folder_bytes(folder) / 1e6:.1f} MB")
    if sys.platform.startswith("linux") and not args.no_archive:
        tarball = archive(folder)
        print(f"{tarball}  {tarball.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
