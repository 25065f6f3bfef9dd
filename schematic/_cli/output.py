"""Everything the CLI writes: aligned tables and lines for people, JSON for machines.

All of it passes through ``Output.scrub``, which blanks out the secrets the command was
given (the API key, a webhook secret), so no message can echo one by accident.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

from ..models._base import to_jsonable

REDACTED = "[redacted]"
MIN_SECRET_LENGTH = 4  # shorter strings would blank out ordinary words


class Output:
    """Writes to stdout and stderr as they are when each line is written.

    Args:
        as_json: machine mode: ``result`` writes one JSON document and ``human`` nothing.
    """

    def __init__(self, *, as_json: bool = False) -> None:
        self.as_json = as_json
        self._secrets: list[str] = []

    def add_secret(self, secret: str) -> None:
        if len(secret) >= MIN_SECRET_LENGTH and secret not in self._secrets:
            self._secrets.append(secret)

    def scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    # -- stdout -----------------------------------------------------------------------------
    def document(self, value: Any) -> None:
        """One JSON document on a line of its own: models, datetimes and all."""
        self.write(json.dumps(to_jsonable(value), ensure_ascii=False, separators=(",", ":")))

    def line(self, text: str = "") -> None:
        self.write(text)

    def write(self, text: str) -> None:
        sys.stdout.write(self.scrub(text) + "\n")

    def flush(self) -> None:
        sys.stdout.flush()

    def write_bytes(self, data: bytes) -> None:
        """Raw bytes (a file the API returned), passed through unchanged."""
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            sys.stdout.write(data.decode("utf-8", "replace"))

    def table(self, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Columns padded to their widest cell; the last one is left ragged."""
        cells = [list(header)] + [[cell(value) for value in row] for row in rows]
        widths = [max(len(row[i]) for row in cells) for i in range(len(header) - 1)]
        for row in cells:
            padded = [text.ljust(width) for text, width in zip(row, widths, strict=False)]
            self.write("  ".join([*padded, row[-1]]).rstrip())

    def fields(self, pairs: Sequence[tuple[str, Any]]) -> None:
        """``name  value`` lines, the values aligned."""
        width = max((len(name) for name, _ in pairs), default=0)
        for name, value in pairs:
            self.write(f"{name.ljust(width)}  {cell(value)}".rstrip())

    # -- stderr -----------------------------------------------------------------------------
    def error(self, message: str) -> None:
        sys.stderr.write(self.scrub(f"schematic: error: {message}") + "\n")

    def note(self, message: str) -> None:
        sys.stderr.write(self.scrub(f"schematic: {message}") + "\n")

    def progress(self, noun: str) -> Progress:
        return Progress(sys.stderr, noun)


class Progress:
    """``\\r<count> <noun>...`` on a terminal's stderr; nothing at all anywhere else.

    Pipes, files and captured output stay clean, so scripts and tests never see it.
    """

    EVERY = 10  # items between redraws: often enough to look alive, rarely enough to be cheap

    def __init__(self, stream: TextIO, noun: str) -> None:
        self._stream = stream
        self._noun = noun
        self._text = ""
        isatty = getattr(stream, "isatty", None)
        self.enabled = bool(isatty is not None and isatty())

    def update(self, count: int) -> None:
        if self.enabled and (count == 1 or count % self.EVERY == 0):
            self._text = f"{count} {self._noun}..."
            self._stream.write("\r" + self._text)
            self._stream.flush()

    def done(self) -> None:
        """Erase the counter, so that what follows starts on a clean line."""
        if self._text:
            self._stream.write("\r" + " " * len(self._text) + "\r")
            self._stream.flush()


class ScrubbingFormatter(logging.Formatter):
    """Formats SDK log records for stderr (``--verbose``) with secrets blanked out."""

    def __init__(self, out: Output, fmt: str) -> None:
        super().__init__(fmt)
        self._out = out

    def format(self, record: logging.LogRecord) -> str:
        return self._out.scrub(super().format(record))


def cell(value: Any) -> str:
    """A value as people read it: true/false, ``-`` for nothing, compact JSON for the rest."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return json.dumps(to_jsonable(value), ensure_ascii=False, separators=(",", ":"))


def pairs_text(values: dict[str, Any] | None) -> str:
    """``k=v, k=v`` with values written as on the command line (JSON unless a plain string)."""
    if not values:
        return "-"
    return ", ".join(f"{k}={v if isinstance(v, str) else cell(v)}" for k, v in values.items())
