"""Reading the event index: the stored events a new report may be, by key and role.

``rules.role_options`` says which roles a stored event must have to be the new one (a
role known on both sides is the same actor); reading only those keeps the candidate list
short for the actors in every day's news, whose keys hold thousands of events.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, bindparam, or_, select, true

from newsgraph.store import tables as t
from newsgraph.store.dialect import PreparedIn

E, P, K = t.events, t.places, t.event_keys
Shape = tuple[bool, bool, bool]  # source known, target known, symmetric type


def _fits(role: Any, name: str) -> Any:
    return or_(role.is_(None), role == bindparam(name))


def _roles(source: bool, target: bool, swapped: bool) -> Any:
    """The stored roles fit the new source ``s`` and target ``t`` (the other way round)."""
    s_col, t_col = (E.c.target, E.c.source) if swapped else (E.c.source, E.c.target)
    parts = [_fits(s_col, "s")] if source else []
    parts += [_fits(t_col, "t")] if target else []
    return and_(*parts) if parts else true()


def candidate_statements(cols: list[Any]) -> dict[Shape, PreparedIn]:
    """Per shape of the new event, the events under key ``k`` in buckets ``b_*`` whose
    roles fit (parameters ``s`` and ``t``)."""
    out = {}
    for source in (False, True):
        for target in (False, True):
            for symmetric in (False, True):
                ways = [_roles(source, target, False)]
                ways += [_roles(source, target, True)] if symmetric else []
                out[(source, target, symmetric)] = PreparedIn("b", lambda marks, w=ways: (
                    select(*cols)
                    .select_from(K.join(E, E.c.id == K.c.event_id).outerjoin(P, P.c.id == E.c.place))
                    .where(K.c.key == bindparam("k"), K.c.bucket.in_(marks), or_(*w))
                ))  # fmt: skip
    return out
