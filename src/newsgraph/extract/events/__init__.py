"""PLOVER events: lexicon, triggers, roles, context, dates, links, merging."""
