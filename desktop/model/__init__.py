"""The table state: actions, store, player projection (pure Python: no I/O, no threads)."""
