"""The real bundle: `make package`'s build on this system, its self-test, its size.

Slow (about a minute: PyInstaller, then the tarball), and Linux only, where the
tarball is made; Windows and macOS bundles are built and self-tested by
.github/workflows/bundle.yml on those systems.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import bundle_build
import pytest
from support import packaging_script

from jobjournal.core.system.assets import DESKTOP_ENTRY, ICON_SIZES

MAX_UNPACKED = 220_000_000
MAX_COMPRESSED = 90_000_000

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the Linux bundle"),
]


class Bundle:
    def __init__(self, folder: Path, tarball: Path) -> None:
        self.folder, self.tarball = folder, tarball
        self.program = folder / "jobjournal"

    def run(self, *args: str, home: Path, extra: dict[str, str] | None = None) -> str:
        """Run the bundled program as a person's desktop would, with no display at all."""
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "PYTHONPATH"}
        }
        env.update(JOBJOURNAL_HOME=str(home), **(extra or {}))
        result = subprocess.run(
            [str(self.program), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            cwd=home.parent,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout


@pytest.fixture(scope="session")
def bundle() -> Bundle:
    return Bundle(*bundle_build.finish())


def test_the_bundled_app_passes_its_self_test_headless(bundle: Bundle, tmp_path: Path) -> None:
    out = bundle.run("--self-test", home=tmp_path / "home")
    lines = out.splitlines()
    assert lines[-1] == "self-test passed", out
    assert len(lines) == 11 and all(line.startswith("ok ") for line in lines[:-1]), out
    assert lines[0].startswith("ok     window libraries: libqxcb.so loads"), out
    assert "keyring.backends.SecretService present" in out  # the keychain backend is bundled
    assert "drawn at 1000×700 on “offscreen”" in out


def test_the_bundle_fits_its_size_budget(bundle: Bundle) -> None:
    unpacked = packaging_script("build").folder_bytes(bundle.folder)
    compressed = bundle.tarball.stat().st_size
    assert unpacked <= MAX_UNPACKED, f"{unpacked / 1e6:.1f} MB unpacked"
    assert compressed <= MAX_COMPRESSED, f"{compressed / 1e6:.1f} MB compressed"


def test_unused_qt_parts_are_left_out_and_the_desktop_ones_kept(bundle: Bundle) -> None:
    qt = bundle.folder / "_internal" / "PySide6" / "Qt"
    assert not (qt / "translations").exists()
    plugins = {path.parent.name + "/" + path.name for path in (qt / "plugins").rglob("*.so")}
    for needed in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platformthemes/libqgtk3.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",
        "printsupport/libcupsprintersupport.so",
        "wayland-shell-integration/libxdg-shell.so",
    ):
        assert needed in plugins
    for dropped in ("platforms/libqvnc.so", "imageformats/libqpdf.so", "tls/", "sqldrivers/"):
        assert not any(name.startswith(dropped) for name in plugins), dropped
    top = {path.name for path in (bundle.folder / "_internal").iterdir()}
    gtk_stack = ("libgtk-3.", "libgdk-3.", "libpango", "libcairo", "libatk-", "libgdk_pixbuf")
    assert not any(name.startswith(gtk_stack) for name in top)  # the desktop's own GTK
    assert {"libfontconfig.so.1", "libglib-2.0.so.0"} <= top  # what Qt itself needs stays
    assert any(name.startswith("libpython3.") for name in top)


def test_the_tarball_unpacks_to_one_runnable_folder(bundle: Bundle, tmp_path: Path) -> None:
    with tarfile.open(bundle.tarball) as tar:
        names = tar.getnames()
        assert {name.split("/")[0] for name in names} == {"jobjournal"}
        tar.extractall(tmp_path / "unpacked", filter="tar")
    unpacked = Bundle(tmp_path / "unpacked" / "jobjournal", bundle.tarball)
    assert "--install-desktop" in (unpacked.folder / "READ-ME.txt").read_text(encoding="utf-8")
    icons = unpacked.folder / "_internal" / "jobjournal" / "resources" / "icons"
    assert {f"jobjournal-{size}.png" for size in ICON_SIZES} <= {p.name for p in icons.iterdir()}
    assert unpacked.run("--self-test", home=tmp_path / "home").endswith("self-test passed\n")


def test_the_bundle_puts_itself_in_the_menu(bundle: Bundle, tmp_path: Path) -> None:
    home = tmp_path / "home"
    out = bundle.run("--install-desktop", home=home)
    entry = home / "share" / "applications" / DESKTOP_ENTRY
    assert str(entry) in out
    assert f'Exec="{bundle.program.resolve()}" %f' in entry.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True)
        assert check.returncode == 0 and not check.stdout, check.stdout
    bundle.run("--uninstall-desktop", home=home)
    assert not entry.exists()


def test_the_bundle_paints_its_unlock_window(bundle: Bundle, tmp_path: Path) -> None:
    """What bundle_start times: a start on an existing journal, to the first paint."""
    home = tmp_path / "home"
    code = (
        "from jobjournal.core.storage import paths, vault;"
        "vault.create(paths.default_journal_path(), '-')"
    )
    subprocess.run(
        [sys.executable, "-c", code], env=dict(os.environ, JOBJOURNAL_HOME=str(home)), check=True
    )
    timed = {"QT_QPA_PLATFORM": "offscreen", "JOBJOURNAL_EXIT_ON_FIRST_PAINT": "1"}
    bundle.run(home=home, extra=timed)  # exits 0 at the paint; a hang fails at the timeout


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb builds the .deb")
def test_the_deb_installs_the_bundle_its_menu_entry_and_icons(
    bundle: Bundle, tmp_path: Path
) -> None:
    deb = packaging_script("build").debian_package(bundle.folder, compression="none")
    info = subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True)
    assert "Package: jobjournal" in info.stdout and "Depends: libc6 (>= 2.35)" in info.stdout
    listed = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True)
    for path in (
        "./opt/jobjournal/jobjournal",
        "./usr/bin/jobjournal -> /opt/jobjournal/jobjournal",
        f"./usr/share/applications/{DESKTOP_ENTRY}",
        *(f"./usr/share/icons/hicolor/{n}x{n}/apps/" for n in ICON_SIZES),
        "./usr/share/doc/jobjournal/copyright",
    ):
        assert path in listed.stdout, path
    runnable = [line.split()[-1] for line in listed.stdout.splitlines() if line.startswith("-rwx")]
    assert runnable == ["./opt/jobjournal/jobjournal"]  # libraries are not programs (lintian)
    assert "root/root" in listed.stdout and "-rw-rw" not in listed.stdout
    subprocess.run(["dpkg", "-x", str(deb), str(tmp_path / "root")], check=True)
    installed = Bundle(tmp_path / "root" / "opt" / "jobjournal", bundle.tarball)
    out = installed.run("--self-test", home=tmp_path / "home")
    assert out.splitlines()[-1] == "self-test passed", out
    # lintian takes a minute over 170 MB: run by hand on a release (`lintian dist/*.deb`).
