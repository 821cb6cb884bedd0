"""Exchange with the outside world: Excel forms in and out, reports, packages."""
