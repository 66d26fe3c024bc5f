"""The state file: SQLite rows of the table state, its file lock and background checkpoints."""
