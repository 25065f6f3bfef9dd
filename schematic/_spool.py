"""Events that could not be sent before exit, kept on disk for the next process to send.

Opt-in with ``SchematicConfig(event_spool_dir=...)``. Each file holds encoded events, one
per line, without the API key; its name starts with a hash of the key, so a process only
sends events that were made with its own key. A process takes a file by renaming it to
``*.claimed-<pid>`` (atomic, so two processes never take the same file) and deletes it
once every event in it was sent, given up on, or spooled again. A claimed file whose
process has died is taken over, so a crash loses nothing either.

A file is read line by line: a line that is not a whole event (a file cut short, a
disk error, a hand edit) is never sent. Such lines are set aside in a ``.corrupt`` file
next to it, with one warning, and every intact event of the file is sent as usual.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
from pathlib import Path
from typing import Any

_SUFFIX = ".jsonl"
_CLAIMED = ".claimed-"
_CORRUPT = ".corrupt"
_TYPES = frozenset({"track", "identify", "flag_check"})
_encode = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


class Spool:
    """One directory of spooled events for one API key."""

    def __init__(
        self, directory: str | os.PathLike[str], api_key: str, logger: logging.Logger
    ) -> None:
        self.directory = Path(directory)
        self.prefix = "events-" + hashlib.sha256(api_key.encode()).hexdigest()[:12]
        self._log = logger
        self._names = itertools.count()
        self._written: set[str] = set()  # files this process left for later processes

    def __repr__(self) -> str:
        return f"Spool({str(self.directory)!r})"

    def save(self, events: list[str], *, reload: bool = False) -> bool:
        """Write ``events`` to a new file; False (and an error logged) if that failed.

        ``reload``: this process may read the file back itself (events that found no
        room in the queue); otherwise it is left for later processes.
        """
        if not events:
            return True
        name = f"{self.prefix}-{os.getpid()}-{next(self._names)}-{os.urandom(4).hex()}"
        temporary = self.directory / f".{name}.tmp"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w", encoding="utf-8") as out:
                out.write("\n".join(events) + "\n")
                out.flush()
                os.fsync(out.fileno())
            if not reload:
                self._written.add(name + _SUFFIX)
            os.replace(temporary, self.directory / (name + _SUFFIX))
        except (OSError, ValueError) as exc:  # ValueError: text that UTF-8 cannot hold
            self._log.error("could not spool %d events to %s: %s", len(events), self.directory, exc)
            return False
        self._log.warning("spooled %d unsent events to %s", len(events), self.directory)
        return True

    def pending(self) -> bool:
        """Whether there is a file this process could claim (a cheap directory listing)."""
        return any(True for _ in self._claimable())

    def claim(self) -> tuple[Path, list[str]] | None:
        """Take the oldest claimable file: its new path and its events; None if none is left."""
        for path in sorted(self._claimable()):
            stem = path.name.split(_CLAIMED)[0].removesuffix(_SUFFIX)
            claimed = path.with_name(f"{stem}{_SUFFIX}{_CLAIMED}{os.getpid()}")
            try:
                os.rename(path, claimed)
                data = claimed.read_bytes()
            except FileNotFoundError:
                continue  # another process took it first
            except OSError as exc:
                self._log.error("could not read spooled events %s: %s", path, exc)
                continue
            events, bad = _parse(data)
            if bad:
                self._set_aside(claimed, stem, bad, len(events))
            return claimed, events
        return None

    def _set_aside(self, claimed: Path, stem: str, bad: list[bytes], intact: int) -> None:
        """Keep the unreadable lines of a file apart from it, where nothing reads them."""
        aside = claimed.with_name(stem + _CORRUPT)
        try:
            descriptor = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as out:
                out.write(b"\n".join(bad) + b"\n")
        except OSError as exc:
            self._log.error("could not set aside unreadable spooled events: %s", exc)
            return
        self._log.warning(
            "%d unreadable lines of the spool file %s were set aside in %s; sending its "
            "%d intact events",
            len(bad),
            claimed.name,
            aside.name,
            intact,
        )

    def release(self, claimed: Path) -> None:
        """Delete a claimed file once all of its events are accounted for."""
        try:
            claimed.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            self._log.error("could not delete spooled events %s: %s", claimed, exc)

    def _claimable(self) -> list[Path]:
        try:
            entries = list(self.directory.iterdir())
        except OSError:
            return []
        found = []
        for path in entries:
            if not path.name.startswith(self.prefix) or path.name in self._written:
                continue
            if path.name.endswith(_SUFFIX) or (
                _CLAIMED in path.name and not _alive(path.name.rsplit(_CLAIMED, 1)[1])
            ):
                found.append(path)
        return found


def _alive(pid_text: str) -> bool:
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _parse(data: bytes) -> tuple[list[str], list[bytes]]:
    """The intact events of a spool file, re-encoded, and its lines that are not events."""
    events: list[str] = []
    bad: list[bytes] = []
    for line in data.split(b"\n"):
        if not line.strip():
            continue
        event = _event(line)
        if event is None:
            bad.append(line)
        else:
            events.append(event)
    return events, bad


def _event(line: bytes) -> str | None:
    """One line as the JSON of an event, or None if it is not one."""
    try:
        value: Any = json.loads(line.decode("utf-8"))
    except ValueError:  # not UTF-8, not JSON, or cut short
        return None
    if (
        not isinstance(value, dict)
        or value.get("type") not in _TYPES
        or not isinstance(value.get("body"), dict)
        or "api_key" in value
    ):
        return None
    text = _encode(value)  # compact, starting with '{"': the sender splices in the key
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate, escaped in the file
        return None
    return text
