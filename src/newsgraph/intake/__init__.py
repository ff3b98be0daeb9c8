"""Intake: files to articles."""
