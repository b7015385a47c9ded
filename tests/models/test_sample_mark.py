"""The "(sample)" mark on an invented name follows the language it is shown in, also when the
name itself has no translation (buyers kept "(sample)" on the Korean meetings desk while the
exhibitors beside them read "(예시)")."""

from kiosk.models.domain import Text


def test_an_english_name_standing_in_carries_the_mark_in_the_shown_language():
    name = Text("Southern Taiwan Science Park (sample)")
    assert name.get("ko") == "Southern Taiwan Science Park (예시)"
    assert name.get("zh-Hant") == "Southern Taiwan Science Park（範例）"
    assert name.get("en") == "Southern Taiwan Science Park (sample)"
    assert name.public.get("ko") == "Southern Taiwan Science Park"          # visitors see no mark at all


def test_a_translated_name_and_an_unmarked_name_are_left_as_they_are():
    assert Text("Hanbit Axle (sample)", ko="한빛액슬 (예시)").get("ko") == "한빛액슬 (예시)"
    assert Text("Andong Soju Craft").get("ko") == "Andong Soju Craft"
    assert Text("Lab (Seoul)").get("zh-Hant") == "Lab (Seoul)"
    assert Text("").get("ko") == ""


def test_every_buyer_and_meeting_name_in_the_data_follows_the_rule(db):
    mm = db.matchmaking
    names = [b.name for b in mm.buyers()]
    names += [n for m in mm.meetings() for n in (m.buyer_name, m.exhibitor_name) if n is not None]
    assert any(n.en.endswith("(sample)") and not n.ko for n in names)
    for n in names:
        assert "(sample)" not in n.get("ko"), n
        assert "(sample)" not in n.get("zh-Hant"), n
