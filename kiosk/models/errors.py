"""One error type with stable codes, so every layer can tell a person what to do."""

from __future__ import annotations


class KioskError(Exception):
    """A failure the kiosk explains to a person instead of crashing.

    ``code`` is stable (tests and logs match on it); ``message`` says what is wrong and
    ``hint`` what to do about it.
    """

    def __init__(self, message: str, *, code: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message
