"""jobjournal.core must work where Qt cannot even be imported."""

from __future__ import annotations

from support import run_python

BLOCK_QT_THEN_IMPORT_CORE = """
    import importlib, pkgutil, sys

    class NoQt:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError("Qt is blocked in this test")
            return None

    sys.meta_path.insert(0, NoQt())
    import jobjournal.core
    for module in pkgutil.walk_packages(jobjournal.core.__path__, "jobjournal.core."):
        importlib.import_module(module.name)
    print("imported", len(list(pkgutil.walk_packages(jobjournal.core.__path__))))
"""


def test_every_core_module_imports_with_qt_blocked() -> None:
    result = run_python(BLOCK_QT_THEN_IMPORT_CORE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("imported")
