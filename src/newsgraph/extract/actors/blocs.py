"""States named together by their region: "all Balkan states", "Western countries", "the
Gulf states". One group actor per region, coded with CAMEO's regional code where it has one."""

from __future__ import annotations

from newsgraph.extract.actors.candidates import Finder
from newsgraph.extract.actors.lexicon import Organization


def find(f: Finder) -> None:
    """A plural state noun right after a region's words, none of them taken yet, and not
    counted."""
    lex = f.lex
    for k, low in enumerate(f.lower):
        if (
            low not in lex.bloc_nouns
            or f.owner[k] is not None
            or f.doc[k].tag_ not in ("NNS", "NNPS")
        ):
            continue
        region = None
        for n in (2, 1):  # "Central Asian states" before "Asian states"
            i = k - n
            words = " ".join(f.lower[i:k]) if i >= 0 else ""
            if words in lex.bloc_regions and f.text[k - 1][:1].isupper():
                region = words
                break
        if region is None or any(f.owner[t] is not None for t in range(i, k)):
            continue
        if i > 0 and f.doc[i - 1].like_num:
            continue  # "the three eastern European countries": states named before
        code = lex.bloc_regions[region]
        name = " ".join([*(w[:1].upper() + w[1:] for w in f.text[i:k]), f.text[k]])
        bloc = Organization(name=name, country=None, sector="", kind="group", cameo=code)
        f.add(i, k + 1, "name", "group", key=f"bloc:{code or region}", org=bloc, plural=True)
