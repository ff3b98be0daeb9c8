"""Extractors: one module per kind of record, each a pure function of a DocContext."""
