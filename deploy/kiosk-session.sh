#!/usr/bin/env bash
# Start a bare kiosk session on a dedicated machine: no desktop, no panel, no file manager.
# `cage` is a Wayland compositor that shows exactly one full-screen application
# (Debian: apt install cage). Run from the kiosk user's autologin (getty override):
#     /home/kiosk/innofair-kiosk/deploy/kiosk-session.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=wayland
exec cage -d -- systemd-run --user --scope --unit=innofair-kiosk-session \
    .venv/bin/python main.py --kiosk-id "${KIOSK_ID:-K1}" --device-id "${DEVICE_ID:-$(hostname)}"
