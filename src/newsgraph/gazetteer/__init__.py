"""The gazetteer: countries, subdivisions, cities and news regions, indexed once."""
