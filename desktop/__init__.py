"""GM Terminal: the game master's console and the table's live player displays."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("gm-terminal")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0.1.0"
