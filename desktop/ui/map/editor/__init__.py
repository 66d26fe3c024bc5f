"""The deck editor: draw a location's decks (rooms, doors, corridors, ladders, markers) and
save them to the campaign folder (the model is desktop/mapedit/, Qt-free)."""
