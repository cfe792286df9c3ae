"""docs/code-map.md names every folder and module of the app, the benchmarks and the
packaging, so the map a newcomer reads first is never missing a part."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PROJECT_DIR

PACKAGES = sorted(
    init.parent.relative_to(PROJECT_DIR).as_posix()
    for init in (PROJECT_DIR / "jobjournal").rglob("__init__.py")
    if "resources" not in init.parts
)
FOLDERS = (*PACKAGES, "benchmarks", "packaging")


def _code_map() -> str:
    return (PROJECT_DIR / "docs" / "code-map.md").read_text()


@pytest.mark.parametrize("folder", FOLDERS)
def test_the_code_map_lists_every_module(folder: str) -> None:
    modules = sorted((PROJECT_DIR / folder).glob("*.py"))
    missing = [
        m.name for m in modules if m.name != "__init__.py" and f"`{m.name}`" not in _code_map()
    ]
    assert missing == [], f"add to docs/code-map.md: {missing}"


@pytest.mark.parametrize("folder", [p for p in PACKAGES if p.count("/") == 2])
def test_the_code_map_names_every_folder(folder: str) -> None:
    inside = Path(folder).relative_to("jobjournal").as_posix()  # "core/storage"
    assert f"{inside}/" in _code_map(), f"add a section for {inside}/ to docs/code-map.md"
