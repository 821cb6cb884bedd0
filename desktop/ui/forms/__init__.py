"""Compiled Qt Designer forms (generated from forms/*.ui; do not edit)."""
