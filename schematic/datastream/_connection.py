"""The WebSocket to DataStream, and the one thread that keeps it open.

The thread owns the socket: it connects, sends what callers queued, reads messages and
hands them to ``on_message``, pings every ``ping_interval`` seconds and drops a connection
that has been silent for ``pong_timeout`` seconds. Callers never touch the socket; ``send``
queues a frame and wakes the thread, so a check never blocks on the network.

A lost connection is reopened after the waits of the ``reconnect`` policy (``Retry``:
``min(2**(n-1) * min_delay, max_delay)`` seconds plus up to ``min_delay`` of jitter, for
attempt ``n`` counted from the last successful connect). When its retries are used up
(``max_reconnect_attempts`` failures in a row), or when the server refuses the API key (close
code 4001, or 401/403 at the handshake), the thread logs one error and stops for good.

Waits use ``Event.wait`` so that ``close`` is prompt. After a fork, the child forgets the
parent's socket and thread without closing the parent's connection, and starts its own on
first use.
"""

from __future__ import annotations

import contextlib
import json
import logging
import selectors
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from .._retry import Retry
from ..version import __version__

if TYPE_CHECKING:
    import websocket

DATASTREAM_PATH = "/datastream"
CLIENT_NAME = "schematic-python"
CLOSE_BAD_KEY = 4001
WEBSOCKET_EXTRA_HINT = (
    "use_datastream needs the websocket-client package: pip install 'schematichq[datastream]'"
)

IDLE = "idle"  # not started in this process
CONNECTING = "connecting"  # opening, or waiting to reopen
CONNECTED = "connected"
FAILED = "failed"  # gave up: bad key, or too many failed attempts
CLOSED = "closed"  # close() was called

_OPCODE_TEXT = 0x1
_OPCODE_CLOSE = 0x8


class BadKeyError(Exception):
    """The server refused the API key."""


@dataclass
class Timing:
    """The connection's intervals, in seconds."""

    ping_interval: float
    pong_timeout: float
    write_timeout: float
    handshake_timeout: float
    reconnect: Retry  # its retries: failed connects in a row before giving up (None: never)


def datastream_url(base_url: str) -> str:
    """The WebSocket address for an API base URL.

    ``https://api.schematichq.com`` gives ``wss://datastream.schematichq.com/datastream``:
    the scheme becomes ``wss`` (``ws`` for ``http``), a leading ``api`` label becomes
    ``datastream``, and the path becomes ``/datastream``. A ``ws://`` or ``wss://`` URL is
    used as it is. Raises ValueError for any other scheme.
    """
    if base_url.startswith(("ws://", "wss://")):
        return base_url
    parts = urlsplit(base_url)
    scheme = {"https": "wss", "http": "ws"}.get(parts.scheme)
    if scheme is None:
        raise ValueError(f"cannot derive a DataStream URL from {base_url!r}: use http(s)")
    host = parts.hostname or ""
    labels = host.split(".")
    if len(labels) >= 2 and labels[0] == "api":
        host = ".".join(["datastream", *labels[1:]])
    if ":" in host:  # an IPv6 address keeps its brackets
        host = f"[{host}]"
    netloc = host if parts.port is None else f"{host}:{parts.port}"
    return urlunsplit((scheme, netloc, DATASTREAM_PATH, "", ""))


def handshake_headers(api_key: str) -> list[str]:
    """The headers of the opening request: the key is sent as a header only."""
    return [
        f"X-Schematic-Api-Key: {api_key}",
        "X-Schematic-Datastream-Mode: direct",
        f"X-Schematic-Client: {CLIENT_NAME}",
        f"X-Schematic-Client-Version: {__version__ or 'unknown'}",
    ]


class Connection:
    """A DataStream WebSocket kept open by a daemon thread.

    Args:
        url: the ``ws://`` or ``wss://`` address.
        api_key: sent in the ``X-Schematic-Api-Key`` header.
        timing: keepalive, timeouts and backoff.
        on_open: called on the connection's thread once a connection is open.
        on_message: called on the connection's thread with each decoded JSON message.
        on_close: called on the connection's thread when a connection ends (``False``) and
            when the thread gives up for good (``True``).
    """

    def __init__(
        self,
        url: str,
        api_key: str,
        timing: Timing,
        *,
        on_open: Callable[[], None],
        on_message: Callable[[Any], None],
        on_close: Callable[[bool], None],
        logger: logging.Logger,
    ) -> None:
        self.url = url
        self._headers = handshake_headers(api_key)
        self.timing = timing
        self._on_open = on_open
        self._on_message = on_message
        self._on_close = on_close
        self._log = logger
        self.connects = 0  # connections opened, for stats and tests
        self._fresh()

    def _fresh(self) -> None:
        self.state = IDLE
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._outbox: deque[str] = deque()
        self._thread: threading.Thread | None = None
        self._ws: websocket.WebSocket | None = None
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)

    @property
    def connected(self) -> bool:
        return self.state == CONNECTED

    def start(self) -> None:
        """Start the thread, unless it runs already or the connection is over for good."""
        with self._lock:
            if self.state != IDLE:
                return
            self.state = CONNECTING
            self._thread = threading.Thread(
                target=self._run, name="schematic-datastream", daemon=True
            )
            self._thread.start()

    def send(self, message: Any) -> bool:
        """Queue a message for the open connection; False (nothing queued) when there is none."""
        if self.state != CONNECTED:
            return False
        text = json.dumps(message, separators=(",", ":"))
        with self._lock:
            self._outbox.append(text)
        self._wake()
        return True

    def close(self, timeout: float = 2.0) -> None:
        """Close the connection and stop the thread; idempotent."""
        with self._lock:
            was = self.state
            self.state = CLOSED
            thread = self._thread
        self._stop.set()
        self._wake()
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        if was != CLOSED:
            self._wake_r.close()
            self._wake_w.close()

    def forget_after_fork(self) -> None:
        """In a child process: drop the parent's thread and socket, start over on first use.

        The parent's socket is closed in this process only; no close frame goes out, so
        the parent's connection stays up.
        """
        ws, pair = self._ws, (self._wake_r, self._wake_w)
        closed = self.state == CLOSED
        self._fresh()
        if closed:
            self.state = CLOSED
        for sock in (ws.sock if ws is not None else None, *pair):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()

    def _wake(self) -> None:
        # Full (the thread drains it anyway) or closed: either way nothing to do.
        with contextlib.suppress(OSError):
            self._wake_w.send(b"\0")

    # -- the connection's thread ------------------------------------------------------------
    def _run(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            if attempt:
                delay = self.timing.reconnect.next(attempt)
                if delay is None:
                    self._give_up("DataStream: max reconnection attempts reached")
                    return
                if self._stop.wait(delay):
                    return
            try:
                ws = self._open()
            except BadKeyError as exc:
                self._give_up_bad_key(str(exc))
                return
            except Exception as exc:
                attempt += 1
                self._log.warning("DataStream connection failed (attempt %d): %s", attempt, exc)
                continue
            code = self._serve(ws)
            if code == CLOSE_BAD_KEY:
                self._give_up_bad_key(f"close code {CLOSE_BAD_KEY}")
                return
            attempt = 1  # the first reconnection waits too, so a flapping server is not hammered

    def _open(self) -> websocket.WebSocket:
        import websocket

        ws = websocket.WebSocket(enable_multithread=False)
        try:
            ws.connect(  # type: ignore[no-untyped-call]
                self.url,
                header=self._headers,
                timeout=self.timing.handshake_timeout,
                suppress_origin=True,
                redirect_limit=0,  # a redirect would carry the API key to another address
            )
        except websocket.WebSocketBadStatusException as exc:
            if exc.status_code in (401, 403):
                raise BadKeyError(f"status {exc.status_code} at the handshake") from exc
            raise
        ws.settimeout(self.timing.write_timeout)
        return ws

    def _serve(self, ws: websocket.WebSocket) -> int | None:
        """Run one open connection until it ends; returns the close code the server sent."""
        with self._lock:
            if self.state == CLOSED:
                ws.shutdown()  # type: ignore[no-untyped-call]
                return None
            self._outbox.clear()
            self._ws = ws
            self.state = CONNECTED
            self.connects += 1
        self._log.info("DataStream connected to %s", self.url)
        code: int | None = None
        try:
            self._on_open()
            code = self._pump(ws)
        except Exception as exc:
            self._log.info("DataStream connection lost: %s", exc)
        finally:
            with self._lock:
                if self.state == CONNECTED:
                    self.state = CONNECTING
                self._ws = None
            self._end(ws, graceful=self._stop.is_set())
            self._on_close(False)
        return code

    def _pump(self, ws: websocket.WebSocket) -> int | None:
        """Send, receive and ping until the connection ends; the server's close code, if any."""
        assert ws.sock is not None
        selector = selectors.DefaultSelector()
        selector.register(ws.sock, selectors.EVENT_READ)
        selector.register(self._wake_r, selectors.EVENT_READ)
        timing = self.timing
        heard = next_ping = time.monotonic()
        next_ping += timing.ping_interval
        try:
            while not self._stop.is_set():
                self._flush(ws)
                now = time.monotonic()
                if now - heard >= timing.pong_timeout:
                    self._log.warning(
                        "DataStream: nothing heard for %.0fs; reconnecting", now - heard
                    )
                    return None
                if now >= next_ping:
                    ws.ping()
                    next_ping = now + timing.ping_interval
                if _pending(ws) or self._readable(
                    selector, min(next_ping, heard + timing.pong_timeout) - now, ws
                ):
                    opcode, frame = ws.recv_data_frame(True)
                    heard = time.monotonic()
                    if opcode == _OPCODE_CLOSE:
                        return _close_code(frame.data)
                    if opcode == _OPCODE_TEXT:
                        self._deliver(frame.data)
            return None
        finally:
            selector.close()

    def _readable(self, selector: selectors.BaseSelector, wait: float, ws: Any) -> bool:
        """Wait for the socket or a wake-up; True when the socket has data."""
        readable = False
        for key, _ in selector.select(max(0.0, wait)):
            if key.fileobj is self._wake_r:
                with contextlib.suppress(OSError):  # drained: it would block
                    while self._wake_r.recv(512):
                        pass
            elif key.fileobj is ws.sock:
                readable = True
        return readable

    def _flush(self, ws: websocket.WebSocket) -> None:
        while True:
            with self._lock:
                if not self._outbox:
                    return
                text = self._outbox.popleft()
            ws.send(text)

    def _deliver(self, data: bytes | str) -> None:
        try:
            message = json.loads(data)
        except ValueError as exc:
            self._log.warning("DataStream sent a message that is not JSON: %s", exc)
            return
        try:
            self._on_message(message)
        except Exception:
            self._log.exception("DataStream: failed to apply a message")

    def _end(self, ws: websocket.WebSocket, graceful: bool) -> None:
        if graceful:
            with contextlib.suppress(Exception):  # the socket may be gone already
                ws.send_close()
        ws.shutdown()  # type: ignore[no-untyped-call]

    def _give_up(self, message: str) -> None:
        with self._lock:
            if self.state == CLOSED:
                return
            self.state = FAILED
        self._log.error("%s; flag checks will ask the API from now on", message)
        self._on_close(True)

    def _give_up_bad_key(self, how: str) -> None:
        self._give_up(
            f"DataStream refused the API key ({how}): check SCHEMATIC_API_KEY or the api_key "
            "passed to Schematic()"
        )


def _pending(ws: Any) -> bool:
    """Whether TLS has already decrypted bytes that select() cannot see."""
    pending = getattr(ws.sock, "pending", None)
    return bool(pending is not None and pending())


def _close_code(data: bytes) -> int | None:
    return int.from_bytes(data[:2], "big") if len(data) >= 2 else None
