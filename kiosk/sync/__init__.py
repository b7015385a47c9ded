"""Many kiosks and laptops in step, with or without the network — and only the event's own devices.

SQLite stays the store every screen reads. Each enrolled device appends its scans, undos, schedule
edits, meetings and badge changes to its own signed, hash-chained log (``log.py``); every device
keeps every log, checks each entry before it touches a row (``kinds.py``) and derives the same
state from the valid ones (``engine.py``). Logs travel over mutual TLS (``net.py``) or in signed
files on a USB stick. Who may write is decided by the event's authority (``identity.py``).
See docs/SECURITY.md.
"""
