"""The GM window (PySide6 only; never imports desktop.net)."""
