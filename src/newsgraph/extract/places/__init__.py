"""Places: toponyms geocoded, the dateline's place."""
