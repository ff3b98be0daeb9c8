"""Convert the PETRARCH2/Phoenix actor dictionaries into newsgraph's known-actors table.

    python tools/build_known_actors.py ../shared/knowledge/phoenix src/newsgraph/data

Reads ``Phoenix.Countries.actors.txt`` (people of each country with dated CAMEO roles),
``Phoenix.MilNonState.actors.txt`` and ``Phoenix.International.actors.txt`` (groups and
organisations) and writes ``known_actors.tsv``: one line per name form, with the actor's
country (ISO-3, from its CAMEO codes), its codes with the dates each held, and the entry's
own name where the form is another one ("president clinton" -> "bill clinton"). Only actors
whose codes name one country are kept; a name form claimed by actors of two countries is
dropped. Heads of international organisations, whose codes name none, take their
nationality from the entry's comment ("president of the CoEU from SPAIN") or from the
project's ``igo_nationalities.tsv``; national leaders after the dictionaries' time come from
the project's ``leaders.tsv``. The source is MIT-licensed (Open Event Data Alliance); the licence is copied to
``known_actors.LICENSE`` and the table's header names the source.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections import Counter, defaultdict
from pathlib import Path

import pycountry

from newsgraph.extract.actors.knowledge import name_key

FILES = (
    ("Phoenix.Countries.actors.txt", "person"),
    ("Phoenix.MilNonState.actors.txt", "organization"),
    ("Phoenix.International.actors.txt", "organization"),
)
CODE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?\d{6,8})?-?(\d{6,8})?\]")
FORMER = {"SUN", "YUG", "CSK", "DDR"}  # former states the gazetteer knows (ISO 3166-3)
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"} | FORMER
OLD = {"USR": "SUN", "ROM": "ROU", "ZAR": "COD"}  # CAMEO codes that are not ISO-3
ORG_PREFIXES = ("NGO", "MNC")  # codes whose country (if any) comes after the prefix
SUPRANATIONAL = ("IGO", "IMG")  # regions and religions follow these, never a country
ABBREVIATION = re.compile(r"\([A-Z]+\)")
NATIONALITY = re.compile(r"\bfrom ([A-Z][A-Z_]+)\b")  # "# president of the CoEU from SPAIN"
SUPPLEMENT = "igo_nationalities.tsv"  # the project's list, in the target folder
LEADERS = "leaders.tsv"  # the project's list of national leaders after the dictionaries


def plain(raw: str) -> str:
    """``OSAMA_BIN_LADEN_`` -> "OSAMA BIN LADEN" (abbreviations in brackets dropped)."""
    return " ".join(ABBREVIATION.sub(" ", raw.strip().rstrip("_")).replace("_", " ").split())


def forms(name: str) -> set[str]:
    """The lookup keys of one name: as written, without initials and suffixes."""
    full = name_key(name)
    words = [w for w in full.split() if len(w) > 1 and w not in ("jr", "sr", "ii", "iii")]
    return {k for k in (full, " ".join(words)) if len(k.split()) >= 2}


def country_of(code: str) -> str | None:
    code = code.lstrip("~")
    if code[:3] in SUPRANATIONAL:
        return None
    for start in (0, 3) if code[:3] in ORG_PREFIXES else (0,):
        c = code[start : start + 3]
        c = OLD.get(c, c)
        if c in ISO3:
            return c
    return None


def date(text: str | None) -> str:
    """YYMMDD or YYYYMMDD -> YYYY-MM-DD ('' when absent)."""
    if not text:
        return ""
    text = text.lstrip("<>")
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy < 30 else "19") + text
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"


def nationality(comment: str) -> str | None:
    """ISO-3 of the country a dictionary comment says a person is from."""
    m = NATIONALITY.search(comment)
    if m is None:
        return None
    try:
        return pycountry.countries.lookup(m[1].replace("_", " ")).alpha_3
    except LookupError:
        return None


def entries(path: Path) -> list[tuple[list[str], list[str], str | None]]:
    """(names, codes, nationality from the comment) per dictionary entry; codes as "CODE
    start end"."""
    out: list[tuple[list[str], list[str], str | None]] = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line, _, comment = raw.partition("#")
        line = line.rstrip()
        if not line.strip():
            continue
        codes = [
            f"{m[1].lstrip('~')} {date(m[2]) if not (m[2] or '').startswith('<') else ''} "
            f"{date(m[3]) if m[3] else (date(m[2]) if (m[2] or '').startswith('<') else '')}"
            for m in CODE.finditer(line)
        ]
        head = CODE.sub(" ", line).strip()
        if line[0] in " \t[":
            if out:
                out[-1][1].extend(codes)
        elif line.startswith("+"):
            if out and head[1:].strip():
                out[-1][0].append(plain(head[1:]))
        elif out and not out[-1][1]:  # names before the codes share them
            out[-1][0].append(plain(head))
            out[-1][1].extend(codes)
        else:
            out.append(([plain(head)], codes, nationality(comment)))
    return out


def supplement(target: Path) -> dict[str, str]:
    """Name key -> nationality from the project's list of heads of organisations."""
    path = target / SUPPLEMENT
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {name_key(r[0]): r[1] for r in rows if len(r) >= 2 and not r[0].startswith("#")}


def leaders(target: Path) -> dict[str, tuple[str, str, str, str]]:
    """Name key -> (kind, country, codes, name) of the project's national leaders."""
    path = target / LEADERS
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {
        name_key(r[0]): ("person", r[1], r[2], name_key(r[0]))
        for r in rows if len(r) >= 3 and not r[0].startswith("#")
    }  # fmt: skip


def build(folder: Path, target: Path) -> int:
    rows: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    igo: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)  # heads of IGOs
    heads = supplement(target)
    for name, kind in FILES:
        for names, codes, from_comment in entries(folder / name):
            countries = Counter(c for c in (country_of(x.split()[0]) for x in codes) if c)
            if any(len(x.split()[0]) == 3 and country_of(x.split()[0]) for x in codes):
                continue  # a country's own entry (its names and cities)
            kind_here = kind
            if not countries:  # a head of an organisation: the person's nationality
                known = [heads[k] for n in names for k in forms(n) if k in heads]
                country = from_comment or (known[0] if known else None)
                if country is None or not any(x.split()[1:] for x in codes):
                    continue
                countries, kind_here = Counter([country]), "person"
            country = countries.most_common(1)[0][0]
            if len(countries) > 1 and kind == "organization":
                continue
            coded = ",".join(sorted({"|".join(x.split(" ")) for x in codes}))
            for n in names:
                for k in forms(n):
                    (rows if kind_here == kind else igo)[k].add(
                        (kind_here, country, coded, names[0])
                    )
    for key, country in heads.items():  # heads the dictionaries lack
        igo[key] = igo.get(key) or {("person", country, "", key)}
    for key, found in igo.items():  # a national entry of the same name comes first
        if key not in rows:
            rows[key] = found
    for key, row in leaders(target).items():  # leaders after the dictionaries' time
        rows[key] = rows.get(key) or {row}
    lines = []
    for k in sorted(rows):
        found = rows[k]
        if len({(kind, country) for kind, country, _, _ in found}) != 1:
            continue  # two actors of different countries (or kinds) share this name
        kind, country, coded, _ = sorted(found)[0]
        # the entry's own name, when this form is another ("president clinton") and
        # names one entry only
        heads = {name_key(head) for _, _, _, head in found}
        canonical = heads.pop() if len(heads) == 1 else ""
        canonical = canonical if canonical != k and len(canonical.split()) >= 2 else ""
        lines.append(f"{k}\t{kind}\t{country}\t{coded}" + (f"\t{canonical}" if canonical else ""))
    header = (
        "# Known actors: name key, kind, country (ISO-3), CAMEO codes with dates (CODE|from|to),\n"
        '# and the entry\'s own name where the key is another form of it ("president clinton").\n'
        "# Derived by tools/build_known_actors.py from the PETRARCH2 Phoenix actor dictionaries\n"
        "# (Open Event Data Alliance, github.com/openeventdata/petrarch2, commit 676801c),\n"
        "# MIT licence: see known_actors.LICENSE. Entries stop around 2015. Nationalities of\n"
        "# heads of international organisations: the dictionaries' comments and newsgraph's\n"
        f"# own {SUPPLEMENT}. National leaders after 2015: newsgraph's own {LEADERS}.\n"
    )
    (target / "known_actors.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    shutil.copyfile(folder / "LICENSE", target / "known_actors.LICENSE")
    return len(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("source", type=Path, help="folder with the Phoenix dictionaries")
    ap.add_argument("target", type=Path, help="newsgraph's data folder")
    args = ap.parse_args()
    print(f"{build(args.source, args.target)} name forms written")


if __name__ == "__main__":
    main()
