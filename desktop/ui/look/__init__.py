"""The look: theme, colours, fonts, icons, the app icon and cached images."""
