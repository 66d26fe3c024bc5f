"""The deck editor's model (Qt-free): a location's map as plain frozen values, edited by
operations with their own undo, read from and saved to the campaign folder in our format."""
