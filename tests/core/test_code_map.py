"""docs/code-map.md names every module of the app, the benchmarks and the packaging, so
the map a newcomer reads first is never missing a part."""

from __future__ import annotations

import pytest
from support import PROJECT_DIR

FOLDERS = ("jobjournal", "jobjournal/core", "jobjournal/ui", "benchmarks", "packaging")


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_code_map_lists_every_module(folder: str) -> None:
    code_map = (PROJECT_DIR / "docs" / "code-map.md").read_text()
    modules = sorted((PROJECT_DIR / folder).glob("*.py"))
    missing = [
        module.name
        for module in modules
        if module.name != "__init__.py" and f"`{module.name}`" not in code_map
    ]
    assert missing == [], f"add to docs/code-map.md: {missing}"
