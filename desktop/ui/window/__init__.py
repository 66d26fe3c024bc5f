"""The GM window itself: main window, menus, wiring, settings, layout, help, the focus bar,
the dispatcher and the intent routing."""
