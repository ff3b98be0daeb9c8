"""Storage: the one place that writes the knowledge base."""

from newsgraph.store.sqlite import DEFAULT_DB, Store, StoreError

__all__ = ["DEFAULT_DB", "Store", "StoreError"]
