"""Files the app reads at run time (icons, the desktop entry).

Installed as the package `jobjournal.resources`; read them through
`jobjournal.core.assets`, never by a path of your own.
"""
