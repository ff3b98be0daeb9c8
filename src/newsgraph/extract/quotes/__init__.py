"""Quotes: quotation marks, speech cues, reported speech."""
