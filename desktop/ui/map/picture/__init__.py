"""What the map draws, as frozen Qt-free shapes (from the table state or a player snapshot)."""
