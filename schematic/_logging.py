"""What the ``schematic`` logger shows when the application configured no logging.

A library normally stays silent until the application configures logging. That leaves a
developer running ``manage.py runserver`` or a script with no word of an unreachable API:
every flag check quietly answers its default. ``FirstOfEachKind`` sits on the ``schematic``
logger in place of a ``NullHandler``: while no other handler would receive the SDK's
records, it writes the first warning or error of each kind (the message's template) to
standard error, once per process, saying how to see the rest. As soon as logging is
configured anywhere on the way up (``logging.basicConfig()``, Django's ``LOGGING`` with a
root handler, pytest's capture), it writes nothing and that configuration decides.
"""

from __future__ import annotations

import logging
import sys
import threading

MAX_KINDS = 100  # kinds remembered; past them, nothing more is shown
HINT = "(shown once; configure logging, e.g. logging.basicConfig(), to see every message)"


class FirstOfEachKind(logging.Handler):
    """Writes the first WARNING or worse of each kind to stderr while logging is unconfigured."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self._shown: set[tuple[int, str]] = set()
        self._lock_shown = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if _configured(logging.getLogger(record.name)):
                return
            kind = (record.levelno, str(record.msg))
            with self._lock_shown:
                if kind in self._shown or len(self._shown) >= MAX_KINDS:
                    return
                self._shown.add(kind)
            stream = sys.stderr
            if stream is not None:
                stream.write(f"schematic {record.levelname}: {record.getMessage()} {HINT}\n")
                stream.flush()
        except Exception:  # logging must never break the caller
            self.handleError(record)


def _configured(logger: logging.Logger) -> bool:
    """Whether a handler other than ours (or a ``NullHandler``) would receive the record."""
    current: logging.Logger | None = logger
    while current is not None:
        for handler in current.handlers:
            if not isinstance(handler, (FirstOfEachKind, logging.NullHandler)):
                return True
        if not current.propagate:
            return False
        current = current.parent
    return False


def install() -> None:
    """Put ``FirstOfEachKind`` on the ``schematic`` logger, once."""
    shared = logging.getLogger("schematic")
    if not any(isinstance(h, FirstOfEachKind) for h in shared.handlers):
        shared.addHandler(FirstOfEachKind())
