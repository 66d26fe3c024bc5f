"""`python -m desktop` and the `gm-terminal` command: parse the command line and dispatch."""

from __future__ import annotations

import sys

from desktop.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
