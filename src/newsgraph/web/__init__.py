"""The web face: `newsgraph serve` (JSON API and server-rendered pages)."""
