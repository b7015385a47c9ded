"""Touchscreen kiosk for convention-centre floors (SCIENCEPARK INNOFAIR 2023 first)."""

__version__ = "0.1.0"
