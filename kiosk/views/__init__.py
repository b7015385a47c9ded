"""Qt widgets and item models over the domain in :mod:`kiosk.models`."""
