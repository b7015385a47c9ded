"""The layering, checked on the source: who may import Qt, who may touch the database, who may
read the wall clock."""

import ast
import re

from tests.conftest import ROOT

KIOSK = ROOT / "kiosk"
QT = ("PySide6", "shiboken6")


def _imports(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield node.lineno, [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:   # relative: resolve against the file's package
                package = path.parent.relative_to(ROOT).parts
                package = package[:len(package) - node.level + 1]
                module = ".".join((*package, module) if module else package)
            yield node.lineno, [module] + [f"{module}.{a.name}" for a in node.names]


def _files(*folders):
    for folder in folders:
        yield from sorted((KIOSK / folder).rglob("*.py"))


def _rel(path):
    return path.relative_to(ROOT).as_posix()


def test_the_domain_sync_and_exchange_never_import_qt():
    offenders = [f"{_rel(p)}:{line}: {n}" for p in _files("models", "sync", "exchange")
                 for line, names in _imports(p) for n in names if n.split(".")[0] in QT]
    assert offenders == []


def test_only_the_store_opens_a_database_connection():
    """One place configures connections (kiosk/models/store.py); backups copy files with SQLite's
    backup API (kiosk/models/backup.py)."""
    allowed = {"kiosk/models/store.py", "kiosk/models/backup.py"}
    offenders = []
    for path in [*KIOSK.rglob("*.py"), ROOT / "main.py"]:
        if _rel(path) in allowed:
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"sqlite3\.connect\(|sqlite_utils\.Database\(|\bDatabase\(|isolation_level", text):
            offenders.append(f"{_rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_no_hand_written_transactions_outside_the_store():
    """BEGIN/COMMIT/ROLLBACK only in EventStore.atomic(); no `with conn:` pseudo-transactions."""
    offenders = []
    for path in KIOSK.rglob("*.py"):
        if _rel(path) == "kiosk/models/store.py":
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"""execute\(\s*["'](BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)|with (self\.)?conn:""", text):
            offenders.append(f"{_rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_no_wall_clock_outside_the_clock_module():
    offenders = []
    for path in [*KIOSK.rglob("*.py"), ROOT / "main.py"]:
        if _rel(path) == "kiosk/clock.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in ("now", "today", "utcnow") and \
                    isinstance(node.value, ast.Name) and node.value.id in ("datetime", "date"):
                offenders.append(f"{_rel(path)}:{node.lineno}: {node.value.id}.{node.attr}")
            if isinstance(node, ast.Attribute) and node.attr == "time" and isinstance(node.value, ast.Name) \
                    and node.value.id == "time" and _rel(path).startswith("kiosk/models/"):
                offenders.append(f"{_rel(path)}:{node.lineno}: time.time")
    assert offenders == []


def test_one_default_device_id():
    offenders = [f"{_rel(p)}" for p in [*KIOSK.rglob("*.py"), ROOT / "main.py"]
                 if "nodename" in p.read_text(encoding="utf-8") and _rel(p) != "kiosk/device.py"]
    assert offenders == []


def test_the_layering_test_can_fail(tmp_path):
    """The checks above really look at code: a planted offender is found."""
    planted = tmp_path / "kiosk" / "models" / "bad.py"
    planted.parent.mkdir(parents=True)
    planted.write_text("from PySide6.QtCore import QObject\nimport datetime\nx = datetime.now()\n")
    names = [n for _, ns in _imports(planted) for n in ns]
    assert "PySide6.QtCore" in names


STORE_CLASSES = {"EventStore", "Schedule", "CheckInStore", "BadgeStore", "PinStore", "SyncState", "Importer",
                 "SyncEngine"}


def test_views_hold_no_store_and_run_no_sql():
    """Views read through Repository/Programme and write through Operations. The change bus
    (views/live.py) is the one view that talks to the store, to poll it."""
    offenders = []
    for path in _files("views"):
        rel = _rel(path)
        text = path.read_text(encoding="utf-8")
        for line, names in _imports(path):
            for n in names:
                # (a constant such as store.BUSY may be imported; a store class may not)
                if n.split(".")[-1] in STORE_CLASSES or n in ("kiosk.models.database", "kiosk.models.checkin_store",
                                                               "kiosk.models.pins", "kiosk.models.sync_state",
                                                               "kiosk.exchange.importer"):
                    offenders.append(f"{rel}:{line}: imports {n}")
                if n == "sqlite3" and rel != "kiosk/views/live.py":
                    offenders.append(f"{rel}:{line}: imports sqlite3")
        for m in re.finditer(r"\.execute(many)?\(|\.db\.|\brepo\.db\b|\.atomic\(", text):
            offenders.append(f"{rel}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_the_kiosk_is_assembled_in_one_place():
    """KioskWindow, the change bus and the operations are built by kiosk/builder.py only."""
    users = [ROOT / "main.py", *sorted((ROOT / "benchmarks").glob("*.py")), *sorted((ROOT / "scripts").glob("*.py")),
             ROOT / "tests" / "conftest.py", *KIOSK.rglob("*.py")]
    offenders = []
    for path in users:
        if _rel(path) == "kiosk/builder.py":
            continue
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"(?<!class )\b(KioskWindow|ChangeBus|Operations)\(", text):
            offenders.append(f"{_rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_benchmarks_and_scripts_use_public_seams():
    """The benchmarks and scripts drive the kiosk the way its own code does: through public
    names (``window.screen("board")``, ``model.ids()``), never another object's ``_private``
    member — those change without notice. (Their own ``self._x`` is theirs; ``os._exit`` is public.)"""
    offenders = []
    for path in [*sorted((ROOT / "benchmarks").glob("*.py")), *sorted((ROOT / "scripts").glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"\b(\w+)\._[a-z]\w*", text):
            if m.group(1) in ("self", "cls", "os", "sys"):
                continue
            offenders.append(f"{_rel(path)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)}")
    assert offenders == []


def test_no_old_names_are_kept_as_aliases():
    """One name per thing: the change bus is ``ChangeBus`` (``ChangeWatcher`` was its old name)."""
    offenders = [f"{_rel(p)}" for p in KIOSK.rglob("*.py") if "ChangeWatcher" in p.read_text(encoding="utf-8")]
    assert offenders == []
