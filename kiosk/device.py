"""This device's name in check-ins, edits and sync: one default for the kiosk, the CLI and sync."""

from __future__ import annotations

import os
import socket


def default_device_id() -> str:
    """The host name (``--device-id`` / ``--device`` override it)."""
    try:
        return os.uname().nodename or socket.gethostname()
    except AttributeError:   # not a POSIX system
        return socket.gethostname()
