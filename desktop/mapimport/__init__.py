"""Maps made elsewhere: Universal VTT files (Dungeondraft, DungeonFog, Arkenforge) read into
rooms, doors and a background picture, written as a deck of the campaign (Qt-free)."""
