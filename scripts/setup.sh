#!/usr/bin/env bash
# Set up this machine for the kiosk: Debian packages (Qt's libraries, CJK fonts, Xvfb), a
# Python virtual environment with the dependencies, and the bundled event database.
# Safe to run again: it only installs what is missing.
#   scripts/setup.sh          the kiosk
#   scripts/setup.sh --test   the kiosk and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

APT_PACKAGES=(
  python3 python3-venv python3-pip
  # Qt's runtime libraries (offscreen and X11)
  libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libglib2.0-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xkb1 libx11-xcb1
  # a virtual screen when the machine has none
  xvfb xauth
  # real taps and typing sent through the X server in the tests (issue 12's crash sequence)
  xdotool
  # fonts: without a CJK font every Hangul and Hanzi is a box
  fonts-noto-cjk fonts-dejavu-core
  # sound for QtMultimedia
  libpulse0
)

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing Debian packages: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
else
  echo "==> Not a Debian machine: install Qt's libraries, fonts-noto-cjk and Xvfb yourself." >&2
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "==> Creating the virtual environment .venv"
  "$PY" -m venv .venv
fi
extras=""
[ $want_test = 1 ] && extras="[test]"
stamp=".venv/.installed${extras}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> Installing Python packages${extras:+ (with test tools)}"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  touch "$stamp"
fi
# The kiosk's own bytecode, written now rather than on its first start (a read-only install, or
# PYTHONDONTWRITEBYTECODE, would otherwise compile it at every start: ~25 ms of CPU). Quiet and
# quick when nothing changed; a failure here costs only speed.
.venv/bin/python -m compileall -q kiosk main.py >/dev/null || true

db=data/innofair2023.db
if [ ! -f "$db" ]; then
  echo "==> Building the event database $db from data/"
  .venv/bin/python main.py init-db "$db"
else
  # a database built before matchmaking existed migrates to empty meeting tables: fill them from
  # data/ (only when empty; check-ins and live changes stay). Quiet when there is nothing to do.
  if ! seeded=$(.venv/bin/python main.py seed-meetings --db "$db" 2>&1); then
    echo "==> Warning: could not add the matchmaking data to $db:"; echo "$seeded"
  elif [ -n "$seeded" ] && ! echo "$seeded" | grep -q "already holds\|nothing changed"; then
    echo "==> $seeded"
  fi
  if [ -n "$(find data -name '*.toml' -newer "$db" -print -quit)" ]; then
    echo "==> Note: data/ changed after $db was built. To rebuild it (this drops live room changes"
    echo "    and check-ins): .venv/bin/python main.py init-db $db --force"
  fi
fi
