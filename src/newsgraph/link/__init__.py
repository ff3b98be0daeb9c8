"""Cross-document linking: actors, events, duplicates and stories across articles."""
