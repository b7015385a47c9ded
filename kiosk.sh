#!/usr/bin/env bash
# Set up this machine if needed, then launch the kiosk on the bundled InnoFair 2023 event.
# Any options go to the kiosk, e.g.  ./kiosk.sh --windowed --now 2023-06-15T10:45 --lang ko
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "==> No screen on this machine: running the kiosk on a virtual 1920x1080 screen (Xvfb)."
  exec xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python main.py "$@"
fi
exec .venv/bin/python main.py "$@"
