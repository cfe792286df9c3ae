"""The PySide6 face of jobjournal: thin widgets over `jobjournal.core`."""
