"""What every command shares: exit codes, the errors that end a command, and its context."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .._validation import api_key as check_api_key
from ..errors import ApiConnectionError, ApiError, ApiTimeoutError
from .output import Output, ScrubbingFormatter

if TYPE_CHECKING:
    from ..client import Schematic

EXIT_OK = 0
EXIT_FAILURE = 1  # the API refused, failed or could not be reached; events were not
# delivered; a check failed
EXIT_USAGE = 2  # what argparse uses for a bad command line
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it

STATUS_EXITS: dict[int, int] = {401: EXIT_AUTH, 403: EXIT_AUTH, 404: EXIT_NOT_FOUND}

DEFAULT_TIMEOUT = 30.0
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def exit_code_for(error: ApiError) -> int:
    """The exit code for a failed API call: 3 refused key, 4 not found, else 1."""
    return STATUS_EXITS.get(error.status_code or 0, EXIT_FAILURE)


class UsageError(Exception):
    """The command line asks for something impossible; exit 2 with the command's usage."""


class CommandError(Exception):
    """The command ran but did not succeed; ``code`` is its exit code."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


class Context:
    """One run of a command: its arguments, where output goes, and the client it uses.

    The client is built on first use, so commands that never call the API (``webhooks``,
    ``fake-server``) need no API key; ``close`` shuts it down.
    """

    def __init__(self, args: argparse.Namespace, out: Output) -> None:
        self.args = args
        self.out = out
        self.event_error: ApiError | None = None
        self._client: Schematic | None = None

    def client(self) -> Schematic:
        if self._client is None:
            self._client = self._build_client()
        return self._client

    def _build_client(self) -> Schematic:
        from ..client import Schematic, SchematicConfig

        api_key = self.args.api_key or os.environ.get("SCHEMATIC_API_KEY")
        if not api_key:
            raise UsageError("no API key: set SCHEMATIC_API_KEY or pass --api-key")
        self.out.add_secret(api_key)
        source = "--api-key" if self.args.api_key else "SCHEMATIC_API_KEY"
        try:
            check_api_key(api_key)  # its messages never show the key
        except ValueError as exc:
            raise UsageError(f"{source} {str(exc).removeprefix('api_key ')}") from None
        config = SchematicConfig(
            base_url=self.args.base_url,
            event_capture_url=self.event_url(),
            timeout=self.args.timeout,
            cache_providers=[],  # one process, one question: a cache only hides the API
            stale_if_error=False,
            strict=True,  # a bad track/identify argument is a usage error, not a log line
            on_error=self._events_failed,
            logger=self._logger(),
        )
        try:
            return Schematic(api_key, config)
        except ValueError as exc:  # a URL from the environment, named in the message
            raise UsageError(str(exc)) from None

    def api_url(self) -> str:
        """The API's address, as the client resolves it."""
        from .._config import DEFAULT_BASE_URL

        given = self.args.base_url or os.environ.get("SCHEMATIC_BASE_URL", "").strip()
        return str(given or DEFAULT_BASE_URL)

    def unreachable(self, error: ApiConnectionError) -> str:
        """One line for a call that got no answer at all: where it went, and why.

        ``cannot reach http://127.0.0.1:1234: connection refused (127.0.0.1:1234)``: the
        address the failed request went to (the API's or the event service's, else the
        API's), then the transport's own few words on why.
        """
        where = _origin(getattr(getattr(error.__cause__, "request", None), "url", None))
        where = where or self.api_url().rstrip("/")
        reason = str(error)
        for prefix in ("connection failed: ", "timed out: "):
            reason = reason.removeprefix(prefix)
        if isinstance(error, ApiTimeoutError):
            return f"timed out waiting for {where}: {reason}"
        return f"cannot reach {where}: {reason}"

    def event_url(self) -> str | None:
        """Where events go; None leaves it to the client (Schematic's event service).

        --event-url or SCHEMATIC_EVENT_CAPTURE_URL when given. Otherwise, when the API is on
        this machine (``schematic fake-server`` serves both), the API's own URL, so that
        local testing never sends events to the real service.
        """
        explicit = self.args.event_url or os.environ.get("SCHEMATIC_EVENT_CAPTURE_URL")
        if explicit:
            return str(explicit)
        base = self.args.base_url or os.environ.get("SCHEMATIC_BASE_URL")
        if base and _hostname(base) in LOOPBACK_HOSTS:
            return str(base)
        return None

    def _logger(self) -> logging.Logger:
        """A logger of the CLI's own (not in logging's tree): silent unless --verbose."""
        logger = logging.Logger("schematic.cli")
        if self.args.verbose:
            handler: logging.Handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(ScrubbingFormatter(self.out, "schematic: %(message)s"))
            logger.setLevel(logging.DEBUG if self.args.verbose > 1 else logging.INFO)
        else:
            handler = logging.NullHandler()
            logger.setLevel(logging.CRITICAL + 1)  # not even built: nobody would read them
        logger.addHandler(handler)
        return logger

    def _events_failed(self, error: BaseException, events: list[str]) -> None:
        # Runs on the client's worker thread, before the flush waiting on these events ends.
        if self.event_error is None and isinstance(error, ApiError):
            self.event_error = error

    def close(self) -> None:
        if self._client is not None:
            # Commands that send events flush them first; nothing is left worth waiting for.
            self._client.shutdown(timeout=0)


def _hostname(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:  # not a URL: the client says so, naming where it came from
        return None


def _origin(url: object) -> str | None:
    """``scheme://host[:port]`` of a URL, or None when ``url`` is not one."""
    if not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None
