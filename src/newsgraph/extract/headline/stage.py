"""The headline stage: the lede's best clause, answered who / what / when / where.

Each candidate clause (``clauses``) is scored as Giveme5W1H scores its who/what
candidates: earlier sentences and main clauses first, the clause that repeats most of
the title's words (the title has no offsets in the text: it weighs, it is not answered
from), a subject that the article names often and that is a resolved actor, a clause
that is a coded event. The chosen clause's sentence then answers when (a time
expression of that sentence or the lede, normalised by the time stage against the
publication date; the publication date itself, marked so, when none) and where (a place
of that sentence or the lede, the most specific first; the dateline only when the coded
event is placed there). Weights are data (``data/headline.json``).
"""

from __future__ import annotations

from datetime import date, timedelta

from newsgraph.extract.headline.clauses import Clause, char_span, lede_clauses
from newsgraph.extract.headline.settings import Settings, load
from newsgraph.model import Answer, DocContext, Headline, PlaceMention
from newsgraph.nlp.resources import Resources
from newsgraph.nlp.tokens import Tokens

NAMED_KINDS = frozenset({"person", "organization", "country", "group"})
ACTING = frozenset({"nsubj", "nsubjpass", "poss"})  # a place in these roles names an actor


def run(ctx: DocContext, res: Resources) -> None:
    ctx.result.headline = choose(ctx, res.get("headline", load))


def choose(ctx: DocContext, cfg: Settings) -> Headline | None:
    """The article's headline event, or None when its lede has no clause with a subject."""
    best: tuple[float, Clause, Answer, int | None] | None = None
    quoted = [(q.start, q.end) for q in ctx.result.quotes if q.direct]
    for clause in lede_clauses(ctx, cfg):
        at = ctx.tokens.idx[clause.verb]
        if any(start <= at < end for start, end in quoted):
            continue
        who = _who(ctx, clause)
        if who is None:
            continue
        event = _event_of(ctx, clause)
        score = _score(ctx, cfg, clause, who, event)
        if best is None or score > best[0]:
            best = (score, clause, who, event)
    if best is None:
        return None
    score, clause, who, event = best
    start, end = char_span(ctx.tokens, *clause.what)
    what = Answer(ctx.text[start:end], start, end)
    if event is not None:
        what.value = ctx.result.events[event].type
    return Headline(
        sentence_start=clause.sent_start,
        sentence_end=clause.sent_end,
        who=who,
        what=what,
        when=_when(ctx, cfg, clause),
        where=_where(ctx, cfg, clause, event),
        event=event,
        score=round(score, 3),
    )


def _score(ctx: DocContext, cfg: Settings, clause: Clause, who: Answer, event: int | None) -> float:
    toks = ctx.tokens
    words = [toks.text[i] for i in range(*clause.who)] + [toks.text[i] for i in range(*clause.what)]
    title = cfg.text_stems(ctx.article.title or "")
    entities = ctx.result.entities
    most = max((len(e.mentions) for e in entities), default=0)
    entity = entities[who.entity] if who.entity is not None else None
    named = 0.0
    if entity is not None and entity.kind in NAMED_KINDS:
        named = 1.0
    elif toks.pos[clause.subject] == "PROPN":
        named = 0.5
    features = {
        "position": 1.0 / (1 + clause.rank),
        "title": len(cfg.stems(words) & title) / len(title) if title else 0.0,
        "frequency": len(entity.mentions) / most if entity is not None and most else 0.0,
        "event": 1.0 if event is not None else 0.0,
        "named": named,
        "clause": cfg.clause_weight.get(clause.dep, 0.1),
    }
    return sum(cfg.weights.get(name, 0.0) * value for name, value in features.items())


def _who(ctx: DocContext, clause: Clause) -> Answer | None:
    """The subject phrase; a pronoun answers with the name it stands for (its last mention
    before the pronoun), or not at all."""
    toks = ctx.tokens
    mention = ctx.mention_at(ctx.doc[clause.subject])
    entity = mention.entity if mention is not None else None
    if toks.pos[clause.subject] == "PRON":
        if entity is None:
            return None
        at = toks.idx[clause.subject]
        names = [m for m in ctx.result.entities[entity].mentions if m.kind == "name"]
        earlier = [m for m in names if m.start < at]
        if not names:
            return None
        m = earlier[-1] if earlier else names[0]
        return Answer(m.text, m.start, m.end, basis="coreference", entity=entity)
    start, end = char_span(toks, *clause.who)
    if (
        mention is not None
        and clause.sent_start <= mention.start
        and mention.end <= clause.sent_end
    ):
        start, end = min(start, mention.start), max(end, mention.end)  # the whole name
    if entity is None:
        entity = _named(ctx, ctx.text[start:end])
    return Answer(ctx.text[start:end], start, end, entity=entity)


def _named(ctx: DocContext, words: str) -> int | None:
    """The actor a subject names with the words of one of its names found elsewhere (the
    actors stage may have passed over this mention)."""
    key = words.lower().removeprefix("the ")
    for k, entity in enumerate(ctx.result.entities):
        if any(m.kind == "name" and m.text.lower() == key for m in entity.mentions):
            return k
    return None


def _event_of(ctx: DocContext, clause: Clause) -> int | None:
    """The coded event whose trigger is the clause's verb (or a word of its phrases)."""
    toks = ctx.tokens
    at = toks.idx[clause.verb]
    words = {toks.lower[i] for i in (*range(*clause.who), *range(*clause.what))}
    found = None
    for k, event in enumerate(ctx.result.events):
        for m in event.mentions:
            if not (m.start <= at < m.end):
                continue
            trigger = m.trigger.lower().split()
            if toks.lower[clause.verb] in trigger:
                return k
            if found is None and words.intersection(trigger):
                found = k
    return found


def _when(ctx: DocContext, cfg: Settings, clause: Clause) -> Answer | None:
    conf = cfg.when
    weights, precisions = conf["weights"], conf["precision"]
    published = ctx.published_date
    lede_end = _sentence_end(ctx, clause.sentence + 2)
    blank_end = ctx.result.dateline.end if ctx.result.dateline is not None else 0
    best: tuple[float, Answer] | None = None
    for x in ctx.result.times:
        if x.value is None or x.start < blank_end or x.start >= lede_end:
            continue
        in_sentence = clause.sent_start <= x.start < clause.sent_end
        features = {
            "sentence": 1.0 if in_sentence else 0.0,
            "lede": 1.0,
            "precision": precisions.get(x.precision or "", 0.0),
            "recent": 1.0 if _recent(x.value, x.precision, published, conf) else 0.0,
        }
        score = sum(weights.get(name, 0.0) * value for name, value in features.items())
        if score >= conf["min_score"] and (best is None or score > best[0]):
            best = (score, Answer(x.text, x.start, x.end, value=x.value, precision=x.precision))
    if best is not None:
        return best[1]
    if conf.get("publication_fallback") and published is not None:
        day = published.isoformat()
        return Answer(day, None, None, basis="published", value=day, precision="day")
    return None


def _recent(value: str, precision: str | None, published: date | None, conf: dict) -> bool:
    """The expression's period meets the days just before the publication (or the next)."""
    period = _period(value, precision)
    if published is None or period is None:
        return False
    window_start = published - timedelta(days=int(conf["recent_days"]))
    return period[0] <= published + timedelta(days=1) and period[1] >= window_start


def _period(value: str, precision: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO value (day, week given by its Monday, month, year)."""
    try:
        if len(value) >= 10:
            first = date.fromisoformat(value[:10])
            return first, first + timedelta(days=6 if precision == "week" else 0)
        if len(value) == 7:
            first = date(int(value[:4]), int(value[5:7]), 1)
            following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _where(ctx: DocContext, cfg: Settings, clause: Clause, event: int | None) -> Answer | None:
    conf = cfg.where
    weights, kinds = conf["weights"], conf["kind"]
    dateline = ctx.result.dateline
    blank_end = dateline.end if dateline is not None else 0
    placed = ctx.result.events[event].place if event is not None else None
    toks = ctx.tokens
    counts: dict[str, int] = {}
    for pm in ctx.result.places:
        counts[pm.place.key] = counts.get(pm.place.key, 0) + 1
    most = max(counts.values(), default=0)
    limit = _sentence_end(ctx, conf["sentences"] - 1)
    best: tuple[float, PlaceMention] | None = None
    seen: list[PlaceMention] = []
    for pm in ctx.result.places:
        if pm.start < blank_end or pm.start >= limit:
            continue
        head = _head_token(toks, pm.start, pm.end)
        if toks.dep[head] in ACTING:  # "Moscow uses", "Russia's": an actor, not a location
            continue
        seen.append(pm)
        number = toks.sent[head]
        features = {
            "sentence": 1.0 if clause.sent_start <= pm.start < clause.sent_end else 0.0,
            "position": 1.0 / (1 + number),
            "kind": kinds.get(pm.place.kind, 0.5),
            "frequency": counts[pm.place.key] / most if most else 0.0,
        }
        score = sum(weights.get(name, 0.0) * value for name, value in features.items())
        if pm.place.key == placed:
            score += weights.get("sentence", 0.0)
        if score >= conf["min_score"] and (best is None or score > best[0]):
            best = (score, pm)
    if best is not None:
        pm = _narrower(best[1], seen, kinds)
        return Answer(pm.text, pm.start, pm.end, value=pm.place.key)
    if dateline is not None and placed is not None and dateline.place == placed:
        start = dateline.start + max(0, dateline.text.find(dateline.place_text))
        end = start + len(dateline.place_text)
        return Answer(ctx.text[start:end], start, end, basis="dateline", value=placed)
    return None


def _head_token(toks: Tokens, start: int, end: int) -> int:
    """The token of a span whose head lies outside it."""
    first = max(0, toks.token_at(start))
    k = first
    while k + 1 < len(toks) and toks.idx[k + 1] < end:
        k += 1
    for i in range(first, k + 1):
        if not first <= toks.head[i] <= k or toks.head[i] == i:
            return i
    return k


def _narrower(pm: PlaceMention, seen: list[PlaceMention], kinds: dict) -> PlaceMention:
    """The first place of the lede inside a chosen country or region and more specific than
    it ("in China ... in Baoding"): the place the story happened, not only its country."""
    if pm.place.kind not in ("country", "region") or pm.place.country is None:
        return pm
    rank = kinds.get(pm.place.kind, 0.5)
    for other in seen:
        inside = other.place.country == pm.place.country and other.place.key != pm.place.key
        if inside and kinds.get(other.place.kind, 0.5) > rank:
            return other
    return pm


def _sentence_end(ctx: DocContext, number: int) -> int:
    """The character end of sentence ``number`` (or of the text when it has fewer)."""
    bounds = ctx.tokens.sent_bounds
    if not bounds or number >= len(bounds):
        return len(ctx.text)
    return char_span(ctx.tokens, *bounds[max(0, number)])[1]
