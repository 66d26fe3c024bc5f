"""Test setup shared by the whole suite; must not import Qt (model tests stay Qt-free)."""

import os

# Qt widgets in tests render off screen; tests that need the real headless path start a
# subprocess with this variable removed (see PITFALLS.md, "Headless means QCoreApplication").
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
