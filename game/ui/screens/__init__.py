"""One module per screen; each builds its widgets from the engine's state and the settings."""
