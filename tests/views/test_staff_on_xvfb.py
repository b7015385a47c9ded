"""The staff screens on a real X server (Xvfb) with real input (xdotool through XTEST): taps on
the PIN pad and the desks, a wedge scanner's burst, a person's typing, and real time for the idle
lock (issue 12, item 6). Each scenario runs in its own process (tests/xvfb_staff_scenarios.py):
a segfault fails the test, not pytest. Screenshots go to the test's tmp folder."""

import pytest

from tests.xdriver import run_scenario, xvfb, xvfb_missing

pytestmark = pytest.mark.skipif(xvfb_missing() is not None, reason=xvfb_missing() or "")


@pytest.fixture(scope="module")
def display():
    with xvfb() as name:
        yield name


def scenario(display, name, db_path, out, size="1920x1080"):
    return run_scenario("tests/xvfb_staff_scenarios.py", display, name, db_path, out, size)


def test_the_check_in_look_up_selects_then_confirms(display, db_path, tmp_path):
    r = scenario(display, "desk_look_up", db_path, tmp_path)
    assert r["view"] == "checkin" and r["typed"] == "Liu Chun"
    # two people of one name, told apart by organisation and number; a tap only selects
    assert any("A0171" in row for row in r["rows"]) and any("A0196" in row for row in r["rows"])
    assert r["after_tap"] == r["before"] == 0 and r["verdict_after_tap"] is None
    assert r["confirm_shown"] and r["confirm_text"] == "Check in Liu Chun-Hung (Delegate, A0171)"
    # the confirm button checks in that person, by hand ("manual" in the record)
    assert r["after_confirm"] == 1 and r["verdict"] == "OK" and r["verdict_manual"]
    assert r["word"] == "OK — welcome" and "Liu Chun-Hung" in r["name"] and not r["confirm_after"]
    assert r["second"] == "ALREADY" and r["after_second"] == 1
    assert (tmp_path / "desk-look-up-selected-1920x1080.png").stat().st_size > 10_000


def test_a_locked_pin_pad_opens_to_a_staff_badge_not_to_taps_or_an_attendees_badge(display, db_path, tmp_path):
    r = scenario(display, "pin_lock", db_path, tmp_path)
    assert 0 < r["locked_for"] <= 61 and not r["keys_enabled"] and "staff badge" in r["locked_message"]
    # the lock-out banner came and went and no key moved on the screen (it pushed them down)
    assert r["keys_locked"] == r["keys_open"] and r["keys_unlocked"] == r["keys_open"]
    assert r["view_while_locked"] == "pin" and r["role_while_locked"] is None    # the right PIN, tapped: nothing
    assert r["after_delegate_locked_for"] > 0 and "Only a staff member's badge" in r["after_delegate_message"]
    assert r["after_staff_locked_for"] == 0 and "Hyun-woo Kim" in r["after_staff_message"]
    assert r["keys_enabled_after"] and r["dots_after_scan"] == "—"            # no scanned key became a digit
    assert r["view"] == "checkin" and r["role"] == "staff"


def test_the_staff_idle_countdown_discards_an_unsaved_schedule_edit(display, db_path, tmp_path):
    r = scenario(display, "staff_idle", db_path, tmp_path)
    assert r["view"] == "editor" and r["selected"] == "d1-masterclass2" and r["pending"] == {"room_id": "204"}
    # the countdown is the kiosk's 15 s, shown 3 s after the change was staged, and it counts
    assert r["banner_after"] is not None and 2 <= r["banner_after"] <= 6
    assert f"locks in {r['warning']} s" in r["banner_text"]
    assert r["banner_text_later"] != r["banner_text"] and "locks in 1" in r["banner_text_later"]
    # a real tap keeps the desk (and the staged change); left alone again, it locks
    assert not r["after_touch_banner"] and r["after_touch_role"] == "volunteer" and r["after_touch_pending"]
    assert r["locked_after"] is not None and 15 <= r["lock_seconds_after_touch"] <= 24
    assert r["view_after_lock"] == "home"
    # discarded: not on disk, and not staged when the volunteer comes back
    assert r["room_after_lock"] == r["room_before"] == "101" and r["edits_on_disk"] == 0
    assert r["view_again"] == "editor" and r["pending_again"] == {} and not r["banner_again"]


def test_the_meetings_desk_asks_before_marking_absent(display, db_path, tmp_path):
    r = scenario(display, "meetings_confirm", db_path, tmp_path)
    buyer, exhibitor = r["buyer"], r["exhibitor"]
    assert r["selected"] == r["meeting"] and not r["absent_enabled_before_scan"]    # nobody scanned yet
    assert r["after_scan"] == {buyer: "present", exhibitor: "expected"} and r["absent_enabled"]
    # first tap: asks, naming who; nothing written; the button did not move under the finger
    assert r["after_first_tap"] == r["after_scan"]
    assert r["exhibitor_name"] in r["question"] and "again" in r["question"]
    assert r["button_text"] == "Yes, mark 1 person absent" and r["button_stayed"]
    # second tap: marked
    assert r["after_second_tap"] == {buyer: "present", exhibitor: "absent"}
    assert r["done_message"] == "Marked absent: 1"


@pytest.fixture(scope="module")
def portrait_display():
    with xvfb("1080x1920x24") as name:
        yield name


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_the_meetings_list_scrolls_by_finger_and_an_ended_meeting_is_marked(request, db_path, tmp_path, size):
    screen = request.getfixturevalue("display" if size == "1920x1080" else "portrait_display")
    r = scenario(screen, "meetings_drag", db_path, tmp_path, size)
    # opened on the slot on now (14:30–15:00), the morning's ended meetings above it
    assert r["top_at_open"].startswith("2023-06-14T14:30") and 0 < r["value_at_open"] < r["maximum"]
    # a finger drag up shows later meetings, down the earlier ones: the list moved with it
    assert r["ran_out_up"] < 10 and r["ran_out_down"] < 10          # each flick comes to rest
    assert r["value_after_up"] > r["value_at_open"] + 200, r
    assert r["value_after_down"] < r["value_after_up"] - 400, r
    assert r["top_after_down"] < r["top_at_open"]
    # a drag is no tap: nothing selected, nothing marked, no row highlighted
    assert r["selected_after_up"] is None and r["selected_after_down"] is None
    assert r["current_after_up"] is None and r["current_after_down"] is None
    assert r["edits_after_drags"] == 0
    # a tap after it selects that (ended) meeting; No-show saves it
    assert r["tapped_ended"] and r["tapped_status_before"] == "planned"
    assert r["selected_after_tap"] == r["current_after_tap"] == r["tapped"]
    assert "ended at" in r["status_line"]
    assert r["status_after_no_show"] == "no_show" and "No-show" in r["row_text"] and "Ended" in r["row_text"]
