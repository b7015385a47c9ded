"""Every visible string goes through Qt's translation system and has a Korean and a
Traditional Chinese translation: lupdate run on the code finds nothing the catalogues lack."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.conftest import ROOT


def lupdate() -> str | None:
    import PySide6

    tool = Path(PySide6.__file__).parent / "lupdate"
    return str(tool) if tool.exists() else shutil.which("pyside6-lupdate")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for m in context.iter("message"):
            out[(name, m.find("source").text)] = m.find("translation")
    return out


@pytest.mark.parametrize("catalogue", ["kiosk_ko.ts", "kiosk_zh_Hant.ts"])
def test_every_string_in_the_code_is_translated(tmp_path, catalogue):
    tool = lupdate()
    if tool is None:
        pytest.skip("lupdate is not installed")
    fresh = tmp_path / catalogue
    shutil.copy(ROOT / "kiosk" / "i18n" / catalogue, fresh)
    sources = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    subprocess.run([tool, "-no-obsolete", *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = messages(ROOT / "kiosk" / "i18n" / catalogue)
    found = messages(fresh)
    missing = sorted(k for k in found if k not in committed)
    unfinished = sorted(k for k, tr in found.items() if tr.get("type") == "unfinished" or not (tr.text or "").strip()
                        and not list(tr))
    assert not missing, f"strings not in {catalogue}: {missing}"
    assert not unfinished, f"untranslated in {catalogue}: {unfinished}"
    assert len(found) > 100


def test_no_aliases_hide_strings_from_lupdate():
    """lupdate only sees QCoreApplication.translate(...) spelt out (and %n with a plain name)."""
    import re

    offenders = []
    for path in (ROOT / "kiosk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"=\s*QCoreApplication\.translate\s*$", text, re.M):
            offenders.append(f"{path.name}: alias of QCoreApplication.translate")
        for m in re.finditer(r'QCoreApplication\.translate\([^()]*"%n[^"]*"[^()]*,\s*""\s*,\s*([^)]+)\)', text):
            if not re.fullmatch(r"[A-Za-z_][A-Za-z_0-9]*", m.group(1).strip()):
                offenders.append(f"{path.name}: %n with {m.group(1).strip()!r}")
    assert not offenders, offenders


def _plural_messages_in_code() -> set[tuple[str, str]]:
    import re

    pat = re.compile(r'QCoreApplication\.translate\(\s*"([^"]+)",\s*"([^"]*%n[^"]*)"\s*,\s*""', re.S)
    found = set()
    for path in (ROOT / "kiosk").rglob("*.py"):
        found.update(pat.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_count_has_english_singular_and_plural_forms():
    """ "69 exhibitor(s) match" is what a %n message shows without an English catalogue."""
    tree = ET.parse(ROOT / "kiosk" / "i18n" / "kiosk_en.ts").getroot()
    forms = {}
    for context in tree.iter("context"):
        for m in context.iter("message"):
            forms[(context.find("name").text, m.find("source").text)] = [f.text for f in m.iter("numerusform")]
    code = _plural_messages_in_code()
    assert len(code) >= 5
    missing = sorted(k for k in code if len(forms.get(k, [])) != 2 or not all(forms[k]))
    assert not missing, f"add both English forms to kiosk_en.ts: {missing}"


def test_counts_read_as_english_plurals(qapp):
    from PySide6.QtCore import QCoreApplication

    from kiosk.views.i18n import Translations

    Translations(qapp).install("en")
    for n, text in ((1, "1 exhibitor matches"), (69, "69 exhibitors match"), (0, "0 exhibitors match")):
        assert QCoreApplication.translate("Exhibitors", "%n exhibitor(s) match", "", n) == text
    assert QCoreApplication.translate("Staff", "Wrong PIN. %n tries left.", "", 1) == "Wrong PIN. 1 try left."
