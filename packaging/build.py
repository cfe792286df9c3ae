"""`make package`: build the bundle for this system into dist/, and on Linux its tarball
and its .deb.

    python packaging/build.py [--dist DIR] [--no-archive]

Runs PyInstaller on packaging/jobjournal.spec, puts a short READ-ME beside the program,
prints the sizes, and on Linux packs dist/jobjournal/ into
dist/jobjournal-<version>-linux-<machine>.tar.gz and, where dpkg-deb is, into
dist/jobjournal_<version>_<arch>.deb (the bundle in /opt/jobjournal, the menu entry and
icons, `jobjournal` on the PATH). tests/test_bundle.py and the bundle_* benchmarks call
`build`, `archive` and `debian_package` directly.
"""

from __future__ import annotations

import argparse
import gzip
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
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
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level=WARN"]
    subprocess.run(
        [*command, f"--distpath={dist}", f"--workpath={work}", str(SPEC)], check=True, cwd=ROOT
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


# The system libraries the bundle leaves to the system (PyInstaller's and the spec's
# choice: the C runtime, the X client, OpenGL, fonts, D-Bus), as Debian names them.
DEBIAN_DEPENDS = (
    "libc6 (>= 2.35)",
    "libx11-6",
    "libxcb1",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
)
CONTROL = """\
Package: jobjournal
Version: {version}
Architecture: {arch}
Maintainer: jobjournal developers <jobjournal@users.noreply.github.com>
Installed-Size: {kib}
Depends: {depends}
Section: utils
Priority: optional
Homepage: https://github.com/jobjournal/jobjournal
Description: private, encrypted journal of a job search
 Keeps applications and where each stands, the people met, interview
 questions and reflections, offers and negotiation rounds, and rejections
 with the feedback asked for, in one encrypted file on this computer.
 Writes the Word letters to decline an offer or withdraw an application
 from what the journal knows. Nothing leaves the machine.
"""
COPYRIGHT = """\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: jobjournal
Source: https://github.com/jobjournal/jobjournal

Files: *
Copyright: 2026 the jobjournal developers
License: MIT
 Permission is hereby granted, free of charge, to any person obtaining a copy of this
 software and associated documentation files, to deal in the software without
 restriction, subject to the conditions of the MIT license.
"""


# What lintian says of any self-contained bundle, and why each is so here.
LINTIAN_OVERRIDES = """\
# The app is one self-contained folder (PyInstaller), installed whole under /opt.
jobjournal: dir-or-file-in-opt *
# It carries its own Python and Qt and the libraries they link, so that it runs the same
# on every Linux from glibc 2.35 on; the Depends list names what it leaves to the system.
jobjournal: embedded-library *
jobjournal: custom-library-search-path *
jobjournal: library-not-linked-against-libc *
jobjournal: shared-library-lacks-prerequisites *
jobjournal: hardening-no-pie *
jobjournal: no-manual-page *
"""


def debian_package(folder: Path, compression: str = "xz") -> Path:
    """dist/jobjournal_<version>_<arch>.deb from the bundle's folder (`compression`: how
    dpkg-deb packs it; xz for a release, none where speed matters, as in the tests)."""
    from jobjournal.core.system.assets import DESKTOP_ENTRY, ICON_SIZES, asset, icon_png

    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    target = folder.parent / f"{NAME}_{version()}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="jobjournal-deb-") as staging_dir:
        root = Path(staging_dir)
        shutil.copytree(folder, root / "opt" / NAME, symlinks=True)
        (root / "usr" / "bin").mkdir(parents=True)
        (root / "usr" / "bin" / NAME).symlink_to(f"/opt/{NAME}/{NAME}")  # across top levels
        applications = root / "usr" / "share" / "applications"
        applications.mkdir(parents=True)
        shutil.copy(asset(DESKTOP_ENTRY), applications / DESKTOP_ENTRY)
        for size in ICON_SIZES:
            icons = root / "usr" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            icons.mkdir(parents=True)
            shutil.copy(icon_png(size), icons / f"{Path(DESKTOP_ENTRY).stem}.png")
        _documents(root / "usr" / "share" / "doc" / NAME)
        overrides = root / "usr" / "share" / "lintian" / "overrides"
        overrides.mkdir(parents=True)
        (overrides / NAME).write_text(LINTIAN_OVERRIDES, encoding="utf-8")
        _control(root, arch)
        command = ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build"]
        subprocess.run(
            [*command, str(root), str(target)],
            check=True,
            capture_output=True,
        )
    return target


def _documents(doc: Path) -> None:
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(COPYRIGHT, encoding="utf-8")
    entry = (
        f"{NAME} ({version()}) unstable; urgency=medium\n\n"
        "  * Built from the project's release.\n\n"
        " -- jobjournal developers <jobjournal@users.noreply.github.com>  "
        "Fri, 04 Dec 2026 00:00:00 +0000\n"
    )
    with gzip.GzipFile(doc / "changelog.gz", "wb", compresslevel=9, mtime=0) as out:
        out.write(entry.encode())


def _control(root: Path, arch: str) -> None:
    kib = folder_bytes(root) // 1024
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(
        CONTROL.format(version=version(), arch=arch, kib=kib, depends=", ".join(DEBIAN_DEPENDS)),
        encoding="utf-8",
    )
    root.chmod(0o755)  # a temporary folder is the owner's alone; the package's root is not
    program = root / "opt" / NAME / NAME
    for path in root.rglob("*"):  # as dpkg wants them: no group or other write, and
        if path.is_symlink():  # only folders and the program itself executable
            continue
        runs = path.is_dir() or path == program or path.parent.name == "DEBIAN"
        path.chmod(0o755 if runs else 0o644)


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
        if shutil.which("dpkg-deb"):
            deb = debian_package(folder)
            print(f"{deb}  {deb.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
