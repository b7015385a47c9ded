#!/usr/bin/env bash
# Re-render the README's screens (docs/screens/) with the app itself: --screenshot offscreen,
# landscape and portrait, in English, Korean and Traditional Chinese. The live-change and desk
# screens use a throw-away copy of the database edited with `main.py edit`; the check-in desk
# uses scripts/render_checkin_screen.py (throw-away badges); the matchmaking screens have their
# own script (scripts/render_matchmaking_screens.py).
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
PY=${PY:-.venv/bin/python}
OUT=docs/screens
DB=data/innofair2023.db
[ -f "$DB" ] || "$PY" main.py init-db "$DB"
shot() { "$PY" main.py "$@" 2>&1 | grep -v "propagateSizeHints\|qt.multimedia" || true; }

shot --view home --lang en --now 2023-06-14T16:30 --screenshot $OUT/home-en-1920x1080.png
shot --view agenda --lang ko --now 2023-06-14T16:30 --screenshot $OUT/agenda-ko-1920x1080.png
shot --session d1-roundtable --lang zh-Hant --now 2023-06-14T16:30 --screenshot $OUT/detail-zh-Hant-1920x1080.png
shot --view home --lang en --accessible --now 2023-06-14T16:30 --screenshot $OUT/home-accessible-1920x1080.png
shot --view exhibitors --lang en --exhibitor twistcode --kiosk-id K1 --now 2023-06-14T16:30 \
     --screenshot $OUT/exhibitors-en-1920x1080.png
shot --view exhibitors --lang ko --category food --category cosmetics --now 2023-06-14T16:30 \
     --screenshot $OUT/exhibitors-ko-1920x1080.png
shot --view home --lang zh-Hant --now 2023-06-15T10:45 --size 1080x1920 --screenshot $OUT/home-zh-Hant-1080x1920.png
shot --view agenda --lang en --now 2023-06-15T13:20 --size 1080x1920 --screenshot $OUT/agenda-en-1080x1920.png
shot --view exhibitors --lang zh-Hant --search 蒙古 --now 2023-06-15T13:20 --size 1080x1920 \
     --screenshot $OUT/exhibitors-zh-Hant-1080x1920.png

# live changes: a copy of the database, edited the way a volunteer would
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$DB" "$TMP/event.db"
edit() { "$PY" main.py edit --db "$TMP/event.db" "$@" >/dev/null; }
edit d1-masterclass2 --room 204 --start 17:30 --notice preset:late10 --by Mina --now 2023-06-14T16:10
edit d1-reception --cancel --by Joon --reason "Moved to the gala" --now 2023-06-14T16:20
edit d1-roundtable --notice preset:full --by Mina --now 2023-06-14T16:25
edit d2-forum2 --end 13:30 --by Joon --now 2023-06-14T16:28
shot --db "$TMP/event.db" --view agenda --lang zh-Hant --now 2023-06-14T16:30 --screenshot $OUT/agenda-live-zh-Hant-1920x1080.png
shot --db "$TMP/event.db" --view changes --lang ko --now 2023-06-14T16:30 --screenshot $OUT/changes-ko-1920x1080.png
shot --db "$TMP/event.db" --view changes --lang zh-Hant --accessible --now 2023-06-14T16:30 --size 1080x1920 \
     --screenshot $OUT/changes-zh-Hant-accessible-1080x1920.png
# a session that has ended: no walk, no calendar code
shot --session d1-keynote --lang en --now 2023-06-14T16:30 --screenshot $OUT/detail-ended-en-1920x1080.png
shot --db "$TMP/event.db" --view editor --session d1-masterclass2 --lang en --now 2023-06-14T16:30 \
     --screenshot $OUT/editor-en-1920x1080.png
# portrait and larger text, for the layout work (issue 12)
shot --view home --lang ko --accessible --now 2023-06-14T16:30 --size 1080x1920 --screenshot $OUT/home-ko-accessible-1080x1920.png
shot --session d2-forum1 --lang ko --accessible --now 2023-06-14T16:30 --size 1080x1920 --screenshot $OUT/detail-ko-accessible-1080x1920.png
shot --db "$TMP/event.db" --view editor --session d1-masterclass2 --lang zh-Hant --now 2023-06-14T16:30 --size 1080x1920 \
     --screenshot $OUT/editor-zh-Hant-1080x1920.png

for case in "en ok" "ko already" "zh-Hant forged"; do
  set -- $case
  "$PY" scripts/render_checkin_screen.py "$1" "$2" "$OUT/checkin-$1-1920x1080.png" 2>&1 | grep -v "propagateSizeHints\|qt.multimedia" || true
done
echo "rendered into $OUT"
