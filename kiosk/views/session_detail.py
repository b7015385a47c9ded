"""One session in full: description, people, and where the room is in the building."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout, QFrame, QHBoxLayout, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

from . import phrases
from kiosk.models.venue_map import Rect

from .directions import steps_html
from .map_view import MapView, VenueScene, step_markers
from .programme import Programme
from .session_card import change_badges
from .widgets import kinetic_scroll, label, make_kinetic
from .switching import settled, when_shown


#: The floor plan of a session's room is never drawn shorter than this (px), at any text size.
PLAN_MIN = 400


class StepsScroll(QScrollArea):
    """The numbered steps, as tall as they are when there is room (asks for their whole height),
    scrolling when there is not."""

    def __init__(self, content: QWidget) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QScrollArea, QScrollArea > QWidget > QWidget { background: transparent; }")
        self.setWidget(content)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        make_kinetic(self)

    def sizeHint(self) -> QSize:
        content = self.widget()
        width = max(200, self.viewport().width())
        height = content.heightForWidth(width) if content.hasHeightForWidth() else content.sizeHint().height()
        return QSize(width, max(0, height) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 2 * self.fontMetrics().height())


class SessionDetail(QWidget):
    back = Signal()

    def __init__(self, ui, programme: Programme, venue, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.programme = programme
        self.venue = venue
        self.route = None
        self.shown_floor: str | None = None
        self.session_id: str | None = None

        self.back_button = QPushButton()
        self.back_button.setProperty("role", "bar")
        self.back_button.clicked.connect(self.back)
        self.title = label(role="heading", wrap=True)
        top = QHBoxLayout()
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)

        # left (or top, in portrait): what it is and who speaks; scrolls if long
        panel = QFrame()
        panel.setObjectName("Panel")
        self.when = label(wrap=True)
        self.ended = label(wrap=True)
        self.changes = label(wrap=True)
        self.description = label(wrap=True)
        self.people_heading = label()
        self.people = label(wrap=True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.calendar_qr = label()
        self.calendar_caption = label(wrap=True)
        inner = QVBoxLayout(panel)
        inner.setContentsMargins(32, 28, 32, 28)
        inner.setSpacing(14)
        for w in (self.when, self.ended, self.changes, self.description, self.people_heading, self.people):
            inner.addWidget(w)
        qr_row = QHBoxLayout()
        qr_row.addWidget(self.calendar_qr)
        qr_row.addWidget(self.calendar_caption, 1)
        inner.addLayout(qr_row)
        inner.addStretch(1)
        scroll = kinetic_scroll(panel)

        # right (or bottom): where it is, with the floor drawn
        where_panel = QFrame()
        where_panel.setObjectName("Panel")
        self.where_heading = label()
        self.where = label(wrap=True)
        self.route_label = label(wrap=True)
        self.steps_label = label(wrap=True)
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.steps: list = []
        self.floor_row = QHBoxLayout()
        self.floor_buttons: list[QPushButton] = []
        self.scene = VenueScene(ui, self)
        self.plan = MapView(self.scene)
        self.plan.setMinimumHeight(PLAN_MIN)
        side = QVBoxLayout(where_panel)
        side.setContentsMargins(32, 28, 32, 28)
        side.setSpacing(14)
        # The room and the walk's length on top, then the route itself: the numbered steps beside
        # the floor plan (landscape) or above it (portrait). Larger text used to squeeze the plan
        # and the steps to ~70 px (issue 12): the plan keeps PLAN_MIN, the steps scroll only when
        # they cannot all show.
        side.addWidget(self.where_heading)
        side.addWidget(self.where)
        side.addWidget(self.route_label)
        self.steps_scroll = StepsScroll(self.steps_label)
        map_col = QVBoxLayout()
        map_col.setSpacing(14)
        map_col.addLayout(self.floor_row)
        map_col.addWidget(self.plan, 1)
        self.route_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.route_row.setSpacing(24)
        self.route_row.addWidget(self.steps_scroll, 2)
        self.route_row.addLayout(map_col, 3)
        side.addLayout(self.route_row, 1)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(24)
        # the where-panel holds the room, the numbered steps and the floor drawn: the larger share
        self.columns.addWidget(scroll, 2)
        self.columns.addWidget(where_panel, 3)

        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 20)
        root.setSpacing(16)
        root.addLayout(top)
        root.addLayout(self.columns, 1)
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.refresh))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.refresh))
        ui.minuteTick.connect(self._minute)
        self._over: bool | None = None

    def _minute(self, now) -> None:
        """The session ends while shown: say so and take the walk and the calendar code away."""
        item = self.programme.get(self.session_id) if self.session_id else None
        if item is not None and (now >= item.session.end) != self._over:
            self.refresh()

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # portrait: the steps above the plan, full width; landscape: beside it
        self.route_row.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.route_row.setStretch(0, 0 if portrait else 2)
        super().resizeEvent(event)

    def show_session(self, session_id: str) -> None:
        self.session_id = session_id
        self.refresh()
        settled(self, "retranslate")        # refreshed in the language of now: not again on show

    def refresh(self) -> None:
        if self.session_id is None:
            return
        item = self.programme.get(self.session_id)
        if item is None:  # deleted by an import while shown
            self.back.emit()
            return
        lang = self.ui.language
        theme = self.ui.theme
        s = item.session
        now = self.ui.now()
        # over (or cancelled): no walk there and no calendar code; say when it ended
        self._over = over = now >= s.end
        gone = over or s.cancelled
        if over and not s.cancelled:
            end = s.end.astimezone(now.tzinfo)
            stamp = phrases.hhmm(end) if end.date() == now.date() else f"{phrases.day_label(end.date())} {phrases.hhmm(end)}"
            self.ended.setText(QCoreApplication.translate("Detail", "Ended %1").replace("%1", stamp))
        self.ended.setStyleSheet(f"color: {theme.p.text}; font-size: {theme.title}px; font-weight: 700;")
        self.ended.setVisible(over and not s.cancelled)
        self.back_button.setText(QCoreApplication.translate("Detail", "‹ Back"))
        self.title.setText(s.title.get(lang))
        day = phrases.day_label(s.start.date())
        self.when.setText(f"<span style='font-size:{theme.title}px; font-weight:700'>{day} · "
                          f"{phrases.time_range(s.start, s.end)}</span><br>"
                          f"<span style='font-size:{theme.body}px'>{phrases.shown_type(s)}</span>")
        badges = [label_ for label_, _c in change_badges(item)]
        if s.cancelled:
            badges.insert(0, phrases.cancelled())
        self.changes.setText(" · ".join(badges))
        self.changes.setStyleSheet(f"color: {theme.p.danger}; font-size: {theme.title}px; font-weight: 700;")
        self.changes.setVisible(bool(badges))
        self.description.setText(s.description.get(lang))
        self.description.setStyleSheet(f"font-size: {theme.body}px;")

        people = self.programme.repo.participants(s.id)
        self.people_heading.setText(QCoreApplication.translate("Detail", "Speakers"))
        self.people_heading.setStyleSheet(f"font-size: {theme.title}px; font-weight: 700;")
        self.people_heading.setVisible(bool(people))
        rows = []
        chinese = lang.startswith("zh")
        colon, comma = ("：", "，") if chinese else (": ", ", ")
        for p in people:
            name = phrases.person_name(p.name, p.name_local, lang)
            org = p.organisation.name.get(lang) if p.organisation else ""
            who = comma.join(x for x in (p.title.get(lang), org) if x)
            talk = f"<br><i>“{p.talk.get(lang)}”</i>" if p.talk else ""
            # under the "Speakers" heading a speaker needs no "Speaker:" (read as "講者 / 講者: …");
            # other roles say theirs, with the language's own colon
            role = "" if p.role == "speaker" else f"{phrases.role(p.role)}{colon}"
            rows.append(f"<p style='margin:0 0 10px 0'><b>{role}{name}</b><br>{who}{talk}</p>")
        self.people.setText("".join(rows))
        self.people.setStyleSheet(f"font-size: {theme.body}px;")
        self.people.setVisible(bool(people))

        # the session as a calendar event: phone cameras offer "add to calendar"
        from kiosk.exchange.export import session_qr_event

        from .qr import qr_pixmap

        if not gone:
            self.calendar_qr.setPixmap(qr_pixmap(session_qr_event(s, item.room), theme.px(190)))
        self.calendar_caption.setText(QCoreApplication.translate("Detail", "Scan to add this session to your phone's calendar."))
        self.calendar_caption.setStyleSheet(f"font-size: {theme.small}px;")
        self.calendar_qr.setVisible(not gone)
        self.calendar_caption.setVisible(not gone)
        self.where_heading.setText(QCoreApplication.translate("Detail", "Where"))
        self.where_heading.setStyleSheet(f"font-size: {theme.title}px; font-weight: 700;")
        if item.room and item.room.not_on_plan:
            # a room an imported programme named that nobody has drawn yet: its name, no made-up
            # floor or walk, and where to ask
            self.room = None
            self.route = None
            self.steps = []
            self.route_label.hide()
            self.steps_scroll.hide()
            self._floor_buttons([])
            self.where.setText(f"<b>{item.room.name.get(lang)}</b><br>" + QCoreApplication.translate(
                "Detail", "Not on the floor plan yet: please ask at the information desk."))
            self.plan.setVisible(False)
        elif item.room:
            floor = item.floor.name.get(lang) if item.floor else ""
            line = f"<b>{item.room.name.get(lang)}</b> · {floor}"
            if item.room.directions:
                line += f"<br>{item.room.directions.get(lang)}"
            # (an assumed room is marked for staff on the schedule desk and in the data, not here)
            self.where.setText(line)
            self.room = item.room
            self.route = None if gone else self.venue.route_to(f"room:{item.room.id}")
            self.steps = self.venue.steps(self.route, f"room:{item.room.id}") if self.route is not None else []
            if self.route is not None:
                self.route_label.setText(QCoreApplication.translate("Detail", "From this kiosk:") + " "
                                         + phrases.walk(self.route.walking_m, self.route.minutes, self.route.changes))
                self.steps_label.setText(steps_html(self.steps, self.venue, lang, colour=theme.p.warning,
                                                    size=theme.small))
            self.route_label.setStyleSheet(f"font-size:{theme.body}px; font-weight:700; color:{theme.p.warning};")
            self.route_label.setVisible(self.route is not None)
            self.steps_scroll.setVisible(self.route is not None)
            self.steps_scroll.updateGeometry()
            self.plan.retranslate()
            self._floor_buttons([leg.floor_id for leg in self.route.legs] if self.route else [item.room.floor_id])
            self.show_floor(item.room.floor_id)
            self.plan.setVisible(item.room.plan is not None)
        else:
            self.room = None
            self.route = None
            self.steps = []
            self.route_label.hide()
            self.steps_scroll.hide()
            self._floor_buttons([])
            self.where.setText(QCoreApplication.translate("Detail", "Room to be announced."))
            self.plan.setVisible(False)
        self.where.setStyleSheet(f"font-size: {theme.body}px;")

    def _floor_buttons(self, floors: list[str]) -> None:
        """One button per floor the walk crosses (1F → 3F): tap to see that part of it.
        Kept when the floors are the same (a refresh or language switch only relabels them)."""
        if [b.property("floor") for b in self.floor_buttons] == floors and len(floors) >= 2:
            for b in self.floor_buttons:
                b.setText(self.venue.floors[b.property("floor")].name.get(self.ui.language))
            return
        for b in self.floor_buttons:
            self.floor_row.removeWidget(b)
            b.deleteLater()
        self.floor_buttons = []
        if len(floors) < 2:
            return
        for floor_id in floors:
            b = QPushButton(self.venue.floors[floor_id].name.get(self.ui.language))
            b.setCheckable(True)
            b.setProperty("floor", floor_id)
            b.clicked.connect(lambda _=False, f=floor_id: self.show_floor(f))
            self.floor_row.addWidget(b)
            self.floor_buttons.append(b)

    def show_floor(self, floor_id: str) -> None:
        """Draw one floor with the room lit and this floor's part of the walk."""
        floor = self.venue.floors.get(floor_id)
        if floor is None:
            return
        self.shown_floor = floor_id
        for b in self.floor_buttons:
            b.setChecked(b.property("floor") == floor_id)
        # the floor drawing changes with the floor, the language (labels) and the theme; a data
        # refresh of the same session on the same floor only moves the highlight and the walk
        key = (floor_id, self.ui.language, self.ui.theme)
        if getattr(self, "_scene_key", None) != key:
            self._scene_key = key
            self.scene.build(floor=floor, rooms=self.venue.rooms.values(), booths={}, occupants={},
                             categories=self.venue.categories, features=self.venue.features, kiosk=self.venue.kiosk)
        self.scene.highlight_room(self.room.id if self.room is not None and self.room.floor_id == floor_id else None)
        points = [p for leg in (self.route.legs if self.route else []) if leg.floor_id == floor_id for p in leg.points]
        self.scene.show_route(points or None, markers=step_markers(self.steps, floor_id))
        # frame the room and this floor's part of the walk, not the whole building
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if self.room is not None and self.room.floor_id == floor_id and self.room.plan:
            x, y, w, h = self.room.plan
            xs += [x, x + w]
            ys += [y, y + h]
        kiosk = self.venue.kiosk
        if points and kiosk is not None and kiosk["floor_id"] == floor_id:
            xs.append(kiosk["x"])               # room for the "You are here" plate under the dot
            ys.append(kiosk["y"] + 5)
        if not xs:
            xs, ys = [0, floor.width], [0, floor.depth]
        # no walk (the session is over): the room among its neighbours, not the room alone
        self.plan.show_area(Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), margin_m=6 if points else 20)
