"""The map's graphics items: rooms, doors, links, markers, tokens."""
