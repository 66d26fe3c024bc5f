"""The picture is Qt-free: its tests run without the UI tests' Qt loop (nor a QApplication)."""

import pytest


@pytest.fixture
def qloop() -> None:
    """No Qt loop here (overrides tests/ui/conftest.py's)."""
