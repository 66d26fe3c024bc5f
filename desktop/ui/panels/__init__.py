"""The docks around the map, one module per dock (and the rows/forms they hold)."""
