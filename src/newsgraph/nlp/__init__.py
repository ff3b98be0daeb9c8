"""Natural-language processing: the spaCy model and its components."""
