"""The bundle's entry point: the same `main` that `python -m jobjournal` runs."""

import sys

from jobjournal.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
