"""An event's ``confidence``: the probability that the record is right (its type, source
and target), from a logistic model over what the rules already know about it.

The weights are data (``data/event_confidence.json``), fitted by
``tools/fit_event_confidence.py`` on development articles with hand-made gold; the file
also holds the fit's held-out reliability table. ``rule`` is the rules' own prior (how the
trigger and the source were found), the other features describe the record.
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

from newsgraph.data import load_json
from newsgraph.extract.events.coding import political, political_share
from newsgraph.model import DocContext, Event

MODEL = "event_confidence.json"
EARLY = 0.25  # the first quarter of the article: the news, not the background


@cache
def weights() -> dict[str, float]:
    return load_json(MODEL)["weights"]


def features(ev: Event, ctx: DocContext, rule: float, share: float) -> dict[str, float]:
    """The model's inputs for one event (binary indicators and a few proportions);
    ``share`` is the article's share of political actors (``coding.political_share``)."""
    entities = ctx.result.entities
    src = entities[ev.source] if ev.source is not None else None
    f = {
        "bias": 1.0,
        "rule": rule,
        f"type:{ev.type}": 1.0,
        f"modality:{ev.modality}": 1.0,
        "negated": float(ev.negated),
        "source": float(src is not None),
        "target": float(ev.target is not None),
        "both": float(src is not None and ev.target is not None),
        "date": float(ev.date is not None),
        "place": float(ev.place is not None),
        "mentions": min(len(ev.mentions), 3) / 3,
        "early": float(bool(ev.mentions) and ev.mentions[0].start < EARLY * max(1, len(ctx.text))),
    }
    if src is not None:
        f[f"source_kind:{src.kind}"] = 1.0
        f["source_named"] = float(any(m.kind == "name" for m in src.mentions))
    # event data's own scope: states, their organs and known political actors
    roles = [entities[i] for i in (ev.source, ev.target) if i is not None]
    f["political_role"] = float(any(political(e) for e in roles))
    f["political_article"] = share
    return f


def probability(f: dict[str, float], w: dict[str, float] | None = None) -> float:
    w = weights() if w is None else w
    z = sum(_weight(w, k) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _weight(w: dict[str, float], key: str) -> float:
    """A feature's weight; a value the fit never saw ("modality:hypothetical": such events
    are never coded) is trusted no more than the least trusted value of its kind."""
    if key in w or ":" not in key:
        return w.get(key, 0.0)
    kind = key.split(":", 1)[0] + ":"
    return min((v for k, v in w.items() if k.startswith(kind)), default=0.0)


def calibrate(events: list[Event], ctx: DocContext) -> None:
    """Set each event's confidence from the model (its rule confidence is the prior)."""
    share = political_share(ctx.result.entities)[0]
    for ev in events:
        f = features(ev, ctx, ev.confidence, share)
        ev.features = f
        ev.confidence = round(probability(f), 3)


def model_card() -> dict[str, Any]:
    """The fitted model's description and held-out reliability (for ``newsgraph eval``)."""
    data = load_json(MODEL)
    return {k: v for k, v in data.items() if k != "weights"}
