"""The identity a database syncs as has its own table (m017; issue 13, left item 6). A database
from before — the identity kept as an '@identity' row among the baseline's keys — keeps its
identity through the migration, and the baseline holds only badge and registration keys."""

import sqlite3

from kiosk.models import database, migrations


def build_at(built_db, path, last_step: str):
    """The bundled event as a database whose schema stopped at ``last_step`` stored it."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    old = Database(str(path))
    steps = Migrations(migrations.SCHEMA_NAME)
    names = [s.__name__ for s in migrations.STEPS]
    for step in migrations.STEPS[:names.index(last_step) + 1]:
        steps()(step)
    steps.apply(old)
    old.conn.close()
    conn = sqlite3.connect(path)
    conn.execute("ATTACH ? AS full", (str(built_db),))
    tables = [r[0] for r in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%migrations%' "
                                         "AND name NOT LIKE '%_fts%'")]
    assert "sync_identity" not in tables and "badge_revocation_seen" in tables
    with conn:
        for t in tables:
            cols = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA main.table_info({t})"))
            conn.execute(f"INSERT INTO main.{t} ({cols}) SELECT {cols} FROM full.{t}")
    conn.execute("DETACH full")
    conn.close()


def test_an_identity_kept_the_old_way_survives_the_migration(built_db, tmp_path):
    path = tmp_path / "old.db"
    build_at(built_db, path, "m016_revocation_receipts")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("INSERT INTO sync_authority (id, public_key, cert, pinned_at) VALUES (1, ?, '', '2023-06-13')",
                     ("00" * 32,))
        conn.execute("INSERT INTO sync_roster (key, statement, sig) VALUES ('enrol:desk-1:00', ?, '')",
                     ('{"d":"desk-1","k":"enrol","role":"desk"}',))
        conn.executemany("INSERT INTO sync_baseline (kind, key) VALUES (?, ?)",
                         [("@identity", "desk-1"), ("badge", "A0001-1/issue")])
    conn.close()
    store = database.open_event_db(path)          # migrates to the current schema
    try:
        assert store.sync.own_identity() == ("desk-1", "desk")
        assert store.execute("SELECT kind, key FROM sync_baseline").fetchall() == [("badge", "A0001-1/issue")]
        with store.atomic():
            store.sync.record_identity("desk-2")
        assert store.execute("SELECT device FROM sync_identity").fetchall() == [("desk-2",)]
    finally:
        store.close()


def test_a_database_never_enrolled_has_no_identity(db):
    assert db.sync.own_identity() is None
    assert db.execute("SELECT count(*) FROM sync_identity").fetchone()[0] == 0
