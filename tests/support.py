"""Test helpers: fake keychains, journal factories, subprocess runners, file snapshots."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend

PASSPHRASE = "correct horse battery staple"
DEMO_TODAY = date(2026, 11, 20)  # a Friday: the core tests' demo journal is filled as of it
TESTS_DIR = Path(__file__).parent
PROJECT_DIR = TESTS_DIR.parent


# jobjournal trusts only the operating systems' keychains, by keyring module. The fakes
# stand in for one of them (Secret Service), so they carry its module name.
OS_KEYCHAIN_MODULE = "keyring.backends.SecretService"


class MemoryKeyring(KeyringBackend):
    """The OS keychain, faked in memory: the only fake in the suite."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.__module__ = OS_KEYCHAIN_MODULE  # subclasses are OS keychains too, unless reset

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


class FileKeyring(MemoryKeyring):
    """A fake keychain shared with child processes through a file in the test's temp folder."""

    def __init__(self, store: Path) -> None:
        super().__init__()
        self.store = store

    def _load(self) -> dict[str, str]:
        return json.loads(self.store.read_text()) if self.store.exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}|{username}"] = password
        self._write(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}|{username}", None) is None:
            raise keyring.errors.PasswordDeleteError(username)
        self._write(data)

    def _write(self, data: dict[str, str]) -> None:
        partial = self.store.with_suffix(".partial")
        partial.write_text(json.dumps(data))
        os.replace(partial, self.store)  # like a real keychain, an update is all or nothing


MemoryKeyring.__module__ = OS_KEYCHAIN_MODULE


class LowPriorityKeyring(MemoryKeyring):
    priority = 0.5  # type: ignore[assignment]


class PlaintextLookalike(MemoryKeyring):
    """Stands for keyrings.alt's PlaintextKeyring, which writes secrets into the home folder."""


PlaintextLookalike.__module__ = "keyrings.alt.file"


class UnknownPlugin(MemoryKeyring):
    """A third-party backend of high priority that keeps secrets who knows how."""

    priority = 50  # type: ignore[assignment]


UnknownPlugin.__module__ = "keyring_someplugin.backend"


class RaisingKeyring(MemoryKeyring):
    """A configured backend whose crypto module is missing: every call raises."""

    def get_password(self, service: str, username: str) -> str | None:
        raise RuntimeError("backend missing its crypto module")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("backend missing its crypto module")


class ForgetfulKeyring(MemoryKeyring):
    """Accepts secrets and keeps none, like the null backend or a broken keychain."""

    def set_password(self, service: str, username: str, password: str) -> None:
        return None


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


def run_python(
    code: str, *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(env),
        check=False,
    )


def start_python(code: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(env),
    )


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS_DIR), str(PROJECT_DIR)])
    env.update(extra or {})
    return env


def opens_with(path: Path, key: str) -> bool:
    """Whether a bare SQLCipher connection opens `path` with this `PRAGMA key` value: a
    quoted passphrase ('…') or a raw key ("x'…'")."""
    import sqlcipher3.dbapi2 as sqlcipher

    connection = sqlcipher.connect(str(path))
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {key}")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlcipher.DatabaseError:
        return False
    finally:
        connection.close()


def query_plan(journal: Any, query: Any) -> str:
    """SQLite's plan for a SQLAlchemy query on this journal, as one string."""
    from sqlalchemy.dialects import sqlite

    sql = str(query.compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with journal.reading() as connection:
        return str(connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}").all())


def snapshot(folder: Path) -> dict[str, Any]:
    """Every file below `folder`: its bytes and mode, to prove nothing changed."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mode)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def files_containing(root: Path, needle: str) -> list[Path]:
    """Files below `root` whose bytes contain `needle` in UTF-8 or UTF-16."""
    patterns = [needle.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be")]
    return [
        p
        for p in root.rglob("*")
        if p.is_file() and any(pattern in p.read_bytes() for pattern in patterns)
    ]


def by_name(root: Any, accessible_name: str, kind: Any = None) -> Any:
    """The one visible-or-not child widget of `root` with this accessible name."""
    from PySide6.QtWidgets import QWidget

    found = [w for w in root.findChildren(kind or QWidget) if w.accessibleName() == accessible_name]
    assert len(found) == 1, f"{len(found)} widgets named {accessible_name!r}"
    return found[0]


def packaging_script(name: str) -> ModuleType:
    """packaging/<name>.py as a module. packaging/ is no package: its name would hide
    PyPI's `packaging`, which pip and PyInstaller import."""
    path = PROJECT_DIR / "packaging" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def keep_section(page: Path, name: str, text: str) -> None:
    """A page under docs/ that tests write: each test owns one marked section of it.
    With JOBJOURNAL_WRITE_RELIABILITY=1 the section is rewritten; otherwise the test
    fails when the committed page no longer says what the test found."""
    begin, end = f"<!-- {name}: written by the tests -->\n", f"<!-- end of {name} -->\n"
    current = page.read_text() if page.exists() else ""
    if begin in current and end in current:
        before, rest = current.split(begin, 1)
        after = rest.split(end, 1)[1]
    else:
        before, after = (current.rstrip("\n") + "\n\n" if current else ""), ""
    wanted = f"{before}{begin}{text}{end}{after}"
    if os.environ.get("JOBJOURNAL_WRITE_RELIABILITY"):
        page.write_text(wanted)
        return
    assert current == wanted, (
        f"{page.name} no longer says what the tests found ({name}): rerun them with "
        "JOBJOURNAL_WRITE_RELIABILITY=1 and read the difference"
    )


_DEMO_TEMPLATES: dict[date, Path] = {}


def open_demo_copy(path: Path, today: date, templates: Path) -> Any:
    """A demo journal at `path` filled as of `today`: filled once per run into
    `templates`, then copied for each test (filling it takes longer than the test that
    uses it), and opened with the passphrase as a person would."""
    import shutil

    from jobjournal.core.storage import paths, vault
    from jobjournal.core.work.demo import fill_demo

    template = _DEMO_TEMPLATES.get(today)
    if template is None or not template.exists():
        template = templates / f"demo-{today.isoformat()}.db"
        made = vault.create(template, PASSPHRASE)
        fill_demo(made, today=today)
        made.lock()
        _DEMO_TEMPLATES[today] = template
    paths.make_private_dir(path.parent)
    shutil.copyfile(template, path)
    path.chmod(0o600)
    return vault.unlock(path, PASSPHRASE)


def application_at(journal: Any, company: str) -> int:
    """The id of the (first listed) application at `company`."""
    return int(next(r.id for r in journal.list_applications() if r.company == company))
