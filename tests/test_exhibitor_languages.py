"""Issue 12, item 8: exhibitors and speakers in the visitor's language — descriptions and product
lines in Korean and Traditional Chinese, through the data files, the database, the importer and
the exporter, and the speakers' names in the screen's own script where the data knows them."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import subprocess
import sys
import tomllib

from kiosk.exchange.export import Exporter
from tests.conftest import DATA, ROOT

HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_exhibitor_reads_in_all_three_languages_in_the_data():
    exhibitors = tomllib.loads((DATA / "exhibitors.toml").read_text(encoding="utf-8"))["exhibitors"]
    assert len(exhibitors) == 69
    for e in exhibitors:
        d = e["description"]
        assert HANGUL.search(d["ko"]) and HAN.search(d["zh-Hant"]), e["id"]
        if e.get("products"):
            p = e["products"]
            assert isinstance(p, dict) and HANGUL.search(p["ko"]) and HAN.search(p["zh-Hant"]), e["id"]
    mse = next(e for e in exhibitors if e["id"] == "mse")
    # the trip report's own sentence (its master class 3 section), not a translation of ours
    assert mse["description"]["zh-Hant"] == "該公司透過開發仿生假手來增強蒙古殘疾兒童的能力，以提高他們的生活質量。"
    twistcode = next(e for e in exhibitors if e["id"] == "twistcode")
    assert not twistcode.get("products"), "the report gives no products for Twistcode"


def test_the_repository_gives_products_in_each_language(repo):
    e = next(x for x in repo.exhibitors() if x.id == "kr-hanbit-axle")
    assert (e.products.en, e.products.get("ko"), e.products.get("zh-Hant")) == (
        "axle assemblies", "액슬 어셈블리", "車軸總成")
    assert e.description.get("zh-Hant") == "大邱範例參展商：車軸總成。"


def _card_text(window, exhibitor_id: str) -> str:
    screen = window.exhibitors
    screen.select_exhibitor(exhibitor_id)
    card = screen.card
    return card.description.text()


def test_the_exhibitor_card_speaks_the_visitors_language(make_kiosk):
    window = make_kiosk(language="ko")
    window.show_view("exhibitors")
    text = _card_text(window, "twistcode")
    assert "헬스테크" in text and "Company of" not in text
    assert "제품" not in text                                   # no products line: none published
    text = _card_text(window, "kr-hanbit-axle")
    assert "제품: 액슬 어셈블리" in text and "axle" not in text
    window.ui.set_language("zh-Hant")                           # the open card follows the language
    text = window.exhibitors.card.description.text()
    assert "產品：車軸總成" in text and "大邱範例參展商" in text and "axle" not in text
    text = _card_text(window, "mse")
    assert "以提高他們的生活質量" in text and "產品：仿生假手" in text
    window.ui.set_language("en")
    assert "Products: bionic prosthetic hands" in window.exhibitors.card.description.text()


def test_speakers_names_lead_in_the_screens_own_script(make_kiosk):
    window = make_kiosk(language="ko")
    window.open_session("d1-keynote")
    assert "김대식 (Dae-Shik Kim)" in window.detail.people.text()
    window.ui.set_language("en")
    assert "Dae-Shik Kim (김대식)" in window.detail.people.text()
    window.open_session("d2-forum1")
    window.ui.set_language("zh-Hant")
    people = window.detail.people.text()
    assert "王永壯 (Wang Yung-Chuang)" in people
    # a speaker with no local name in any source stays in Latin letters (never a guessed spelling)
    assert "GunWoo Do" in people
    window.ui.set_language("ko")
    assert "Wang Yung-Chuang (王永壯)" in window.detail.people.text()


EXHIBITORS_CSV = """id,이름,국문 이름,국가,분류,부스,영문 설명,설명,중문 설명,영문 제품,국문 제품,중문 제품
z-test,Test Tea,테스트 차,KR,food,B01,Green tea.,녹차.,綠茶。,green tea,녹차,綠茶
"""


def test_exhibitor_languages_survive_import_and_export(tmp_path, db_path):
    src = tmp_path / "exhibitors.csv"
    src.write_text(EXHIBITORS_CSV.replace("이름,국문 이름", "name_en,국문 이름"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(src), "--kind", "exhibitors",
                             "--db", str(db_path)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    row = sqlite3.connect(db_path).execute(
        "SELECT description_zh, products, products_ko, products_zh FROM exhibitor WHERE id = 'z-test'").fetchone()
    assert row == ("綠茶。", "green tea", "녹차", "綠茶")
    from kiosk.models.database import open_event_db

    conn = open_event_db(db_path)
    try:
        out = io.StringIO()
        Exporter(conn).exhibitors_csv(out)
    finally:
        conn.close()
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert (rows["z-test"]["products"], rows["z-test"]["products_ko"], rows["z-test"]["products_zh"],
            rows["z-test"]["description_zh"]) == ("green tea", "녹차", "綠茶", "綠茶。")
    # and the export reads back in: the same languages
    back = tmp_path / "back.csv"
    back.write_text(out.getvalue(), encoding="utf-8")
    again = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(back), "--kind", "exhibitors",
                            "--dry-run", "--db", str(db_path)], capture_output=True, text=True, timeout=120)
    assert again.returncode == 0, again.stdout + again.stderr


def test_no_sample_exhibitor_carries_an_invented_chinese_name(make_kiosk):
    """The data's rule (data/exhibitors.toml's header): a name no source gives is not invented. The
    sample exhibitors are fictional, in English and Korean only, so a Chinese screen shows the Latin
    name — as for "Andong Soju Craft"; two samples once carried made-up Chinese names."""
    exhibitors = tomllib.loads((DATA / "exhibitors.toml").read_text(encoding="utf-8"))["exhibitors"]
    samples = [e for e in exhibitors if e["name"]["en"].endswith("(sample)")]
    assert len(samples) == 67                                   # all but the two real organisations
    invented = [e["id"] for e in samples if HAN.search(" ".join(e["name"].values())) or "zh-Hant" in e["name"]]
    assert invented == []
    window = make_kiosk(language="zh-Hant")
    window.show_view("exhibitors")
    for exhibitor_id, latin in (("kr-andong-herbal-lab", "Andong Herbal Lab"),
                                ("kr-gyeongju-hwangnam-bakery", "Gyeongju Hwangnam Bakery"),
                                ("kr-andong-soju-craft", "Andong Soju Craft")):
        window.exhibitors.select_exhibitor(exhibitor_id)
        assert window.exhibitors.card.name.text() == latin, exhibitor_id
