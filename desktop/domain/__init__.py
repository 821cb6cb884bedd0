"""Pure rules of the emulation movement: no Qt, no database."""
