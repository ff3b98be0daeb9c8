"""Time expressions: grammar, normalisation, publication dates, anchors."""
