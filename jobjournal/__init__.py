"""jobjournal: a private, offline, encrypted job-search journal."""

__version__ = "0.1.0"
# The desktop entry's name, the icon's, Wayland's app id and the macOS bundle id.
APP_ID = "io.github.jobjournal"
