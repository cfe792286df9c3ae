"""jobjournal: a private, offline, encrypted job-search journal."""

__version__ = "0.1.0"
