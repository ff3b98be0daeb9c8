"""Data files: lexicons, gazetteer tables and ontologies."""
