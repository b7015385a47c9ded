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


def test_data_messages_carry_what_was_asked_and_the_encoded_entries_are_reused(fleet, monkeypatch):
    import json

    from kiosk.sync import net
    from kiosk.sync.net import SyncNode

    from .conftest import CLOCK

    b = fleet.engine("b")
    b.receive(forge(fleet, "c", [scan("c", f"d-{i}", attendee="A0100") for i in range(30)]), source="c")
    node = SyncNode(b.store, fleet.identity("b"), clock=CLOCK.now, status=False)
    mine = node.engine.heads()
    request = {d: n for d, (n, _l) in mine.items()} | {"c": 10}
    known = {k for k, (st, _g) in node.engine.roster.statements.items() if '"d":"b"' in st}

    def messages(frames):
        return [json.loads(f) for f in frames]

    first = messages(node._data_frames(request, mine, known))
    assert [m["last"] for m in first] == [True] and all(m["t"] == "data" for m in first)
    expected = node.engine.bundles_since(request, roster_known=known)[0]
    assert first[0]["bundle"] == expected           # what bundles_since says, roster included
    assert first[0]["bundle"]["runs"]["c"]["from"] == 11 and len(first[0]["bundle"]["runs"]["c"]["entries"]) == 20
    reads = []
    read = node.engine.encoded_entries
    monkeypatch.setattr(node.engine, "encoded_entries", lambda *a: reads.append(a) or read(*a))
    assert messages(node._data_frames(request, mine, set())) != first        # another peer: whole roster...
    assert reads == []                                                       # ...the same encoded entries
    assert messages(node._data_frames(request | {"c": 25}, mine, known))[0]["bundle"]["runs"]["c"] == {
        "from": 26, "entries": first[0]["bundle"]["runs"]["c"]["entries"][15:]}     # (a part of them, too)
    assert reads == []
    log = forge(fleet, "c", [scan("c", f"d-{i}", attendee="A0100") for i in range(31)])["runs"]["c"]["entries"]
    b.receive({"runs": {"c": {"from": 31, "entries": log[30:]}}}, source="c")     # c's log grows by one
    mine = node.engine.heads()
    assert mine["c"][0] == 31
    again = messages(node._data_frames(request, mine, known))
    assert len(again[0]["bundle"]["runs"]["c"]["entries"]) == 21          # not the stale cached copy
    assert reads == [("c", 10, 31)]
    monkeypatch.setattr(net, "ROSTER_INLINE", 0)                             # a large roster goes on its own
    split = messages(node._data_frames(request, mine, set()))
    assert [m["last"] for m in split] == [False, True]
    assert split[0]["bundle"]["runs"] == {} and split[0]["bundle"]["roster"]
    assert split[1]["bundle"]["roster"] == [] and len(split[1]["bundle"]["runs"]["c"]["entries"]) == 21
    everything_known = set(node.engine.roster.statements)
    nothing = messages(node._data_frames({d: n for d, (n, _l) in mine.items()}, mine, everything_known))
    assert nothing == [{"t": "data", "bundle": {"roster": [], "runs": {}}, "last": True}]


def test_heads_after_merges_go_out_once_and_list_the_roster_only_when_it_grew(fleet):
    """With 20 devices a heads message after every merge (with the whole roster in each) was four
    times the messages of the quarter-second poll and a quarter more traffic than needed."""
    import asyncio
    import json

    from kiosk.sync import net
    from kiosk.sync.net import Peer, SyncNode

    from .conftest import CLOCK

    class Transport:
        def is_closing(self):
            return False

        def get_write_buffer_size(self):
            return 0

    class Writer:
        transport = Transport()

        def __init__(self):
            self.messages = []

        def write(self, data):
            self.messages.append(json.loads(data[4:]))

    b = fleet.engine("b")
    node = SyncNode(b.store, fleet.identity("b"), clock=CLOCK.now, status=False)
    peer = Peer("c", Writer())
    peer.sent_roster = len(node.engine.roster.statements)          # as the hello listed it
    node.online["c"] = peer
    node._heads = {"b": 3}

    async def run():
        for _ in range(5):                  # five merges in a row
            node._push_soon()
        await asyncio.sleep(net.PUSH_AFTER * 3)
        node._heads = {"b": 3}              # nothing moved: nothing sent
        await node._push_heads()
        node._heads = {"b": 4}
        peer.sent_roster = -1               # the roster grew since
        await node._push_heads()

    asyncio.run(run())
    assert peer.writer.messages == [
        {"t": "heads", "heads": {"b": 3}},
        {"t": "heads", "heads": {"b": 4}, "roster": sorted(node.engine.roster.statements)}]


def test_a_log_goes_out_in_messages_of_about_net_frame_bytes_and_arrives_whole(fleet, monkeypatch):
    """A long log is sent in several data messages (the receiver merges the first while the next
    is on its way); each is at most NET_FRAME bytes as sent, only the last says so, and they carry
    every entry once, in order, runs continuing where the message before stopped."""
    import json

    from kiosk.sync import net
    from kiosk.sync.net import SyncNode

    from .conftest import CLOCK

    b = fleet.engine("b")
    attendees = [r[0] for r in b.store.execute("SELECT id FROM attendee ORDER BY id")]
    log = forge(fleet, "c", [scan("c", f"f-{i}", attendee=attendees[i % len(attendees)]) for i in range(400)])
    b.receive(log, source="c")
    node = SyncNode(b.store, fleet.identity("b"), clock=CLOCK.now, status=False)
    monkeypatch.setattr(net, "NET_FRAME", net.ROSTER_INLINE + 1024 + 30_000)
    mine = node.engine.heads()
    frames = node._data_frames({"c": 0}, mine, set(node.engine.roster.statements))
    assert len(frames) >= 4 and all(len(f) <= net.NET_FRAME for f in frames)
    messages = [json.loads(f) for f in frames]
    assert [m["last"] for m in messages] == [False] * (len(frames) - 1) + [True]
    entries, expected_from = [], 1
    for m in messages:
        run = m["bundle"]["runs"]["c"]
        assert run["from"] == expected_from
        entries += run["entries"]
        expected_from += len(run["entries"])
    assert entries == log["runs"]["c"]["entries"]
    fresh = fleet.engine("a")
    for m in messages:
        fresh.receive(m["bundle"] | {"roster": log["roster"]}, source="b")
    assert fresh.heads()["c"][0] == 400


def test_entries_encoded_by_sqlite_read_back_as_the_very_texts_signed(fleet):
    """Data messages carry entries encoded by SQLite's json_array: quotes, backslashes, control
    characters, line and paragraph separators, Korean and characters beyond the BMP must come
    back as the exact text that was signed (a changed byte would fail the link check)."""
    import json

    b = fleet.engine("b")
    hostile = ['say "hi"', "back\\slash \\u0041", "tab\tnew\nline\r\x01\x1f\x7f", "\u2028\u2029",
               "한국어 繁體中文", "\U0001F600 \ud7ff", "</script>"]
    entries = []
    for i, text in enumerate(hostile):
        kind, body = scan("c", f"h-{i}")
        body["payload"] = text
        body["code"], body["attendee_id"] = "UNKNOWN", None
        entries.append((kind, body))
    log = forge(fleet, "c", entries)
    assert b.receive(log, source="c").entries == len(hostile)
    pieces = b.encoded_entries("c", 0, len(hostile))
    assert [json.loads(p) for p in pieces] == log["runs"]["c"]["entries"]
    assert [json.loads(json.loads(p)[0])["b"]["payload"] for p in pieces] == hostile


def test_a_merge_collects_this_devices_rows_only_when_something_was_written_since(fleet, monkeypatch):
    """The collection of this device's own rows (a pass over all its scans) is skipped when
    nothing was written since the last merge or collection committed — and never skipped when
    something was: a scan by this connection, a scan by another process, or anything else."""
    from datetime import datetime

    from kiosk import operations
    from kiosk.models.database import open_event_db
    from kiosk.sync import kinds

    from .conftest import CLOCK, KST

    b = fleet.engine("b")
    calls = []
    real = kinds.KINDS["scan"].collect
    monkeypatch.setitem(kinds.KINDS, "scan", kinds.KINDS["scan"].__class__(
        **{**kinds.KINDS["scan"].__dict__, "collect": lambda conn, me: calls.append(me) or real(conn, me)}))
    attendees = [r[0] for r in b.store.execute("SELECT id FROM attendee ORDER BY id")]
    log = forge(fleet, "c", [scan("c", f"k-{i}", attendee=attendees[i]) for i in range(6)])
    items = log["runs"]["c"]["entries"]

    def merge(i):
        bundle = {"roster": log["roster"], "runs": {"c": {"from": i + 1, "entries": items[i:i + 1]}}}
        operations.merge_from_sync(b.store, b, bundle, source="c", now=CLOCK.now())

    def own():
        return b.store.execute("SELECT count(*) FROM sync_log WHERE device = 'b'").fetchone()[0]

    merge(0)
    assert len(calls) == 1
    merge(1)
    assert len(calls) == 1                         # nothing written since: not collected again
    with b.writing_nothing_to_collect():           # the daemon's status line
        operations.write_sync_status(b.store, device_id="b", peers={}, last_sync=None, waiting=0, message="",
                                     now=CLOCK.now())
    merge(2)
    assert len(calls) == 1
    b.store.checkins.check_in(payload="manual", manual_attendee="A0100", list_id="entry", device_id="b",
                              scan_id="b-same-connection", now=datetime(2023, 6, 14, 10, 0, tzinfo=KST))
    merge(3)
    assert len(calls) == 2 and own() == 1          # this connection's scan: collected first
    other = open_event_db(fleet.paths["b"])
    other.checkins.check_in(payload="manual", manual_attendee="A0101", list_id="entry", device_id="b",
                            scan_id="b-other-process", now=datetime(2023, 6, 14, 10, 1, tzinfo=KST))
    other.close()
    merge(4)
    assert len(calls) == 3 and own() == 2          # another process's scan: collected too
    other = open_event_db(fleet.paths["b"])
    other.checkins.check_in(payload="manual", manual_attendee="A0102", list_id="entry", device_id="b",
                            scan_id="b-during-status", now=datetime(2023, 6, 14, 10, 2, tzinfo=KST))
    with b.writing_nothing_to_collect():           # another process wrote just before the status line
        operations.write_sync_status(b.store, device_id="b", peers={}, last_sync=None, waiting=0, message="x",
                                     now=CLOCK.now())
    other.close()
    merge(5)
    assert own() == 3
