"""The meetings desk in Korean: buyers' "(sample)" marks read "(예시)" like the exhibitors'
(mdesk-ko.png: "Southern Taiwan Science Park (sample)" above "영일로봇암 (예시)")."""

from PySide6.QtWidgets import QLabel


def test_the_korean_meetings_desk_marks_buyers_and_exhibitors_alike(make_kiosk, qtbot):
    window = make_kiosk(language="ko")
    window.enter_staff_mode("staff")
    window.open_meeting_desk()
    desk = window.screen("meetings")
    rows = [desk.list.item(i).text() for i in range(desk.list.count())]
    rows += [w.text() for w in desk.findChildren(QLabel) if w.isVisibleTo(desk)]
    shown = "\n".join(rows)
    assert "(예시)" in shown
    assert "(sample)" not in shown, [r for r in rows if "(sample)" in r][:3]
