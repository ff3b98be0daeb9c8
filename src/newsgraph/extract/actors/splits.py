"""Entity spans as spaCy marks them, corrected: two things in one span (a country before an
organisation's own name, "South African Foreign Affairs Department"; a country or a title
before a person's, "Ambassador to Kenya Prudence Bushnell", "Spokeswoman Ilse Brandt"),
and PERSON spans that are no name ("’s Ash", "Said Ohtani", "Next", "Dodgers")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsgraph.data import flagged_words
from newsgraph.extract.actors.candidates import Finder

POSSESSIVE = frozenset(flagged_words("function_words.json", "possessive")) | frozenset(
    flagged_words("function_words.json", "apostrophe")
)
SPEECH_FORMS = frozenset(flagged_words("function_words.json", "speech_form"))  # "said Ohtani"


def person_span(f: Finder, i: int, j: int) -> tuple[int, int] | None:
    """The name inside a PERSON span (marks around it left out), or None when the span is
    no person's name: a clitic or speech verb run into it, a heading ("School/Team:"), a
    title before a name ("Charlotte Mayor"), a plural proper noun (a team: "Dodgers"), a
    single word the article also writes in lower case ("Next", "Size")."""
    while i < j and (f.lower[i] in POSSESSIVE or not f.text[i][:1].isalnum()):
        i += 1
    while j > i and not f.text[j - 1][:1].isalnum():  # "Sophia*": a pseudonym's mark
        j -= 1
    for k in range(i, j):  # a name never runs over a line break ("Argi Cortez\nNext")
        if "\n" in f.text[k]:
            j = k
            break
    if not any(f.text[k][:1].isupper() for k in range(i, j)):
        return None  # "apps require": no capital, no name
    if i < j - 1 and f.lower[i] in SPEECH_FORMS and _inverted_speech(f, i, j):
        i += 1
    if i < j - 1 and f.lower[j - 1] in SPEECH_FORMS and f.tag[j - 1].startswith("VB"):
        j -= 1  # a headline's "Obama Says ...": the verb after the name
    if _title_before_name(f, i, j):
        return None  # "Charlotte Mayor Jennifer Roberts": a title, the name after it
    inner = [k for k in range(i + 1, j - 1) if f.lower[k] in POSSESSIVE]
    if inner:  # "Pokémon’s Ash Ketchum": the owner's name, then the person's
        i = inner[-1] + 1
    if i >= j or any("/" in f.text[k] or f.text[k].endswith(":") for k in range(i, j)):
        return None
    if j - i == 1 and (f.tag[i] == "NNPS" or f.lower[i] in f.common_words):
        surname = any(  # "Price" of "Leah Price" stays a name
            len(e) > 1 and e[-1].lower_ == f.lower[i] for e in f.doc.ents if e.label_ == "PERSON"
        )
        if not surname or f.tag[i] == "NNPS":
            return None
    return i, j


def _title_before_name(f: Finder, i: int, j: int) -> bool:
    """A span ending in a title word ("Mayor") with a person's name right after it."""
    iob, label = f.toks.ent_iob, f.toks.ent_type
    if f.lower[j - 1] not in f.lex.title_heads or j >= len(iob):
        return False
    return iob[j] == "B" and label[j] == "PERSON"


def leading_country(f: Finder, i: int, j: int) -> tuple[str | None, int]:
    """A country or demonym of up to three words opening the name, and where the rest
    begins (``i`` when there is none)."""
    for n in (3, 2, 1):
        if i + n < j:
            text = f.doc[i : i + n].text
            country = f.country_of(text) or f.demonym_of(text)
            if country:
                return country, i + n
    return None, i


def title_then_person(f: Finder, ent: Span) -> int | None:
    """Where a person's name begins in an entity span led by a title ("Spokeswoman Ilse
    Brandt" taken for an organisation): after the title words, two or three capitalised
    words that are no title or sector word."""
    lex = f.lex
    k = ent.start
    while k < ent.end and (f.lower[k] in lex.title_heads or f.lower[k] in lex.title_modifiers):
        k += 1
    if k == ent.start or not 2 <= ent.end - k <= 3:
        return None
    return k if _plain_names(f, range(k, ent.end)) else None


def _plain_names(f: Finder, tokens: range) -> bool:
    lex = f.lex
    return all(
        f.text[t][:1].isupper() and f.lower[t] not in lex.sector_nouns
        and f.lower[t] not in lex.title_heads and f.lower[t] not in lex.title_modifiers
        for t in tokens
    )  # fmt: skip


def _inverted_speech(f: Finder, i: int, j: int) -> bool:
    """ "Said Ohtani, through his interpreter:": the verb, unless the article keeps the
    whole as a name ("Said Jalili ... Said Jalili")."""
    if f.tag[i].startswith("VB"):
        return True
    whole = f.doc[i:j].text
    rest = f.doc[i + 1 : j].text
    return _count_words(f.doc_text, whole) == 1 and _count_words(f.doc_text, rest) > 1


def _count_words(text: str, phrase: str) -> int:
    """Occurrences of ``phrase`` as whole words ("Ali" not in "Alibaba")."""
    return len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text))


def country_then_person(f: Finder, ent: Span) -> int | None:
    """Where a country name ends and a person's full name begins inside one entity span
    ("Ambassador to Kenya Prudence Bushnell"), if so: after "to"/"of" or before a known
    first name, two or three capitalised words that are no title or sector word."""
    lex = f.lex
    after_title = ent.start > 0 and f.lower[ent.start - 1] in ("to", "of")
    if ent.label_ == "PERSON" and not after_title:
        return None  # "Chad Michael Murray" is one name
    for k in range(ent.start + 1, min(ent.start + 4, ent.end - 1)):
        rest = range(k, ent.end)
        if not (after_title or f.lower[k] in lex.first_names) or len(rest) > 3:
            continue
        if _plain_names(f, rest) and f.country_of(f.doc[ent.start : k].text):
            return k
    return None


def place_taken_for_person(f: Finder, ent: Span) -> bool:
    """A GPE span that is a person's name ("the ambassador to Washington, Walid Mualem"): two
    or three capitalised words opening with a known first name, no place the gazetteer
    knows."""
    n = ent.end - ent.start
    if ent.label_ != "GPE" or not 2 <= n <= 3 or f.lower[ent.start] not in f.lex.first_names:
        return False
    if f.country_of(ent.text) or f.gaz.is_toponym(ent.text):
        return False
    return _plain_names(f, range(ent.start, ent.end))


def titled_person(f: Finder, ent: Span) -> int | None:
    """A GPE or ORG span in apposition to a person's title ("Kenzo Oshima, the United
    Nations Emergency Relief Coordinator", tagged GPE "Oshima"): a person's name, no country
    or capital; returns where the name starts (its given names may lie before the span)."""
    if ent.label_ not in ("GPE", "ORG") or f.country_of(ent.text) or f.demonym_of(ent.text):
        return None
    if f.gaz.country_of_capital(ent.text):
        return None
    root = ent.root
    titles = [c for c in root.children if c.dep_ == "appos" and c.lower_ in f.lex.title_heads]
    if not titles or titles[0].i < root.i or not _plain_names(f, range(ent.start, ent.end)):
        return None
    i = ent.start
    while (
        i > 0 and f.dep[i - 1] == "compound" and f.pos[i - 1] == "PROPN" and f.owner[i - 1] is None
    ):
        i -= 1
    return i


def possessed_thing(span: Span) -> bool:
    """ "Trump's years", "Trump's 2020": someone's thing, no body's name ("McDonald's
    Corporation" and "Women's March" are names)."""
    cut = next((t.i for t in span[:-1] if t.tag_ == "POS"), None)
    return cut is not None and all(not t.text[:1].isupper() for t in span.doc[cut + 1 : span.end])
