"""The matchmaking board: a public screen for the lounge. Now and next at every table, the
buyer directory (filter by country and by what they look for), and "looking for" by exhibitor
category. Item models over the domain's reads; a refresh only signals the rows that changed."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel, QAbstractTableModel, QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt, QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QButtonGroup, QGridLayout, QHeaderView, QListView, QTableView, QVBoxLayout,
    QWidget,
)

from kiosk.models.matchmaking import BoardPlan, directory_counts

from . import phrases
from .widgets import WrappingButton, kinetic_scroll, label, make_kinetic
from .switching import when_shown

BuyerRole = Qt.ItemDataRole.UserRole + 1


def _hm(t) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def meeting_cell(m, lang: str, *, public: bool = True) -> str:
    """"10:30–11:00 / Buyer / Exhibitor", marked when moved (shown within a second of the edit).
    ``public``: names without their "(sample)" marks (the board); the staff desk keeps them."""
    if m is None:
        return "—"
    if m.kind == "b2b":
        who = "\n".join((t.public if public else t).get(lang) for t in (m.buyer_name, m.exhibitor_name) if t)
    else:
        who = (m.title.public if public else m.title).get(lang) or m.delegation
    text = f"{_hm(m.start)}–{_hm(m.end)}\n{who}"
    if m.display_status == "moved":
        text += "\n· " + QCoreApplication.translate("Board", "Moved")
        if m.moved:
            text += f" ({m.published_place} → {m.place})"
    elif m.status == "held":
        text += "\n· " + QCoreApplication.translate("Board", "Held")
    elif m.status == "no_show":
        text += "\n· " + QCoreApplication.translate("Board", "No-show")
    return text


def _key(m):
    """What a cell shows depends on only these."""
    return None if m is None else (m.id, m.status, m.table_id, m.room_id, m.start, m.end)


def row_key(r) -> tuple:
    return (r.table.id, _key(r.now), _key(r.next))




class BoardModel(QAbstractTableModel):
    """One row per table: table, the meeting on now, the next one. A row's texts are made the
    first time it is painted and kept until its meetings or the language change (a 500-table
    board shows ~15 rows at a time; a paint asks for each cell's text several times)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list = []           # BoardRow
        self.keys: list = []
        self.texts: list = []          # per row: (table, now, next) texts, or None until painted
        self.lang = "en"
        self.headers = ("", "", "")
        #: a held, no-show or moved meeting's text: the theme's danger colour (set by the board)
        self.changed_colour = None

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 3

    def cell(self, row: int, column: int) -> str:
        if column == 0:
            return self.rows[row].table.id
        texts = self.texts[row]
        if texts is None:
            r = self.rows[row]
            texts = self.texts[row] = (meeting_cell(r.now, self.lang), meeting_cell(r.next, self.lang))
        return texts[column - 1]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(index.row(), index.column())
        if role == Qt.ItemDataRole.ForegroundRole and index.column():
            r = self.rows[index.row()]
            m = r.now if index.column() == 1 else r.next
            if m is not None and m.display_status != "planned":
                return self.changed_colour
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def set_headers(self, headers) -> None:
        self.headers = tuple(headers)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def _signal(self, changed: list[int]) -> None:
        """One dataChanged per run of adjacent changed rows (the view repaints only the visible
        cells among them)."""
        i = 0
        while i < len(changed):
            j = i
            while j + 1 < len(changed) and changed[j + 1] == changed[j] + 1:
                j += 1
            self.dataChanged.emit(self.index(changed[i], 0), self.index(changed[j], 2))
            i = j + 1

    def set_rows(self, rows, lang: str, keys=None) -> int:
        """Replace every row; returns how many changed. A reset only when the number of tables
        changes; otherwise the changed rows are signalled (a language change: all of them)."""
        keys = keys if keys is not None else [row_key(r) for r in rows]
        if len(rows) != len(self.rows):
            self.beginResetModel()
            self.rows, self.keys, self.lang, self.texts = list(rows), keys, lang, [None] * len(rows)
            self.endResetModel()
            return len(rows)
        if lang != self.lang:
            changed = list(range(len(rows)))
        else:
            changed = [i for i, (a, b) in enumerate(zip(self.keys, keys)) if a != b]
        self.rows, self.keys, self.lang = list(rows), keys, lang
        for i in changed:
            self.texts[i] = None
        self._signal(changed)
        return len(changed)

    def update_rows(self, updates: dict[int, object]) -> int:
        """Replace some rows (index → BoardRow); returns how many changed."""
        changed = []
        for i in sorted(updates):
            key = row_key(updates[i])
            if key != self.keys[i]:
                self.rows[i], self.keys[i], self.texts[i] = updates[i], key, None
                changed.append(i)
            else:
                self.rows[i] = updates[i]
        self._signal(changed)
        return len(changed)


class BuyerModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.buyers = []
        self.lang = "en"
        self.category_names: dict[str, str] = {}

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.buyers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.buyers[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            wants = phrases.list_sep().join(self.category_names.get(c, c) for c in b.interests)
            # the name on its own line (names wrap in a narrow column), then where from and what for
            return f"{b.name.public.get(self.lang)}\n{phrases.country(b.country)} · {wants}"
        if role == BuyerRole:
            return b
        return None

    def set_buyers(self, buyers, lang: str, category_names: dict[str, str]) -> None:
        from kiosk.models.collation import by_shown_name
        self.beginResetModel()
        # by the names as shown in the language (Korean in 가나다 order, not by the English spelling)
        self.buyers = by_shown_name(buyers, lang, lambda b: b.name.public.get(lang))
        self.lang, self.category_names = lang, category_names
        self.endResetModel()


class BuyerFilter(QSortFilterProxyModel):
    """Country and interest (exhibitor category) filters; None lets every buyer through."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.country: str | None = None
        self.interest: str | None = None

    def set_filter(self, *, country: str | None = ..., interest: str | None = ...) -> None:
        begin = getattr(self, "beginFilterChange", None)     # Qt 6.9+; invalidateFilter() before
        if begin:
            begin()
        if country is not ...:
            self.country = country
        if interest is not ...:
            self.interest = interest
        if begin:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent) -> bool:
        b = self.sourceModel().buyers[row]
        return (self.country is None or b.country == self.country) and \
            (self.interest is None or self.interest in b.interests)


class MatchmakingBoard(QWidget):
    def __init__(self, ui, ops, repo, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.mm = ops.matchmaking          # read-only
        self.repo = repo
        self.categories = repo.categories()

        self.title = label(role="heading", wrap=True)
        self.board_title = label(role="sectionTitle")
        self.no_meetings = label(role="onDark", wrap=True)      # shown when this kiosk holds no meeting at all
        self.no_meetings.hide()
        self.model = BoardModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        # rows of one fixed height (time, buyer, exhibitor, a mark): a tick that changes every
        # row repaints the visible ones, instead of measuring 500 rows of wrapped text
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # the table column's width is measured once per font over the table numbers (to contents,
        # it would ask every row at every change: 500 rows' texts at a slot boundary)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        make_kinetic(self.table)

        self.directory_title = label(role="sectionTitle")
        self.buyer_model = BuyerModel(self)
        self.buyer_filter = BuyerFilter(self)
        self.buyer_filter.setSourceModel(self.buyer_model)
        self.buyers = QListView()
        self.buyers.setModel(self.buyer_filter)
        self.buyers.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.buyers.setWordWrap(True)           # a long name wraps; no sideways scrolling on a touch screen
        self.buyers.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buyers.setStyleSheet("QListView { color: #ffffff; } QListView::item { padding: 4px 0; }")
        make_kinetic(self.buyers)
        # chips: country names in the kiosk's language and interests by name, each with the number
        # of buyers a tap shows; in a grid, wrapping their words rather than losing a count
        self.country_group = QButtonGroup(self)
        self.country_grid = QGridLayout()
        self.country_grid.setSpacing(8)
        self.interest_group = QButtonGroup(self)
        self.interest_grid = QGridLayout()
        self.interest_grid.setSpacing(8)
        self.country_chips: dict[str | None, WrappingButton] = {}
        self.interest_chips: dict[str | None, WrappingButton] = {}
        self._all_buyers: list = []
        self.looking_title = label(role="sectionTitle")
        self.looking = label(role="onDark", wrap=True)
        self.looking.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        left = QVBoxLayout()
        left.addWidget(self.board_title)
        left.addWidget(self.no_meetings)
        left.addWidget(self.table, 1)
        self.right_side = QWidget()
        right = QVBoxLayout(self.right_side)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.directory_title)
        right.addLayout(self.country_grid)
        right.addLayout(self.interest_grid)
        # the directory and "Looking for": one above the other beside the tables; side by side
        # under them on a portrait screen (each then gets the height of a few buyers, not one)
        self.lists = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.lists.addWidget(self.buyers, 2)
        looking_box = QVBoxLayout()
        looking_box.addWidget(self.looking_title)
        looking_box.addWidget(kinetic_scroll(self.looking), 1)
        self.lists.addLayout(looking_box, 1)
        right.addLayout(self.lists, 1)
        self.looking.setAutoFillBackground(False)     # QScrollArea turned it on: keep the dark screen
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setSpacing(24)
        self.columns.addLayout(left, 11)
        self.columns.addWidget(self.right_side, 9)
        root = QVBoxLayout(self)
        root.setContentsMargins(32, 20, 32, 16)
        root.addWidget(self.title)
        root.addLayout(self.columns, 1)

        self.plan = BoardPlan(self.mm)
        self._valid_until = None
        self._shown_at = None
        self._prepared = None              # (from, until, rows, keys): the rows of the next change
        self._prepare_timer = QTimer(self)    # the idle time after a paint: work out the next change's rows
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self.prepare)
        ui.minuteTick.connect(lambda _now: self.tick())
        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.retranslate))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.retranslate))
        self.retranslate()

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        # the tables get the room: the directory's chips would otherwise claim half the screen
        self.right_side.setMaximumWidth(16777215 if portrait else int(self.width() * 0.45))
        self.lists.setDirection(QBoxLayout.Direction.LeftToRight if portrait else QBoxLayout.Direction.TopToBottom)
        self.lists.setStretch(0, 1 if portrait else 2)
        self.lists.setSpacing(24 if portrait else 6)
        # portrait: the tables take a little over half the height (four or five tables), not three quarters
        self.columns.setStretch(0, 6 if portrait else 11)
        self.columns.setStretch(1, 5 if portrait else 9)
        if getattr(self, "_chips_portrait", None) != portrait:
            self._place_chips()
        super().resizeEvent(event)

    def _chip(self, group: QButtonGroup, on_click) -> WrappingButton:
        b = WrappingButton()
        b.setCheckable(True)
        b.setProperty("role", "bar")
        group.addButton(b)
        b.clicked.connect(on_click)
        return b

    def _build_chips(self) -> None:
        """One chip per country of the buyers and per exhibitor category, and "All" in each row;
        made again only when the buyers' countries change (a new import), not per language."""
        countries = [None, *sorted({b.country for b in self._all_buyers})]
        interests = [None, *(c.id for c in self.categories)]
        if list(self.country_chips) == countries and list(self.interest_chips) == interests:
            return
        for group, chips, grid in ((self.country_group, self.country_chips, self.country_grid),
                                   (self.interest_group, self.interest_chips, self.interest_grid)):
            for b in chips.values():
                group.removeButton(b)
                grid.removeWidget(b)
                b.hide()                 # gone from the screen now, not at the next event loop turn
                b.deleteLater()
            chips.clear()
        for code in countries:
            self.country_chips[code] = self._chip(
                self.country_group, lambda _=False, code=code: self.set_filter(country=code))
        for cid in interests:
            self.interest_chips[cid] = self._chip(
                self.interest_group, lambda _=False, cid=cid: self.set_filter(interest=cid))
        self._place_chips()

    def _place_chips(self) -> None:
        # interests are long ("Bio, medical & healthcare", "바이오·의료·헬스케어"): three a row beside
        # the tables, four a row across a portrait screen
        portrait = self.height() > self.width()
        self._chips_portrait = portrait
        # countries by their names as shown in the kiosk's language ("All" first), not by ISO code
        from kiosk.models.collation import name_sort_key
        lang = self.ui.language
        self._chips_lang = lang
        countries = sorted(self.country_chips.items(),
                           key=lambda kv: (kv[0] is not None, name_sort_key(phrases.country(kv[0] or ""), lang)))
        for chips, grid, columns in ((dict(countries), self.country_grid, 5),
                                     (self.interest_chips, self.interest_grid, 4 if portrait else 3)):
            for b in chips.values():
                grid.removeWidget(b)
            for i, b in enumerate(chips.values()):
                grid.addWidget(b, i // columns, i % columns)
            for c in range(8):
                grid.setColumnStretch(c, 1 if c < columns else 0)

    def _label_chips(self) -> None:
        lang = self.ui.language
        f = self.buyer_filter
        by_country, by_interest = directory_counts(self._all_buyers, country=f.country, interest=f.interest)
        everyone = QCoreApplication.translate("Board", "All")
        small = f"font-size: {self.ui.theme.small}px; font-weight: 400; padding: 0 6px;"
        for code, b in self.country_chips.items():
            b.set_label(everyone if code is None else phrases.country(code), str(by_country.get(code, 0)))
            b.setChecked(f.country == code)
            b.setStyleSheet(small)
        names = {c.id: f"{c.symbol} {c.name.get(lang)}" for c in self.categories}
        for cid, b in self.interest_chips.items():
            b.set_label(everyone if cid is None else names[cid], str(by_interest.get(cid, 0)))
            b.setChecked(f.interest == cid)
            b.setStyleSheet(small)

    def set_filter(self, **chosen) -> None:
        """A country or interest chip: the directory, "Looking for" and the counts follow it."""
        self.buyer_filter.set_filter(**chosen)
        self._label_chips()
        self._fill_looking_for()

    def _fill_looking_for(self) -> None:
        lang = self.ui.language
        f = self.buyer_filter
        wanted = self.mm.looking_for(country=f.country, interest=f.interest)
        from kiosk.models.collation import by_shown_name
        wanted = {cid: by_shown_name(bs, lang, lambda b: b.name.public.get(lang)) for cid, bs in wanted.items()}
        sep = phrases.list_sep()
        # Translators: a category and the buyers looking for it ("A Auto parts: Kansai Science City, …")
        line = QCoreApplication.translate("Board", "%1: %2")
        lines = [line.replace("%1", f"{c.symbol} {c.name.get(lang)}").replace(
                     "%2", sep.join(b.name.public.get(lang) for b in wanted[c.id]))
                 for c in self.categories if wanted.get(c.id)]
        self.looking.setText("\n".join(lines) or QCoreApplication.translate("Board", "No buyer matches these filters."))

    def reset(self) -> None:
        """Idle: no filters."""
        self.set_filter(country=None, interest=None)

    # ---------------------------------------------------------------- the tables, tick by tick
    def tick(self) -> int:
        """The clock's minute tick. Nothing to do until a meeting starts or ends; at that moment
        the rows prepared ahead (:meth:`prepare`, in the idle time after the last change) are
        swapped in and only the rows that differ repaint. Returns how many rows changed."""
        now = self.ui.now()
        if self.plan.day != now.astimezone(self.plan.mm.tz).date():
            return self.refresh()                                  # a new day: read it
        if self._valid_until is not None and self._shown_at <= now < self._valid_until:
            return 0                                               # (a clock set back is worked out again)
        ready = self._prepared
        if ready is not None and ready[0] <= now and (ready[1] is None or now < ready[1]):
            _at, until, rows, keys = ready
        else:                                                      # the clock jumped: work it out now
            rows = self.plan.rows_at(now)
            keys, until = [row_key(r) for r in rows], BoardPlan.changes_at(rows, now)
        self._prepared = None
        self._set_valid_until(now, until)
        changed = self.model.set_rows(rows, self.ui.language, keys)
        self._schedule_prepare()
        return changed

    def _set_valid_until(self, now, until) -> None:
        self._shown_at = now
        # nothing more today: look again at the day's last tick (and the next day's first) anyway
        self._valid_until = until if until is not None else now.replace(hour=23, minute=59, second=59)

    def _schedule_prepare(self) -> None:
        self._prepare_timer.start()

    def prepare(self) -> None:
        """Work out the rows the board will show from the moment it next changes, ahead of it
        (run from the event loop once the current rows are painted)."""
        at = self._valid_until
        if at is None or self.plan.day != at.astimezone(self.plan.mm.tz).date():
            self._prepared = None
            return
        rows = self.plan.rows_at(at)
        self._prepared = (at, BoardPlan.changes_at(rows, at), rows, [row_key(r) for r in rows])

    def _fit_table_column(self) -> None:
        fm = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        widths = [fm.horizontalAdvance(t.id) for t in self.plan.tables]
        widths.append(header.fontMetrics().horizontalAdvance(self.model.headers[0]))
        header.resizeSection(0, max(widths) + 2 * fm.averageCharWidth() + 8)

    def refresh(self, change=None) -> int:
        """Now/next per table at the clock's time after a data change; returns how many rows
        changed. A change naming meetings updates only their tables (where they were, where
        they are now); a session change leaves the board alone; anything else — reference data
        (tables, buyers, exhibitors' names), an unknown writer, no change given — reads the day
        again."""
        from kiosk.models.change import MEETINGS, REFERENCE

        now = self.ui.now()
        day = now.astimezone(self.plan.mm.tz).date()
        if change is not None and not change.everything and not change.touches(REFERENCE) \
                and self.plan.day == day:
            if not change.touches(MEETINGS):
                return 0
            touched = self.plan.apply(change.meetings)
            if touched is not None:
                rows = self.plan.rows_at(now, touched)
                changed = self.model.update_rows({self.plan.index[r.table.id]: r for r in rows})
                self._set_valid_until(now, BoardPlan.changes_at(self.model.rows, now))
                self._prepared = None
                self._schedule_prepare()
                return changed
        else:
            self.plan.load(day)
            self._fit_table_column()
            self.no_meetings.setText(phrases.no_meetings())
            self.no_meetings.setVisible(not self.mm.any_meetings())
        rows = self.plan.rows_at(now)
        self._set_valid_until(now, BoardPlan.changes_at(rows, now))
        self._prepared = None
        changed = self.model.set_rows(rows, self.ui.language)
        self._schedule_prepare()
        return changed

    def retranslate(self) -> None:
        lang = self.ui.language
        self.title.setText(QCoreApplication.translate("Board", "Business matchmaking"))
        self.board_title.setText(QCoreApplication.translate("Board", "At the tables"))
        self.model.set_headers([QCoreApplication.translate("Board", "Table"),
                                QCoreApplication.translate("Board", "Now"),
                                QCoreApplication.translate("Board", "Next")])
        self.directory_title.setText(QCoreApplication.translate("Board", "Buyers"))
        self.looking_title.setText(QCoreApplication.translate("Board", "Looking for"))
        names = {c.id: f"{c.symbol} {c.name.get(lang)}" for c in self.categories}
        self._all_buyers = self.mm.buyers()
        self.buyer_model.set_buyers(self._all_buyers, lang, names)
        self._build_chips()
        if getattr(self, "_chips_lang", None) != lang:
            self._place_chips()
        self._label_chips()
        self._fill_looking_for()
        # the table's cells in the theme's colours: white and navy, or black and white with high contrast
        theme = self.ui.theme
        p = theme.p
        self.model.changed_colour = theme.color("danger")
        self.table.setStyleSheet(f"QTableView {{ background:{p.surface}; color:{p.text}; font-size:{theme.body}px; "
                                 f"gridline-color:{p.border}; }} "
                                 f"QHeaderView::section {{ background:{p.surface_alt}; color:{p.text}; "
                                 f"border:none; border-bottom:2px solid {p.border}; padding:4px; }}")
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().lineSpacing() * 5 + 10)
        self.refresh()
