"""Benchmark scorers: each module reads a published benchmark at run time and returns figures."""
