"""Events that could not be sent before exit, kept on disk for the next process to send.

Opt-in with ``SchematicConfig(event_spool_dir=...)``. Each file holds encoded events, one
per line, without the API key; its name starts with a hash of the key, so a process only
sends events that were made with its own key. A process takes a file by renaming it to
``*.claimed-<pid>`` (atomic, so two processes never take the same file) and deletes it
once every event in it was sent, given up on, or spooled again. A claimed file whose
process has died is taken over, so a crash loses nothing either.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
from pathlib import Path

_SUFFIX = ".jsonl"
_CLAIMED = ".claimed-"


class Spool:
    """One directory of spooled events for one API key."""

    def __init__(
        self, directory: str | os.PathLike[str], api_key: str, logger: logging.Logger
    ) -> None:
        self.directory = Path(directory)
        self.prefix = "events-" + hashlib.sha256(api_key.encode()).hexdigest()[:12]
        self._log = logger
        self._names = itertools.count()
        self._written: set[str] = set()  # files this process wrote: for later processes

    def __repr__(self) -> str:
        return f"Spool({str(self.directory)!r})"

    def save(self, events: list[str]) -> bool:
        """Write ``events`` to a new file; False (and an error logged) if that failed."""
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
            os.replace(temporary, self.directory / (name + _SUFFIX))
            self._written.add(name + _SUFFIX)
        except OSError as exc:
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
                text = claimed.read_text(encoding="utf-8")
            except FileNotFoundError:
                continue  # another process took it first
            except OSError as exc:
                self._log.error("could not read spooled events %s: %s", path, exc)
                continue
            return claimed, [line for line in text.split("\n") if line]
        return None

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
