"""THE rule for an edited row's current state, once for sessions and meetings alike.

A session (room, times, status, notice) and a meeting (table, room, times, status) both keep
what was published beside what is true now, and an audit table of edits, each edit carrying the
whole state after it. Every device derives the current state the same way: the latest edit by
(hybrid logical clock, device id) wins — edits from before the clock existed sort first, by id —
and the edits that lost stay in the audit trail. With no edit, the row goes back to what was
published; what "published" means for the fields that have no published column is the one thing
the two tables differ in (:attr:`Rule.unedited`).

The schedule desk, undo, the importer, the meetings desk and sync all call this through
:func:`kiosk.models.schedule.settle_session` and :func:`kiosk.models.matchmaking.settle_meeting`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from .store import EventStore


@dataclass(frozen=True)
class Rule:
    table: str                          # "session"
    edit_table: str                     # "session_edit"
    edit_key: str                       # the edit table's column naming the row: "session_id"
    fields: tuple[str, ...]             # the current state's columns, as an edit's ``after`` names them
    published: tuple[str, ...]          # the published columns, read beside them
    #: (current state, published values, the row's updated_at) → (target state, its updated_at),
    #: for a row no edit has touched
    unedited: Callable[[dict, dict, str | None], tuple[dict, str | None]]

    def _columns(self, names) -> str:
        return ", ".join(f'"{n}"' for n in names)


def settle(store: "EventStore", rule: Rule, row_id: str) -> bool:
    """Bring ``row_id``'s current columns to the latest edit's ``after`` (stamped with the edit's
    time), or to :attr:`Rule.unedited` when it has none. Call inside ``atomic()``. Returns whether
    the row changed."""
    row = store.execute(f"SELECT {rule._columns(rule.fields + rule.published + ('updated_at',))} "
                        f"FROM {rule.table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        return False
    n = len(rule.fields)
    current = dict(zip(rule.fields, row[:n]))
    edit = store.execute(f"SELECT after, at FROM {rule.edit_table} WHERE {rule.edit_key} = ? "
                         "ORDER BY hlc IS NOT NULL DESC, hlc DESC, device_id DESC, id DESC LIMIT 1",
                         (row_id,)).fetchone()
    if edit is None:
        target, at = rule.unedited(current, dict(zip(rule.published, row[n:-1])), row[-1])
    else:
        target, at = json.loads(edit[0]), edit[1]
    if target == current:
        return False
    assignments = ", ".join(f'"{f}" = ?' for f in rule.fields)
    store.execute(f"UPDATE {rule.table} SET {assignments}, updated_at = ? WHERE id = ?",
                  (*(target[f] for f in rule.fields), at, row_id))
    return True
