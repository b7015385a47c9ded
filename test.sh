#!/usr/bin/env bash
# Set up this machine if needed, then run the whole test suite (offscreen; no screen needed).
# Any options go to pytest, e.g.  ./test.sh -k agenda
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh --test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
