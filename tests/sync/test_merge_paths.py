"""The merge's reads of the log go through its indexes (issue 13's speed): with 20 devices x
10,000 scans the log holds 200,000 entries, and a statement that walks all of them on every
merge (or every quarter second, like the heads) costs more than the merge itself."""

import re
import sqlite3

from .test_poison import forge, scan

WALKS_THE_LOG = re.compile(r"^SCAN (sync_log|l|m)\b(?!.*USING INDEX sync_log_status)")


def test_no_statement_of_a_merge_walks_the_whole_log(fleet):
    b = fleet.engine("b")
    conn = sqlite3.connect(fleet.paths["b"])
    attendees = [r[0] for r in conn.execute("SELECT id FROM attendee ORDER BY id")]
    entries = [scan("c", f"w-{i}", attendee=attendees[i % len(attendees)]) for i in range(150)]
    entries[40] = scan("c", "w-40", attendee="Z9999")                             # waits
    entries[41] = scan("c", "w-41", when="2099-01-01T00:00:00+09:00")             # quarantined
    b.receive(forge(fleet, "c", entries[:100]), source="c")        # a log to walk, and entries waiting in it
    statements: list[str] = []
    b.store.conn.set_trace_callback(statements.append)
    heads = b.heads()
    more = forge(fleet, "c", entries, start=1)["runs"]["c"]["entries"][100:]
    result = b.receive({"runs": {"c": {"from": 101, "entries": more}}}, source="c")
    b.settle_pending()
    b.quarantined()
    b.store.conn.set_trace_callback(None)
    assert heads["c"][0] == 100 and result.applied == 50 and result.pending == 1 and result.quarantined == 0
    walks = {}
    for sql in statements:
        if "sync_log" not in sql or not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "WITH")):
            continue
        plan = [row[-1] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        bad = [p for p in plan if WALKS_THE_LOG.match(p)]
        if bad:
            walks[sql[:160]] = bad
    assert not walks, walks
