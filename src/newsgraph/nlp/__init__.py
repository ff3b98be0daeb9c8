"""Language analysis: the spaCy model, its faster components, token arrays."""
