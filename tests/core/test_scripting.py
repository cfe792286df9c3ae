"""The README's scripting example runs as written (on a file in a temporary folder), and
the scripting API offers every operation in its one style."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from support import PROJECT_DIR

from jobjournal.core import api


def _example() -> str:
    readme = (PROJECT_DIR / "README.md").read_text()
    section = readme.split("## Scripting the journal", 1)[1]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found is not None
    return found.group(1)


def test_the_readme_example_runs(tmp_path: Path, capsys: object) -> None:
    code = _example().replace("/tmp/search.db", str(tmp_path / "search.db"))
    exec(compile(code, "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = capsys.readouterr().out  # type: ignore[attr-defined]
    assert "['Data Analyst']\nAcme\n" in printed and "[]" in printed
    assert (tmp_path / "search-backups").is_dir()


def test_every_operation_takes_the_journal_first() -> None:
    for name in api.__all__:
        member = getattr(api, name)
        if not inspect.isfunction(member) or name in {"create", "unlock", "with_text"}:
            continue
        first = next(iter(inspect.signature(member).parameters))
        assert first in {"self", "journal"}, f"api.{name} takes {first!r} first"
