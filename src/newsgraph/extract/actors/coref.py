"""In-document coreference: name chains, titles and descriptions, pronouns by salience."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.extract.actors import acronyms, gatherings
from newsgraph.extract.actors.candidates import Cand, told_alike
from newsgraph.extract.actors.lexicon import ActorLexicon
from newsgraph.extract.actors.names import PersonNames, short_forms
from newsgraph.model import Role
from newsgraph.nlp.spelling import same_person

PRONOUN_WINDOW = 3  # sentences back
OBJECT_DEPS = frozenset({"dobj", "pobj", "iobj", "dative"})
BODIES = ("organization", "country", "group")


@dataclass
class Chain:
    etype: str
    cands: list[Cand] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    roles: list[Role] = field(default_factory=list)
    role_words: list[tuple[str, ...]] = field(default_factory=list)
    surnames: set[str] = field(default_factory=set)
    firsts: set[str] = field(default_factory=set)
    full: tuple[str, str] | None = None  # (first, last) of a full person name
    named: bool = False
    known_code: str | None = None  # CAMEO code from the known-actors table, on the day
    canonical: str | None = None  # the full name a title + surname is known under

    def add(self, cand: Cand) -> None:
        self.cands.append(cand)
        self.country = self.country or cand.country
        self.sector = self.sector or cand.sector
        if cand.gender and cand.kind != "pronoun":
            self.gender = self.gender or cand.gender
        if cand.role_title:
            role = Role(title=cand.role_title, organization=cand.role_org, past=cand.past)
            if role not in self.roles:
                self.roles.append(role)
                self.role_words.append(cand.title_words)

    def last_before(self, pos: int) -> Cand | None:
        return max((c for c in self.cands if c.start < pos), key=lambda c: c.start, default=None)


class Coref:
    def __init__(
        self, cands: list[Cand], names: PersonNames, lex: ActorLexicon, home: str | None = None
    ) -> None:
        self.home = home  # the dateline's country: whose "the government" it is
        self.cands = cands
        self.names = names
        self.lex = lex
        self.chains: list[Chain] = []
        self.chain_of: dict[int, Chain] = {}  # id(cand) -> chain
        self.by_key: dict[str, Chain] = {}
        self.by_bare: dict[str, list[Chain]] = {}  # name without its country -> chains

    def run(self) -> list[Chain]:
        self.full_names()
        for c in self.cands:
            if c.kind in ("name", "demonym") and id(c) not in self.chain_of:
                self.name(c)
        for c in self.cands:
            if c.bound_to is not None and id(c) not in self.chain_of:
                target = self.chain_of.get(id(self.cands[c.bound_to]))
                if target is not None:
                    self.relative_role(c)
                    self.join(target, c)
        for c in self.cands:
            if id(c) in self.chain_of:
                continue
            if c.kind == "pronoun":
                self.pronoun(c)
            elif c.kind == "title" or c.extra.get("description"):
                self.description(c)
            elif c.kind == "nominal":
                self.nominal(c)
        return [ch for ch in self.chains if ch.cands]

    # -- building blocks -------------------------------------------------------
    def new(self, cand: Cand) -> Chain:
        chain = Chain(etype=cand.etype)
        self.chains.append(chain)
        self.join(chain, cand)
        return chain

    def join(self, chain: Chain, cand: Cand) -> None:
        chain.add(cand)
        self.chain_of[id(cand)] = chain

    def recent(self, chains: list[Chain], pos: int) -> Chain | None:
        """The chain mentioned last before ``pos`` (or, failing that, first after it)."""
        best, best_key = None, None
        for ch in chains:
            last = ch.last_before(pos)
            key = (1, last.start) if last else (0, -min(c.start for c in ch.cands))
            if best_key is None or key > best_key:
                best, best_key = ch, key
        return best

    def last_called(self, chains: list[Chain], pos: int, surname: str) -> Chain | None:
        """Of people sharing a surname, the one last named with it before ``pos`` ("Juan
        Miguel Gonzalez ... Elian ... Gonzalez said": the father, not the boy)."""

        def last(ch: Chain) -> int:
            starts = [
                c.start for c in ch.cands
                if c.kind == "name" and c.start < pos
                and (c.text.lower() == surname or c.text.lower().endswith(" " + surname))
            ]  # fmt: skip
            return max(starts, default=-1)

        best = max(chains, key=last)
        return best if last(best) >= 0 else self.recent(chains, pos)

    def salience(self, ch: Chain, c: Cand) -> tuple[int, float] | None:
        """How prominent a chain is just before ``c``: sentences back, and whether it was
        a subject there (centering: the last subject is the preferred antecedent)."""
        last = ch.last_before(c.start)
        if last is None:
            return None
        dist = c.sent - last.sent
        subject = any(x.subject for x in ch.cands if x.sent == last.sent and x.start < c.start)
        return dist, -10.0 * dist + 5.0 * subject + last.start / 1e7

    def salient(self, chains: list[Chain], c: Cand) -> Chain | None:
        scored = [(sal[1], ch) for ch in chains if (sal := self.salience(ch, c)) is not None]
        return max(scored, key=lambda x: x[0])[1] if scored else None

    def relative_role(self, c: Cand) -> None:
        """ "his Egyptian counterpart X": X holds the role of the last person with one."""
        if not c.title_words or not self.lex.title_heads.get(c.title_words[-1], {}).get("relative"):
            return
        pool = [ch for ch in self.chains if ch.etype == "person" and ch.roles]
        other = self.recent(pool, c.start) if pool else None
        if other is not None and other.last_before(c.start) is not None:
            role = other.roles[-1]
            c.role_title = role.title
            c.title_words = (*c.title_words[:-1], *other.role_words[-1])
            c.sector = c.sector or other.sector

    # -- names -------------------------------------------------------------------
    def full_names(self) -> None:
        """One chain per introduced person (same first and last word = same person)."""
        short = set()
        for _pid, words in enumerate(self.names.words):
            if len(words) > 1:
                s, f = short_forms(words)
                short.update(s)
                short.update(f)
        for c in self.cands:
            if c.kind != "name" or c.etype != "person":
                continue
            words = self.names.words[c.person]
            if len(words) < 2 or c.text.lower() in short:
                continue
            full = (words[0].lower(), words[-1].lower())
            chain = next((ch for ch in self.chains if ch.full == full), None)
            chain = chain or next(
                (ch for ch in self.chains if ch.full and same_person(ch.full, full)), None
            )  # "Joseph Kimotho" ... "Joseph Kamotho": one name spelled two ways
            if chain is None:
                chain = self.new(c)
                chain.full, chain.named = full, True
            else:
                self.join(chain, c)
            surnames, firsts = short_forms(words)
            chain.surnames.update(surnames)
            chain.firsts.update(firsts)

    def name(self, c: Cand) -> None:
        if c.etype == "person":
            low = c.text.lower()
            hits = [ch for ch in self.chains if low in ch.surnames]
            if len(hits) > 1:  # relatives: the surname alone goes to whoever last bore it
                chain = self.last_called(hits, c.start, low)
            else:
                hits = hits or [ch for ch in self.chains if low in ch.firsts]
                chain = self.recent(hits, c.start) if hits else self.by_key.get("person:" + low)
            if chain is None:
                chain = self.new(c)
                chain.named = True
                self.by_key["person:" + low] = chain
            else:
                self.join(chain, c)
            return
        key = c.key or f"{c.etype}:{c.text.lower()}"
        chain = self.by_key.get(key) or self.by_bare_key(c, key) or self.spelled_out(c)
        if chain is None:
            chain = self.by_key[key] = self.new(c)
            chain.named = c.kind == "name"
        else:
            self.join(chain, c)
        bare = c.extra.get("bare_key")
        if bare and all(x is not chain for x in self.by_bare.setdefault(bare, [])):
            self.by_bare[bare].append(chain)

    def by_bare_key(self, c: Cand, key: str) -> Chain | None:
        """ "the Foreign Ministry" after "the Egyptian Foreign Ministry": one body, if one."""
        chain = self.by_key.get(c.extra.get("bare_key", ""))
        if chain is not None and chain.country in (None, c.country):
            self.by_key[key] = chain  # the country-led name after its bare form
            return chain
        hits = [ch for ch in self.by_bare.get(key, []) if ch.etype == c.etype]
        if c.country is None and len(hits) == 1:  # the bare form after the country-led one
            self.by_key[key] = hits[0]
            return hits[0]
        return None

    def spelled_out(self, c: Cand) -> Chain | None:
        """ "OAU" after "the Organization of African Unity" (or before it): one body."""
        hits = [
            ch for ch in self.chains if ch.etype in ("organization", "group") and ch.named
            and acronyms.same_body(c.text, [x.text for x in ch.cands if x.kind == "name"])
        ]  # fmt: skip
        return hits[0] if len(hits) == 1 and c.etype in ("organization", "group") else None

    # -- titles, descriptions, nominals ---------------------------------------------
    def description(self, c: Cand) -> None:
        if c.extra.get("indefinite"):
            self.new(c)  # "an official": someone new
            return
        if c.etype == "country":
            pool = [ch for ch in self.chains if ch.etype == "country" and ch.named]
        elif c.etype in ("organization", "group"):
            noun = c.title_words[-1] if c.title_words else ""
            allowed = self.lex.group_nouns.get(noun, [])
            sectors = self.lex.group_noun_sectors.get(noun)
            pool = [
                ch for ch in self.chains
                if ch.named and ch.etype in allowed and c.sector in (None, ch.sector)
                and (sectors is None or ch.sector in sectors)
            ]  # fmt: skip
        else:
            pool = [ch for ch in self.chains if ch.etype == "person" and self.role_ok(ch, c)]
        before = [ch for ch in pool if ch.last_before(c.start) is not None]
        chain = self.salient(before, c) if c.etype == "person" else self.recent(before, c.start)
        if chain is None and c.etype == "person" and len(c.title_words) > 1 and len(pool) == 1:
            chain = pool[0]  # "Kenya's trade minister" in the lead, named later: the one
        if chain is not None:
            self.join(chain, c)
        elif c.kind == "title" and c.role_title and c.definite:
            self.new(c)

    def role_ok(self, ch: Chain, c: Cand) -> bool:
        if c.country and ch.country and c.country != ch.country:
            return False
        words = [w for w in c.title_words if w]
        if not words:
            return False
        head = words[-1]
        lex = self.lex
        if head in lex.descriptions:
            allowed = lex.descriptions[head]
            for rwords in ch.role_words:
                rhead = rwords[-1] if rwords else ""
                sector = (lex.title_heads.get(rhead) or {}).get("sector")
                phrase = " ".join(rwords)
                for a in allowed:
                    if a == "*" or a in (phrase, rhead) or a.startswith("*") and sector == a[1:]:
                        return True
            return False
        mods = set(words[:-1])
        for rwords in ch.role_words:
            if rwords and rwords[-1] == head and mods <= set(rwords):
                return True
        return False

    def nominal(self, c: Cand) -> None:
        chain = self.stands_for(c)
        if chain is not None:
            self.join(chain, c)
            return
        if c.extra.get("indefinite"):
            self.new(c)
            return
        same_head = [
            ch for ch in self.chains
            if any(
                x.kind == "nominal" and x.title_words == c.title_words
                and (c.definite or told_alike(x, c)) for x in ch.cands
            )
            and (c.country is None or ch.country in (None, c.country))
            and ch.last_before(c.start) is not None
        ]  # fmt: skip
        if same_head and (c.definite or c.plural):
            self.join(self.recent(same_head, c.start), c)
            return
        # an unnamed body of its kind and number, not one told apart ("the upper house")
        pool = [
            ch for ch in self.chains
            if not ch.named and ch.etype == c.etype and ch.sector == c.sector
            and (c.country is None or ch.country in (None, c.country))
            and ch.last_before(c.start) is not None
            and all(x.plural == c.plural and not x.extra.get("distinct")
                    for x in ch.cands if x.kind == "nominal")
        ]  # fmt: skip
        same_head = [ch for ch in pool if any(x.title_words == c.title_words for x in ch.cands)]
        pool = same_head if not c.definite or c.extra.get("distinct") else (same_head or pool)
        chain = self.recent(pool, c.start) if pool else None
        if chain is not None and (c.country is None or c.country == chain.country):
            self.join(chain, c)
        else:
            self.new(c)

    def stands_for(self, c: Cand) -> Chain | None:
        """The named actor a collective nominal stands for: "Hamas officials" (its org),
        "Israeli negotiators" (the country, when an actor here), "the government" (the
        dateline's country), "the crowd" (``gatherings``)."""
        org = c.extra.get("org_cand")
        if org is not None and (c.etype == "group" or c.plural or c.extra.get("org_compound")):
            return self.chain_of.get(id(self.cands[org]))
        if (crowd := gatherings.gathered(self.chains, c)) is not None:
            return crowd  # "the crowd": the marchers named just before
        head = c.title_words[-1] if c.title_words else ""
        if head not in self.lex.state_nouns or not (c.plural or c.etype == "organization"):
            return None  # "an Israeli official" is one person, not the state
        country = c.country
        if country is None and c.definite and c.j - c.i == 2 and not c.plural:
            country = self.home
        chain = self.by_key.get(f"country:{country}") if country else None
        if chain is None and c.country and c.etype == "organization" and not c.plural:
            # "the Cypriot government" in a story that never names Cyprus: still the state
            chain = self.by_key[f"country:{country}"] = Chain("country", country=country)
            chain.named = True
            self.chains.append(chain)
        return chain

    # -- pronouns ------------------------------------------------------------------
    def pronoun(self, c: Cand) -> None:
        if c.plural:
            chain = self.plural_pronoun(c)
        elif c.etype == "organization":
            chain = self.its(c)
        else:
            chain = self.personal_pronoun(c)
        if chain is not None:
            self.join(chain, c)

    def personal_pronoun(self, c: Cand) -> Chain | None:
        best, best_score = None, None
        for ch in self.chains:
            if ch.etype != "person" or (ch.gender and ch.gender != c.gender):
                continue
            sal = self.salience(ch, c)
            if sal is None or sal[0] > PRONOUN_WINDOW or self.same_clause_subject(ch, c):
                continue
            score = sal[1] + (3 if ch.gender else -5)
            if best_score is None or score > best_score:
                best, best_score = ch, score
        return best

    def same_clause_subject(self, ch: Chain, c: Cand) -> bool:
        """ "X praised him": an object pronoun is not its own clause's subject."""
        last = ch.last_before(c.start)
        return (
            last is not None and last.sent == c.sent and last.subject
            and c.extra["dep"] in OBJECT_DEPS and c.extra["verb"] == last.extra["verb"]
        )  # fmt: skip

    def plural_pronoun(self, c: Cand) -> Chain | None:
        """ "they": bound only to the one group in view ("two of them": the plural named)."""
        if c.extra.get("partitive"):
            before = [x for x in self.cands if x.sent == c.sent and x.end <= c.start]
            plurals = [x for x in before if x.plural and x.kind != "pronoun"]
            if plurals:
                return self.chain_of.get(id(plurals[-1]))
        pool = []
        for ch in self.chains:
            if ch.etype not in ("group", "organization"):
                continue
            sal = self.salience(ch, c)
            if sal is None or sal[0] > 1 or self.same_clause_subject(ch, c):
                continue
            pool.append(ch)
        return pool[0] if len(pool) == 1 else None

    def its(self, c: Cand) -> Chain | None:
        """ "its": the nearest organisation or country named earlier in the sentence, else
        the previous sentence's subject if it is one."""
        for x in reversed([x for x in self.cands if x.sent == c.sent and x.end <= c.start]):
            ch = self.chain_of.get(id(x))
            if ch is not None and self.singular_actor(ch, x):
                return ch
        prev = [x for x in self.cands if x.sent == c.sent - 1 and x.subject]
        for x in prev:
            ch = self.chain_of.get(id(x))
            if ch is not None and self.singular_actor(ch, x):
                return ch
        return None

    def singular_actor(self, ch: Chain, x: Cand) -> bool:
        return x.kind != "pronoun" and not x.plural and ch.etype in BODIES
