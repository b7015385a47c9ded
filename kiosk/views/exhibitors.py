"""Exhibitors: the hall map beside a list, filtered by category, country and name; a tap on
either selects the exhibitor on both, shows its card and draws the walk from this kiosk."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView, QBoxLayout, QFrame, QHBoxLayout, QLineEdit, QListView, QPushButton,
    QStyledItemDelegate, QVBoxLayout, QWidget,
)

from kiosk.models.exhibition import UNCATEGORISED, ExhibitorFilter, apply_filter
from kiosk.models.venue_map import Rect

from . import phrases
from .phrases import WORD_JOINER, keep_together
from .directions import steps_html
from .i18n import font_for
from .map_view import MapView, VenueScene, step_markers
from .chips import Chip, ChipStrip
from .widgets import WrappingButton, label, make_kinetic
from .switching import when_shown

ExhibitorRole = Qt.ItemDataRole.UserRole + 10


class ExhibitorListModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows = []

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        e = self._rows[index.row()]
        if role == ExhibitorRole:
            return e
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return e.public_name.en
        return None

    def set_items(self, items) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def row_of(self, exhibitor_id: str) -> int:
        for i, e in enumerate(self._rows):
            if e.id == exhibitor_id:
                return i
        return -1

    def ids(self) -> list[str]:
        return [e.id for e in self._rows]


class ExhibitorDelegate(QStyledItemDelegate):
    """A row: category colour and symbol, name, booth numbers and country."""

    def __init__(self, screen) -> None:
        super().__init__(screen)
        self.screen = screen

    def sizeHint(self, option, index) -> QSize:
        theme = self.screen.ui.theme
        return QSize(option.rect.width(), theme.px(92))

    def paint(self, painter: QPainter, option, index) -> None:
        e = index.data(ExhibitorRole)
        if e is None:
            return
        ui = self.screen.ui
        theme, lang = ui.theme, ui.language
        cat = self.screen.categories.get(e.category_id or "")
        r = option.rect.adjusted(0, 4, -8, -4)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = e.id == self.screen.selected_id
        painter.setBrush(theme.color("accent") if selected else theme.color("surface"))
        painter.setPen(theme.color("border") if theme.high_contrast else Qt.PenStyle.NoPen)
        painter.drawRoundedRect(r, 10, 10)
        bar = QRect(r.left(), r.top(), theme.px(56), r.height())
        painter.setBrush(QColor(cat.colour) if cat else QColor("#b8c2cf"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(bar, 10, 10)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(font_for(lang, theme.title, bold=True))
        painter.drawText(bar, Qt.AlignmentFlag.AlignCenter, cat.symbol if cat else "?")
        text_colour = theme.color("accent_text") if selected else theme.color("text")
        muted = text_colour if selected else theme.color("text_muted")
        x = bar.right() + 16
        w = r.right() - x - 12
        name_font = font_for(lang, theme.body, bold=True)
        painter.setFont(name_font)
        painter.setPen(text_colour)
        fm = QFontMetrics(name_font)
        painter.drawText(QRect(x, r.top() + 8, w, fm.height()), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(e.public_name.get(lang), Qt.TextElideMode.ElideRight, w))
        small = font_for(lang, theme.small)
        painter.setFont(small)
        painter.setPen(muted)
        booths = ", ".join(e.booths) if e.booths else QCoreApplication.translate("Exhibitors", "No booth")
        cat_name = cat.name.get(lang) if cat else QCoreApplication.translate("Exhibitors", "Uncategorised")
        line = f"{booths} · {phrases.country(e.country)} · {cat_name}"
        sfm = QFontMetrics(small)
        painter.drawText(QRect(x, r.bottom() - sfm.height() - 8, w, sfm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         sfm.elidedText(line, Qt.TextElideMode.ElideRight, w))
        painter.restore()


class ExhibitorCard(QFrame):
    """The selected exhibitor: what, where, the walk there, and a QR for the visitor's phone."""

    closed = Signal()

    def __init__(self, ui, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.ui = ui
        self.name = label(wrap=True)
        self.meta = label(wrap=True)
        self.description = label(wrap=True)
        self.route = label(wrap=True)
        self.steps = label(wrap=True)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.qr = label()
        self.qr_caption = label(wrap=True)
        self.close_button = QPushButton("✕")
        self.close_button.clicked.connect(self.closed)
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.addWidget(self.meta)
        text.addWidget(self.description)
        text.addWidget(self.route)
        text.addStretch(1)
        # the numbered steps beside the description (not under it): the map keeps its height
        way = QVBoxLayout()
        way.addWidget(self.steps)
        way.addStretch(1)
        qr_box = QVBoxLayout()
        qr_box.addWidget(self.qr)
        qr_box.addWidget(self.qr_caption)
        qr_box.addStretch(1)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(24)
        self.body.addLayout(text, 4)
        self.body.addLayout(way, 5)
        outer = QVBoxLayout()
        outer.addLayout(head)
        outer.addLayout(self.body, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 16, 24, 16)
        row.setSpacing(20)
        row.addLayout(outer, 1)
        row.addLayout(qr_box)

    def show_exhibitor(self, e, category, route_text: str, steps_text: str = "") -> None:
        from .qr import qr_pixmap

        theme, lang = self.ui.theme, self.ui.language
        self.name.setText(e.public_name.get(lang))
        self.name.setStyleSheet(f"font-size:{theme.title}px; font-weight:700;")
        booths = ", ".join(e.booths) if e.booths else QCoreApplication.translate("Exhibitors", "No booth")
        cat_name = category.name.get(lang) if category else QCoreApplication.translate("Exhibitors", "Uncategorised")
        booth_word = QCoreApplication.translate("Exhibitors", "Booth")
        self.meta.setText(f"<b>{booth_word} {booths}</b> · {cat_name} · {phrases.country(e.country)}")
        self.meta.setStyleSheet(f"font-size:{theme.body}px;")
        desc = e.description.get(lang)
        products = e.products.get(lang)
        if products:
            line = QCoreApplication.translate("Exhibitors", "Products: %1").replace("%1", escape(products))
            desc += f"<br><i>{line}</i>"
        self.description.setText(desc)
        self.description.setStyleSheet(f"font-size:{theme.body}px;")
        self.route.setText(route_text)
        self.route.setStyleSheet(f"font-size:{theme.body}px; font-weight:700; color:{theme.p.warning};")
        self.route.setVisible(bool(route_text))
        self.steps.setText(steps_text)
        self.steps.setStyleSheet(f"font-size:{theme.body}px;")
        self.steps.setVisible(bool(steps_text))
        if e.website:
            self.qr.setPixmap(qr_pixmap(e.website, theme.px(200)))
            self.qr_caption.setText(QCoreApplication.translate("Exhibitors", "Scan for their page"))
            self.qr_caption.setStyleSheet(f"font-size:{theme.small}px;")
        self.qr.setVisible(bool(e.website))
        self.qr_caption.setVisible(bool(e.website))
        self.show()


class ExhibitorsScreen(QWidget):
    def __init__(self, ui, repo, venue, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")
        self.ui = ui
        self.repo = repo
        self.venue = venue
        self.exhibitors = repo.exhibitors()
        self._order_lang: str | None = None    # the language self.exhibitors is sorted for
        self.by_id = {e.id: e for e in self.exhibitors}
        self.categories = venue.categories
        self.booths = venue.booths
        self.rooms = venue.rooms
        self.floors = venue.floors
        self.features = venue.features
        self.kiosk = venue.kiosk
        self.occupants = {b: e for e in self.exhibitors for b in e.booths}
        self.countries = sorted({e.country for e in self.exhibitors}, key=lambda c: (c != "KR", c))
        self.chosen: set[str] = set()
        self.country: str | None = None
        self.text = ""
        self.selected_id: str | None = None
        self.route = None
        self.steps = []

        self.heading = label(role="heading")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumHeight(72)
        self.search.textChanged.connect(self.set_search)
        # Two strips of chips, one row each, that flick sideways: categories (with live counts)
        # and countries. A wrapped grid of them left the list about 1.5 rows (issue 12); every
        # category's name and colour also stays in sight in the legend over the map.
        self.category_strip = ChipStrip()
        self.all_chip = self._chip(lambda: self.set_categories(set()))
        self.category_strip.add(self.all_chip)
        self.category_chips: dict[str, Chip] = {}
        keys = list(self.categories) + ([UNCATEGORISED] if any(e.category_id is None for e in self.exhibitors) else [])
        for key in keys:
            self.category_chips[key] = self._chip(lambda _=False, k=key: self.toggle_category(k))
            self.category_strip.add(self.category_chips[key])
        self.country_strip = ChipStrip()
        self.country_all = self._chip(lambda: self.set_country(None))
        self.country_strip.add(self.country_all)
        self.country_chips: dict[str, Chip] = {}
        for code in self.countries:
            self.country_chips[code] = self._chip(lambda _=False, c=code: self.set_country(c))
            self.country_strip.add(self.country_chips[code])
        self.count = label(role="onDark")
        self.empty = label(role="onDarkMuted", wrap=True)
        # the chips' choices, said in one line with a one-tap clear: shown while the chips step
        # aside for the on-screen keyboard, and when nothing matches (seen: a country chip set
        # earlier stayed on behind the keyboard and the search said "0 exhibitors")
        self.filters_button = WrappingButton()
        self.filters_button.setProperty("role", "bar")
        self.filters_button.clicked.connect(self.clear_filters)
        self.filters_button.hide()
        self._compact = False
        self.model = ExhibitorListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(ExhibitorDelegate(self))
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setUniformItemSizes(True)
        self.list.clicked.connect(lambda index: self.select_exhibitor(index.data(ExhibitorRole).id))
        make_kinetic(self.list)

        left = QVBoxLayout()
        left.setSpacing(10)
        left.addWidget(self.heading)
        left.addWidget(self.search)
        left.addWidget(self.category_strip)
        left.addWidget(self.country_strip)
        left.addWidget(self.filters_button)
        left.addWidget(self.count)
        left.addWidget(self.empty)
        left.addWidget(self.list, 1)
        self.left_panel = QWidget()
        self.left_panel.setLayout(left)
        self.left_panel.setMinimumWidth(560)

        self.scene = VenueScene(ui, self)
        self.map = MapView(self.scene)
        self.map.boothTapped.connect(self.select_booth)
        self.legend = label(role="onDark", wrap=True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.card = ExhibitorCard(ui)
        self.card.closed.connect(lambda: self.select_exhibitor(None))
        self.card.hide()
        self.reset_map_button = QPushButton()
        self.reset_map_button.setProperty("role", "bar")
        self.reset_map_button.clicked.connect(self.map.reset_view)
        map_col = QVBoxLayout()
        map_col.setSpacing(10)
        map_top = QHBoxLayout()
        map_top.addWidget(self.legend, 1)
        map_top.addWidget(self.reset_map_button, 0, Qt.AlignmentFlag.AlignTop)
        map_col.addLayout(map_top)
        map_col.addWidget(self.map, 1)
        map_col.addWidget(self.card)
        self.map_panel = QWidget()
        self.map_panel.setLayout(map_col)

        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.columns.setContentsMargins(28, 16, 28, 16)
        self.columns.setSpacing(24)
        self.columns.addWidget(self.left_panel, 4)
        self.columns.addWidget(self.map_panel, 7)

        ui.languageChanged.connect(lambda _l: when_shown(self, "retranslate", self.retranslate))
        ui.themeChanged.connect(lambda _t: when_shown(self, "retranslate", self.retranslate))
        self._build_scene()
        self.retranslate()

    # ---------------------------------------------------------------- building
    def _chip(self, on_click) -> Chip:
        chip = Chip()
        chip.setCheckable(True)
        chip.setProperty("role", "bar")
        chip.clicked.connect(on_click)
        return chip

    @property
    def hall(self):
        return self.rooms.get("EXH") or next((r for r in self.rooms.values() if r.kind == "exhibition"), None)

    def _arrival(self, floor) -> tuple[float, float, str] | None:
        """From a kiosk on another floor: where its visitor reaches this floor (the lift), and
        the kiosk's floor, for a "You are on the 3rd floor" mark there."""
        if self.kiosk is None or self.kiosk["floor_id"] == floor.id:
            return None
        here = self.venue.floors.get(self.kiosk["floor_id"])
        route = self.venue.route_to(f"room:{self.hall.id}") if self.hall else None
        leg = next((leg for leg in (route.legs if route else []) if leg.floor_id == floor.id), None)
        if leg is None or here is None:
            return None
        x, y = leg.points[0]
        return x, y, here.name.get(self.ui.language)

    def _build_scene(self) -> None:
        hall = self.hall
        floor = self.floors.get(hall.floor_id) if hall else next(iter(self.floors.values()), None)
        if floor is None:
            return
        arrival = self._arrival(floor)
        self.scene.build(floor=floor, rooms=self.rooms.values(), booths=self.booths, occupants=self.occupants,
                         categories=self.categories, features=self.features, kiosk=self.kiosk, arrival=arrival)
        if hall and hall.plan:
            area = Rect(*hall.plan)
            here = ((self.kiosk["x"], self.kiosk["y"]) if self.kiosk is not None and self.kiosk["floor_id"] == floor.id
                    else arrival[:2] if arrival else None)
            if here is not None:
                # keep "you are here" in the first view, wherever the kiosk stands
                kx, ky = here
                x0, y0 = min(area.x, kx - 3), min(area.y, ky - 3)
                x1, y1 = max(area.right, kx + 3), max(area.bottom, ky + 4)
                area = Rect(x0, y0, x1 - x0, y1 - y0)
            self.map.show_area(area, margin_m=2.0)
        self._apply_booth_states(self._result().matching)
        if self.route is not None:
            self._draw_route()

    def resizeEvent(self, event) -> None:
        portrait = self.height() > self.width()
        self.columns.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self._share_height()
        super().resizeEvent(event)

    def _share_height(self) -> None:
        """Portrait: the list the larger share while browsing (several rows in sight); with an
        exhibitor's card open, the map and its walk a little more (the list keeps the chosen row
        and its neighbours). Landscape: the map beside the list."""
        portrait = self.height() > self.width()
        card = self.selected_id is not None
        left, right = ((4, 6) if card else (6, 5)) if portrait else (4, 7)
        if (self.columns.stretch(0), self.columns.stretch(1)) != (left, right):
            self.columns.setStretch(0, left)
            self.columns.setStretch(1, right)

    def retranslate(self) -> None:
        lang, theme = self.ui.language, self.ui.theme
        self.heading.setText(QCoreApplication.translate("Exhibitors", "Exhibitors"))
        self.search.setPlaceholderText(QCoreApplication.translate("Exhibitors", "Search a name or booth number"))
        self.search.setFont(font_for(lang, theme.body))
        self.reset_map_button.setText(QCoreApplication.translate("Exhibitors", "Whole hall"))
        self.map.retranslate()
        # each entry (swatch + name) is one unbreakable unit: the line wraps between entries, never
        # inside one ("F Food & / beverage", "C 化 / 妝品" were seen)
        entries = [(c.colour, "#ffffff", c.symbol, c.name.get(lang)) for c in self.categories.values()]
        if any(e.category_id is None for e in self.exhibitors):   # the grey "?" booths
            entries.append(("#b8c2cf", "#14213d", "?", QCoreApplication.translate("Exhibitors", "Uncategorised")))
        entries.append(("#ffffff", "#14213d", "\u00a0", QCoreApplication.translate("Exhibitors", "Free booth")))
        units = [f"{symbol} {name}" for _c, _t, symbol, name in entries]
        legend = [f"<span style='background:{colour}; color:{ink}'>&nbsp;{escape(keep_together(symbol))}&nbsp;</span>"
                  f"{WORD_JOINER}&nbsp;{WORD_JOINER}{escape(keep_together(name))}"
                  for colour, ink, symbol, name in entries]
        self.legend.setProperty("keepsTogether", units)     # the layout-fit test checks each stays on one line
        self.legend.setText("&nbsp;&nbsp; ".join(legend))
        self.legend.setStyleSheet(f"font-size:{theme.small}px;")
        # style sheets are slow to apply: only here (language, theme), never per tap
        for key, chip in self.category_chips.items():
            cat = self.categories.get(key)
            colour = cat.colour if cat else "#b8c2cf"
            chip.setStyleSheet(f"QPushButton {{ border-left: 14px solid {colour}; text-align: left; padding: 0 14px 0 12px;"
                               f" font-size: {theme.small}px; }}")
        for chip in (self.all_chip, self.country_all, *self.country_chips.values()):
            chip.setStyleSheet(f"QPushButton {{ padding: 0 14px; font-size: {theme.small}px; }}")
        self._build_scene()
        self.apply()
        if self.selected_id is not None:      # the card and the steps in the new language
            self._show_card()

    # ---------------------------------------------------------------- filtering
    def _text_ids(self):
        return self.repo.search_exhibitors(self.text) if self.text.strip() else None

    def _filter(self) -> ExhibitorFilter:
        return ExhibitorFilter(categories=frozenset(self.chosen), country=self.country, text_ids=self._text_ids())

    def _result(self):
        return apply_filter(self._in_order(), self._filter())

    def _in_order(self) -> list:
        """The exhibitors by their names as shown in the kiosk's language (Korean in 가나다
        order, not by the English spelling; kiosk/models/collation.py says the rule)."""
        lang = self.ui.language
        if self._order_lang != lang:
            from kiosk.models.collation import by_shown_name
            self.exhibitors = by_shown_name(self.exhibitors, lang, lambda e: e.public_name.get(lang))
            self._order_lang = lang
        return self.exhibitors

    def apply(self) -> None:
        """Re-filter and update chips, count, list and map together."""
        lang = self.ui.language
        text_alone = self._text_ids()
        result = apply_filter(self._in_order(), ExhibitorFilter(categories=frozenset(self.chosen), country=self.country,
                                                               text_ids=text_alone))
        self.all_chip.set_label(QCoreApplication.translate("Exhibitors", "All"), str(sum(result.category_counts.values())))
        self.all_chip.setChecked(not self.chosen)
        for key, chip in self.category_chips.items():
            cat = self.categories.get(key)
            name = f"{cat.symbol} · {cat.name.get(lang)}" if cat else QCoreApplication.translate("Exhibitors", "Uncategorised")
            chip.set_label(name, str(result.category_counts.get(key, 0)))
            chip.setChecked(key in self.chosen)
        self.country_all.set_label(QCoreApplication.translate("Exhibitors", "All countries"))
        self.country_all.setChecked(self.country is None)
        for code, chip in self.country_chips.items():
            chip.set_label(phrases.country(code))
            chip.setChecked(code == self.country)
        self._order_countries()
        self.category_strip.fit_height()
        self.country_strip.fit_height()
        total = result.total  # lupdate only sees %n when n is a plain name
        self.count.setText(QCoreApplication.translate("Exhibitors", "%n exhibitor(s) match", "", total))
        self.count.setStyleSheet(f"font-size:{self.ui.theme.body}px; font-weight:700;")
        self.model.set_items(result.matching)
        active = self.active_filters()
        # the filters are blamed only when they are what empties the list: a search that matches
        # nothing by itself says so (it read "Nothing matches with the filters …" for "hyu")
        if active and (text_alone is None or text_alone):
            self.empty.setText(QCoreApplication.translate(
                "Exhibitors", "Nothing matches with the filters %1. Tap the filters line to clear them.").replace(
                    "%1", self._joined(active)))
        else:
            self.empty.setText(QCoreApplication.translate(
                "Exhibitors", "Nothing matches. Try fewer letters, another category, or All."))
        self.empty.setVisible(total == 0)
        # an empty list has nothing to show: its room goes to the words saying why (with the
        # keyboard up and larger text they were squeezed under it)
        # (toggled only when it changes: an explicit show while the screen is built lays the rows
        # out before the scroll bar takes its width, and they came out wider than the view)
        if self.list.isHidden() != (total == 0):
            self.list.setVisible(total > 0)
            self.list.scheduleDelayedItemsLayout()
        self.filters_button.set_label(QCoreApplication.translate("Exhibitors", "Filters: %1").replace(
            "%1", self._joined(active)), "✕")
        self.filters_button.setVisible(bool(active) and (self._compact or total == 0))
        self._apply_booth_states(result.matching)
        if self.selected_id and self.selected_id not in {e.id for e in result.matching}:
            self.select_exhibitor(None)

    def _order_countries(self) -> None:
        """The country chips: "All", the host country, then the others by their names as shown
        in the kiosk's language (이란, 말레이시아, 몽골 … in Korean; not by ISO code)."""
        lang = self.ui.language
        if getattr(self, "_countries_lang", None) == lang:
            return
        from kiosk.models.collation import name_sort_key
        self._countries_lang = lang
        codes = sorted(self.country_chips, key=lambda c: (c != "KR", name_sort_key(phrases.country(c), lang)))
        self.countries = codes
        self.country_strip.reorder([self.country_all, *(self.country_chips[c] for c in codes)])

    def _apply_booth_states(self, matching) -> None:
        visible = {b for e in matching for b in e.booths}
        selected = set(self.by_id[self.selected_id].booths) if self.selected_id in self.by_id else set()
        filtered = bool(self.chosen or self.country or self.text.strip())
        for booth_id, item in self.scene.booth_items.items():
            item.set_state(visible=(booth_id in visible) if filtered else True, selected=booth_id in selected)

    def active_filters(self) -> list[str]:
        """The chips' choices in the kiosk's language: categories, then the country."""
        lang = self.ui.language
        names = []
        for key in self.category_chips:
            if key in self.chosen:
                cat = self.categories.get(key)
                names.append(cat.name.get(lang) if cat else QCoreApplication.translate("Exhibitors", "Uncategorised"))
        if self.country:
            names.append(phrases.country(self.country))
        return names

    def _joined(self, names: list[str]) -> str:
        return ("、" if self.ui.language.startswith("zh") else ", ").join(names)

    def clear_filters(self) -> None:
        """Categories and country off (the search text stays: it is in sight)."""
        self.chosen, self.country = set(), None
        self.apply()

    def set_categories(self, keys: set[str]) -> None:
        self.chosen = set(keys)
        self.apply()
        first = next((chip for key, chip in self.category_chips.items() if key in self.chosen), self.all_chip)
        self.category_strip.reveal(first)
        self._fit_matches()

    def toggle_category(self, key: str) -> None:
        self.chosen ^= {key}
        self.apply()
        self._fit_matches()

    def set_country(self, code: str | None) -> None:
        self.country = code
        self.apply()
        self.country_strip.reveal(self.country_chips.get(code or "", self.country_all))
        self._fit_matches()

    def _fit_matches(self) -> None:
        """A chip whose matches lie outside the map's current view: show them all (the whole
        hall when the filters are cleared is the visitor's own "Whole hall" button)."""
        if not (self.chosen or self.country) or self.selected_id is not None:
            return
        floor = self.scene.floor_id
        rects = [self.booths[b].rect for e in self.model._rows for b in e.booths
                 if b in self.booths and getattr(self.booths[b], "floor_id", floor) == floor]
        if not rects:
            return
        x0, y0 = min(r.x for r in rects), min(r.y for r in rects)
        x1, y1 = max(r.right for r in rects), max(r.bottom for r in rects)
        area = Rect(x0, y0, x1 - x0, y1 - y0)
        seen = self.map.mapToScene(self.map.viewport().rect()).boundingRect()
        if not seen.contains(self.map._scene_rect(area, 0)):
            self.map.fit(area, margin_m=4)

    def set_search(self, text: str) -> None:
        if text == self.text:
            return
        self.text = text
        if self.search.text() != text:
            self.search.setText(text)
        self.apply()

    # ---------------------------------------------------------------- selection and route
    def select_booth(self, booth_id: str) -> None:
        occupant = self.occupants.get(booth_id)
        self.select_exhibitor(occupant.id if occupant else None)

    def select_exhibitor(self, exhibitor_id: str | None) -> None:
        self.selected_id = exhibitor_id if exhibitor_id in self.by_id else None
        self.route = None
        self.steps = []
        self._share_height()
        if self.selected_id is None:
            self.card.hide()
            self.scene.show_route(None)
            self._apply_booth_states(self.model._rows)
            self.list.viewport().update()
            return
        # a result picked with the on-screen keyboard up: the keyboard goes (it had squeezed the
        # map to a strip), the walk gets the room
        if self.search.hasFocus():
            self.search.clearFocus()
            from PySide6.QtGui import QGuiApplication

            QGuiApplication.inputMethod().hide()
        e = self.by_id[self.selected_id]
        routes = [(r, b) for r, b in ((self.venue.route_to(b), b) for b in e.booths) if r is not None]
        if routes:
            self.route, booth = min(routes, key=lambda rb: rb[0].distance_m)
            self.steps = self.venue.steps(self.route, booth)
        self._draw_route()
        self._show_card()
        self._apply_booth_states(self.model._rows)
        self.list.viewport().update()
        # after the card has taken its room: bring the row and the walk into view
        QTimer.singleShot(0, self._reveal_selection)

    def _show_card(self) -> None:
        e = self.by_id[self.selected_id]
        route_text = steps_text = ""
        if self.route is not None:
            route_text = phrases.walk(self.route.walking_m, self.route.minutes, self.route.changes)
            steps_text = steps_html(self.steps, self.venue, self.ui.language, colour=self.ui.theme.p.warning,
                                    size=self.ui.theme.small)
        elif e.booths and self.kiosk is not None:
            route_text = QCoreApplication.translate("Exhibitors", "Ask staff for the way")
        self.card.show_exhibitor(e, self.categories.get(e.category_id or ""), route_text, steps_text)

    def _reveal_selection(self) -> None:
        e = self.by_id.get(self.selected_id or "")
        if e is None:
            return
        row = self.model.row_of(e.id)
        if row >= 0:
            self.list.scrollTo(self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        xs, ys = [], []
        if self.route and self.kiosk is not None and self.kiosk["floor_id"] == self.scene.floor_id:
            # room under the dot for the "You are here" plate (drawn at a fixed size on screen)
            xs.append(self.kiosk["x"])
            ys.append(self.kiosk["y"] + 5)
        for b in e.booths:
            if b in self.booths:
                r = self.booths[b].rect
                xs += [r.x, r.right]
                ys += [r.y, r.bottom]
        for leg in self.route.legs if self.route else []:
            if leg.floor_id == self.scene.floor_id:
                xs += [p[0] for p in leg.points]
                ys += [p[1] for p in leg.points]
        if xs:
            self.map.fit(Rect(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys)), margin_m=5)

    def _draw_route(self) -> None:
        floor = self.scene.floor_id
        points = [p for leg in (self.route.legs if self.route else []) if leg.floor_id == floor for p in leg.points]
        self.scene.show_route(points or None, markers=step_markers(self.steps, floor))

    def set_compact(self, on: bool) -> None:
        """While the on-screen keyboard takes the bottom of the screen the chips step aside, so
        the search's results stay in sight above it."""
        self._compact = on
        self.category_strip.setVisible(not on)
        self.country_strip.setVisible(not on)
        self.filters_button.setVisible(bool(self.active_filters()) and (on or self.model.rowCount() == 0))

    def _list_to_top(self) -> None:
        """The list back at its first row (the next visitor found it mid-way, a row cut): a
        flick still coasting is stopped first, or it would carry the list down again."""
        from PySide6.QtWidgets import QScroller

        if QScroller.hasScroller(self.list.viewport()):
            QScroller.scroller(self.list.viewport()).stop()
        self.list.scrollToTop()

    def reset(self) -> None:
        """Idle: no search, no filters, no selection, the whole hall in view."""
        self.chosen, self.country = set(), None
        self.text = ""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.select_exhibitor(None)
        self.apply()
        self.category_strip.horizontalScrollBar().setValue(0)
        self.country_strip.horizontalScrollBar().setValue(0)
        self._list_to_top()
        self.map.reset_view()
