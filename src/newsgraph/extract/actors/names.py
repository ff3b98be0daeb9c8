"""Person names: the full names a document introduces and their short forms."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Finder
from newsgraph.extract.actors.lexicon import NAME_PARTICLES, ActorLexicon

HYPHEN_PARTICLES = tuple(p + "-" for p in flagged_words("name_particles.json", "prefix"))


def short_forms(words: list[str]) -> tuple[list[str], list[str]]:
    """Surname forms and given-name forms of a full name (lower case)."""
    low = [w.lower() for w in words]
    surnames: list[str] = []
    last = low[-1]
    surnames.append(last)
    for p in HYPHEN_PARTICLES:
        if last.startswith(p) and len(last) > len(p) + 1:
            surnames.append(last[len(p) :])
    if len(low) >= 3 and low[-2] in NAME_PARTICLES:
        surnames.append(low[-2] + " " + last)
    firsts = [] if low[0] in NAME_PARTICLES else [low[0]]
    return surnames, firsts


class PersonNames:
    """Distinct person-name strings of one document, each with its short forms."""

    def __init__(self, lex: ActorLexicon) -> None:
        self.lex = lex
        self.texts: list[str] = []
        self.words: list[list[str]] = []
        self._ids: dict[str, int] = {}

    def register(self, span: Span) -> int:
        text = span.text
        pid = self._ids.get(text)
        if pid is None:
            pid = self._ids[text] = len(self.texts)
            self.texts.append(text)
            self.words.append(text.replace("\u2019", "'").split())
        return pid

    def gender(self, pid: int) -> str | None:
        words = self.words[pid]
        return self.lex.first_names.get(words[0].lower()) if len(words) > 1 else None

    def is_full(self, pid: int) -> bool:
        return len(self.words[pid]) > 1

    def strip_titles(self, doc: Doc, i: int, j: int, lex: ActorLexicon) -> int:
        """Start of the name proper inside a PERSON entity ("Crown Prince Mohammed ...")."""
        while i < j - 1:
            low = doc[i].lower_
            if low in lex.title_heads or low in lex.title_modifiers or low in lex.honorifics:
                i += 1
            else:
                break
        return i

    def propagate(self, finder: Finder) -> None:
        """Later occurrences of a known full name's short forms are mentions of that person,
        whatever spaCy labelled them (bare non-Western surnames come out NORP, ORG or nothing).
        """
        forms: set[str] = set()
        for _pid, words in enumerate(self.words):
            if len(words) > 1:
                surnames, firsts = short_forms(words)
                forms.update(surnames)
                forms.update(firsts)
                forms.add(" ".join(words).lower())
        if not forms:
            return
        texts, lowers, idx, doc_text = finder.text, finder.lower, finder.idx, finder.doc_text
        n_tok = len(texts)
        i = 0
        while i < n_tok:
            if not (texts[i][:1].isupper() or lowers[i] in NAME_PARTICLES):
                i += 1
                continue
            hit = 0
            for n in (4, 3, 2, 1):
                last = i + n - 1
                if i + n > n_tok or not texts[last][:1].isupper():
                    continue
                if doc_text[idx[i] : idx[last] + len(texts[last])].lower() in forms:
                    hit = n
                    break
            if hit and self._claim(finder, i, i + hit):
                i += hit
            else:
                i += 1

    def _claim(self, finder: Finder, i: int, j: int) -> bool:
        owners = {finder.owner[t] for t in range(i, j)}
        if owners != {None}:
            if len(owners) != 1:
                return False
            cand = finder.cands[owners.pop()]
            if cand is None or (cand.i, cand.j) != (i, j) or cand.kind == "pronoun":
                return False
            if cand.etype in ("person", "country") or cand.org is not None:
                return False
            finder.release(cand)
        span = finder.doc[i:j]
        pid = self.register(span)
        finder.add(i, j, "name", "person", person=pid, gender=self.gender(pid))
        return True
