"""Bundled replay packs (recorded real responses)."""
