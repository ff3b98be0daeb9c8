"""Actors: mentions, names, titles, coreference, entities."""
