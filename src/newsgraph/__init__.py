"""newsgraph: news articles to an evidence-linked knowledge base."""

__version__ = "0.1.0"
