"""This device's name in check-ins, edits and sync: one default for the kiosk, the CLI and sync."""

from __future__ import annotations

import os


def default_device_id() -> str:
    """The host name (``--device-id`` / ``--device`` override it)."""
    try:
        name = os.uname().nodename
    except AttributeError:   # not a POSIX system
        name = ""
    if not name:
        import socket

        name = socket.gethostname()
    return name
