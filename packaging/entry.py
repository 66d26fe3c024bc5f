"""Entry script of the packaged app: the same as `gm-terminal` / `python -m desktop`."""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
