"""Visitor lists sort by the names as shown in the visitor's language (kiosk/models/collation.py)."""

from kiosk.models.collation import by_shown_name, name_sort_key


def test_korean_names_sort_in_hangul_order_not_by_their_english_spelling():
    # the Korean exhibitor list read 앞산, 북구, 칠곡, 대성, 동대구, 김천 (Apsan, Bukgu, Chilgok …)
    names = ["앞산와이퍼산업", "북구도어모듈", "칠곡배터리팩", "대성브레이크시스템", "동대구EV케이블", "김천하네스"]
    assert sorted(names, key=lambda n: name_sort_key(n, "ko")) == [
        "김천하네스", "대성브레이크시스템", "동대구EV케이블", "북구도어모듈", "앞산와이퍼산업", "칠곡배터리팩"]


def test_in_korean_hangul_names_come_before_names_with_no_korean_spelling():
    names = ["Andong Soju Craft", "가나", "zeta", "하하", "1st Robotics"]
    assert sorted(names, key=lambda n: name_sort_key(n, "ko")) == ["1st Robotics", "가나", "하하", "Andong Soju Craft", "zeta"]


def test_english_is_case_insensitive_and_chinese_is_by_radical_stroke_then_latin():
    assert sorted(["beta", "Alpha", "alpine"], key=lambda n: name_sort_key(n, "en")) == ["Alpha", "alpine", "beta"]
    # 一 (radical 1) < 大 (37) < 東 (75) < 龍 (212): the CJK block's radical-stroke order
    names = ["龍科技", "Zeta", "東大", "一品", "大成"]
    assert sorted(names, key=lambda n: name_sort_key(n, "zh-Hant")) == ["一品", "大成", "東大", "龍科技", "Zeta"]


def test_by_shown_name_is_total_and_stable():
    items = [("b", "Same"), ("a", "same"), ("c", "Other")]
    assert [i for i, _ in by_shown_name(items, "en", lambda t: t[1])] == ["c", "b", "a"]
    assert name_sort_key("", "ko") < name_sort_key("가", "ko")
