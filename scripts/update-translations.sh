#!/usr/bin/env bash
# Collect every translatable string in kiosk/ into the .ts catalogues (Korean, Traditional
# Chinese). Translate them in Qt Linguist (pyside6-linguist kiosk/i18n/kiosk_ko.ts); the kiosk
# compiles them to .qm itself on its next start.
set -euo pipefail
cd "$(dirname "$0")/.."
LUPDATE=${LUPDATE:-$( [ -x .venv/bin/pyside6-lupdate ] && echo .venv/bin/pyside6-lupdate || echo pyside6-lupdate )}
files=$(find kiosk main.py -name '*.py' | sort)
"$LUPDATE" -no-obsolete $files -ts kiosk/i18n/kiosk_ko.ts -target-language ko_KR
"$LUPDATE" -no-obsolete $files -ts kiosk/i18n/kiosk_zh_Hant.ts -target-language zh_TW
