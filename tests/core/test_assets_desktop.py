"""resources/ through its one accessor, and the Linux menu entry written from it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jobjournal import APP_ID
from jobjournal.core.errors import CannotWrite
from jobjournal.core.system import desktop_entry
from jobjournal.core.system.assets import (
    DESKTOP_ENTRY,
    ICON_SIZES,
    ICON_SVG,
    asset,
    icon_png,
    icon_pngs,
)

PROJECT = Path(__file__).resolve().parents[2]
needs_validator = pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian: desktop-file-utils)",
)


def _validate(entry: Path) -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(entry)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout, result.stdout


def test_the_accessor_finds_every_file_the_app_reads() -> None:
    assert asset(*ICON_SVG).read_bytes().startswith(b"<?xml")
    assert [path.name for path in icon_pngs()] == [f"jobjournal-{n}.png" for n in ICON_SIZES]
    for path in icon_pngs():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert asset(DESKTOP_ENTRY).read_text(encoding="utf-8").startswith("[Desktop Entry]")


def test_a_missing_resource_is_named_in_the_error() -> None:
    with pytest.raises(FileNotFoundError, match=r"icons/nothing\.png"):
        asset("icons", "nothing.png")
    with pytest.raises(FileNotFoundError, match=r"jobjournal-17\.png"):
        icon_png(17)


def test_the_desktop_entry_matches_the_app_id() -> None:
    fields = dict(
        line.split("=", 1)
        for line in asset(DESKTOP_ENTRY).read_text(encoding="utf-8").splitlines()
        if "=" in line
    )
    assert f"{APP_ID}.desktop" == DESKTOP_ENTRY
    assert fields["Icon"] == APP_ID
    assert fields["Type"] == "Application"
    assert fields["Exec"].split()[0] == "jobjournal"
    assert "Office" in fields["Categories"].split(";")


@needs_validator
def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    _validate(asset(DESKTOP_ENTRY))


def test_exec_quotes_the_program_as_the_spec_says() -> None:
    plain = desktop_entry.exec_argument(Path("/opt/job journal/jobjournal"))
    assert plain == '"/opt/job journal/jobjournal"'
    odd = desktop_entry.exec_argument(Path('/home/a"b/$x/`c`/d\\e/jobjournal'))
    # Each of " $ ` \ gets a backslash, and then every backslash is doubled for the file.
    assert odd == '"/home/a\\\\"b/\\\\$x/\\\\`c\\\\`/d\\\\\\\\e/jobjournal"'


@pytest.mark.parametrize("bad", ["/opt/100%/jobjournal", "/opt/a\nb/jobjournal"])
def test_a_path_no_menu_entry_can_hold_is_refused(bad: str) -> None:
    with pytest.raises(CannotWrite, match="cannot start a program"):
        desktop_entry.entry_text(Path(bad))


def test_install_writes_the_entry_and_every_icon_then_uninstall_removes_them(
    tmp_path: Path, jobjournal_home: Path
) -> None:
    program = tmp_path / "bundle dir" / "jobjournal"
    written = desktop_entry.install(program)
    share = jobjournal_home / "share"  # JOBJOURNAL_HOME keeps tests out of ~/.local/share
    entry = share / "applications" / DESKTOP_ENTRY
    assert written[0] == entry
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{program}" %f' in text
    assert f"TryExec={program}\n" in text
    assert f"Icon={APP_ID}\n" in text
    for size in ICON_SIZES:
        icon = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert icon.read_bytes() == icon_png(size).read_bytes()
    svg = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == asset(*ICON_SVG).read_bytes()
    assert len(written) == 2 + len(ICON_SIZES)

    assert desktop_entry.uninstall() == written
    assert not any(path.exists() for path in written)
    assert desktop_entry.uninstall() == []


@needs_validator
def test_the_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    entry, *_ = desktop_entry.install(tmp_path / "odd $name" / "jobjournal")
    _validate(entry)


def test_a_share_folder_that_cannot_be_written_gives_a_message(jobjournal_home: Path) -> None:
    share = jobjournal_home / "share"
    share.mkdir(parents=True)
    (share / "applications").write_text("a file where the folder should be")
    with pytest.raises(CannotWrite, match="Could not add jobjournal to the menu"):
        desktop_entry.install(Path("/opt/jobjournal/jobjournal"))


def test_the_source_launcher_is_the_installed_script() -> None:
    assert desktop_entry.launcher() == (Path(sys.executable).parent / "jobjournal").resolve()


@pytest.mark.slow
def test_a_built_wheel_carries_resources_and_finds_them_installed(tmp_path: Path) -> None:
    """The installed case: a real wheel, installed into a folder of its own, run from
    a directory where the checkout cannot be imported."""
    wheels, target, source = tmp_path / "wheels", tmp_path / "site", tmp_path / "source"
    # Built from a copy: setuptools leaves a build/ folder in whatever it builds.
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(PROJECT / name, source / name)
    for name in ("jobjournal", "resources"):
        shutil.copytree(PROJECT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-cache-dir", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", wheels, source], check=True, timeout=600)
    (wheel,) = wheels.glob("jobjournal-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for size in ICON_SIZES:
        assert f"jobjournal/resources/icons/jobjournal-{size}.png" in names
    assert f"jobjournal/resources/{DESKTOP_ENTRY}" in names
    assert "jobjournal/resources/icons/jobjournal.svg" in names
    modules = {
        f"jobjournal/{p.relative_to(PROJECT / 'jobjournal').as_posix()}"
        for p in (PROJECT / "jobjournal").rglob("*.py")
    }
    assert modules <= names, sorted(modules - names)  # pyproject lists every subpackage
    subprocess.run([*pip, "install", "--no-deps", "--target", target, wheel], check=True)
    code = (
        "import jobjournal.core.system.assets as a;"
        "print(a.asset(a.DESKTOP_ENTRY)); print(a.icon_png(512))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert [Path(line) for line in found] == [
        target / "jobjournal" / "resources" / DESKTOP_ENTRY,
        target / "jobjournal" / "resources" / "icons" / "jobjournal-512.png",
    ]
