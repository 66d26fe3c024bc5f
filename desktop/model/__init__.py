"""The table state: actions, store, player projection and persistence (pure Python)."""
