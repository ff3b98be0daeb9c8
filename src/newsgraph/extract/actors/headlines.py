"""Names in headlines written in title case ("Clinton Hid Past Health Problems From
Public"): every word has a capital there, so the tagger's entity spans run over verbs and
nouns. Such a span keeps only the longest run of its words the article also names
outside those lines ("Clinton"), or is no name at all ("Avoid Bad Optics")."""

from __future__ import annotations

from spacy.tokens import Doc, Span

MIN_WORDS = 4  # content words (over three letters) a title-case line has at least
CAPITALISED_SHARE = 0.8
MIN_COMMON = 2  # capitalised words the article also writes in lower case ("Over", "Health")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class Headlines:
    """The title-case lines of a document and the names its other lines give."""

    def __init__(self, doc: Doc, common_words: set[str]) -> None:
        self.lines = _title_case_lines(doc, common_words)
        self.forms: set[str] = set()
        if not self.lines:
            return
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS and not self.inside(ent):
                self.forms.add(ent.text.lower())
                if ent.label_ == "PERSON":  # "Obama" of "Barack Obama"
                    self.forms.update(t.lower_ for t in ent if t.is_alpha)

    def inside(self, ent: Span) -> bool:
        return any(a <= ent.start and ent.end <= b for a, b in self.lines)

    def name_span(self, ent: Span) -> Span | None:
        """The entity as it stands, or cut to the words named elsewhere, or None."""
        if not self.lines or not self.inside(ent):
            return ent
        n = len(ent)
        for size in range(n, 0, -1):
            for a in range(0, n - size + 1):
                part = ent[a : a + size]
                if part.text.lower() in self.forms:
                    return Span(ent.doc, part.start, part.end, label=ent.label_)
        return None


def _title_case_lines(doc: Doc, common_words: set[str]) -> list[tuple[int, int]]:
    """Token ranges of the lines whose content words are nearly all capitalised and that
    capitalise words the article writes in lower case elsewhere."""
    out = []
    start = 0
    for k in range(len(doc) + 1):
        if k < len(doc) and "\n" not in doc[k].text:
            continue
        words = [t for t in doc[start:k] if t.is_alpha and len(t) > 3]
        capitalised = [t for t in words if t.text[:1].isupper()]
        common = [t for t in capitalised if t.lower_ in common_words]
        if (
            len(words) >= MIN_WORDS
            and len(capitalised) >= CAPITALISED_SHARE * len(words)
            and len(common) >= MIN_COMMON
        ):
            out.append((start, k))
        start = k + 1
    return out
