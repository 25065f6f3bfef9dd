"""A DataStream server on 127.0.0.1 for tests, and a probe that sees what a client applied.

``FakeDataStream`` speaks the protocol over a real WebSocket (the ``websockets`` package's
threaded server): it answers ``rulesengine.Flags`` with the bulk message, answers a company
or user request with its ``full`` message (or an ``error``), and lets a test push any
message, close connections with a code, drop them without a close frame, or refuse them.

``Probe`` wraps a client connection's callbacks so that a test can wait, without sleeping,
until the client has opened, applied a message or lost its connection. The helpers below
it build the tests' flag and tell a local answer from the API's.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import re
import socket
import threading
from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from rules_engine_builders import condition, flag, rule
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from schematic.client import Schematic

KINDS = {"rulesengine.Company": "company", "rulesengine.User": "user"}
WAIT = 10.0


COMPANY = "rulesengine.Company"
ACME = {"id": "acme"}
FAST = {"reconnect_min_delay": 0.005, "reconnect_max_delay": 0.02, "resource_timeout": 5.0}


def ready(client: Schematic) -> Probe:
    """Open the client's stream and wait for its flags."""
    probe = Probe(client)
    client.initialize()
    probe.ready()
    return probe


def metered_flag(limit: int = 10) -> dict[str, Any]:
    """On while the company's all-time ``api`` usage is below ``limit``."""
    under = condition("metric", "lt", event_subtype="api", metric_value=limit)
    return flag(rule("plan_entitlement", under, id="r_api", name="API quota"), key="api")


def was_local(result: Any) -> bool:
    """Whether the engine gave the answer (the fake API words its reasons differently)."""
    pattern = r'Matched .* rule ".*" \(.*\)|No rules matched.*'
    return re.fullmatch(pattern, result.reason) is not None


class FakeDataStream:
    """A scripted DataStream server; ``url`` is its ``ws://`` address."""

    def __init__(self, api_key: str = "sch_test_key") -> None:
        self.api_key = api_key
        self.flags: list[dict[str, Any]] = []
        self.entities: dict[str, dict[str, dict[str, Any]]] = {"company": {}, "user": {}}
        self.received: list[dict[str, Any]] = []
        self.handshakes: list[dict[str, str]] = []
        self.answer = True  # answer company and user requests
        self.answer_flags = True  # answer the bulk flags request
        self.refuse = False  # close every new connection with 4001
        self.reject_status: int | None = None  # answer the handshake with this status
        self._cond = threading.Condition()
        self._live: list[ServerConnection] = []
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> FakeDataStream:
        self._server = serve(
            self._handle,
            "127.0.0.1",
            0,
            compression=None,
            ping_interval=None,
            close_timeout=1,
            process_request=self._screen,
        )
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None and self._thread is not None
        self._server.shutdown()
        self._thread.join(5)

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"ws://127.0.0.1:{self._server.socket.getsockname()[1]}/datastream"

    # -- scripting --------------------------------------------------------------------------
    def add(self, kind: str, entity: dict[str, Any]) -> None:
        """Know an entity, to answer requests for it."""
        with self._cond:
            self.entities[kind][entity["id"]] = entity

    def push(self, message: dict[str, Any]) -> None:
        """Send a message on every open connection."""
        for connection in self.live():
            # A connection that is closing raises; its handler is about to forget it.
            with contextlib.suppress(ConnectionClosed):
                connection.send(json.dumps(message))

    def close_all(self, code: int = 1000, reason: str = "") -> None:
        for connection in self.live():
            connection.close(code, reason)

    def drop_all(self) -> None:
        """End every connection abruptly: no close frame, as when a network path dies."""
        for connection in self.live():
            connection.socket.shutdown(socket.SHUT_RDWR)

    # -- inspection -------------------------------------------------------------------------
    def live(self) -> list[ServerConnection]:
        with self._cond:
            return list(self._live)

    def requests(self, entity_type: str | None = None) -> list[dict[str, Any]]:
        with self._cond:
            return [
                m["data"]
                for m in self.received
                if entity_type is None or m["data"].get("entity_type") == entity_type
            ]

    def wait_for(self, predicate: Callable[[], bool], timeout: float = WAIT) -> bool:
        with self._cond:
            return self._cond.wait_for(predicate, timeout)

    # -- the server's side ------------------------------------------------------------------
    def _screen(self, connection: ServerConnection, request: Request) -> Response | None:
        """Refuse the handshake itself when the test says so."""
        if self.reject_status is None:
            return None
        with self._cond:
            self.handshakes.append({k.lower(): v for k, v in request.headers.raw_items()})
            self._cond.notify_all()
        return connection.respond(HTTPStatus(self.reject_status), "refused\n")

    def _handle(self, connection: ServerConnection) -> None:
        assert connection.request is not None
        headers = {k.lower(): v for k, v in connection.request.headers.raw_items()}
        with self._cond:
            self.handshakes.append(headers)
            self._cond.notify_all()
        if self.refuse or headers.get("x-schematic-api-key") != self.api_key:
            connection.close(4001, "invalid api key")
            return
        with self._cond:
            self._live.append(connection)
            self._cond.notify_all()
        try:
            for raw in connection:
                message = json.loads(raw)
                with self._cond:
                    self.received.append(message)
                    self._cond.notify_all()
                self._answer(connection, message["data"])
        except ConnectionClosed:
            pass
        finally:
            with self._cond:
                self._live.remove(connection)
                self._cond.notify_all()

    def _answer(self, connection: ServerConnection, request: dict[str, Any]) -> None:
        entity_type = request["entity_type"]
        if entity_type == "rulesengine.Flags" and self.answer_flags:
            with self._cond:
                flags = list(self.flags)
            connection.send(json.dumps(message("rulesengine.Flags", "full", flags)))
        elif entity_type in KINDS and self.answer:
            found = self._find(KINDS[entity_type], request["keys"])
            if found is None:
                error = {"error": "not found", "keys": request["keys"], "entity_type": entity_type}
                connection.send(json.dumps(message(entity_type, "error", error)))
            else:
                connection.send(json.dumps(message(entity_type, "full", found, found["id"])))

    def _find(self, kind: str, keys: dict[str, str]) -> dict[str, Any] | None:
        wanted = {(k.lower(), v.lower()) for k, v in keys.items()}
        with self._cond:
            for entity in self.entities[kind].values():
                if wanted & {(k.lower(), v.lower()) for k, v in entity["keys"].items()}:
                    return entity
        return None


def message(
    entity_type: str, message_type: str, data: Any, entity_id: str | None = None
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "entity_type": entity_type,
        "message_type": message_type,
        "data": data,
    }
    if entity_id is not None:
        found["entity_id"] = entity_id
    return found


class Probe:
    """Records what a client's DataStream connection did, for tests to wait on.

    Events are ``("open", None)``, ``("message", message)`` (after it was applied) and
    ``("close", final)``.
    """

    def __init__(self, client: Schematic) -> None:
        datastream = client._datastream
        assert datastream is not None and datastream.connection is not None
        self.datastream = datastream
        self.events: list[tuple[str, Any]] = []
        self._cond = threading.Condition()
        connection = datastream.connection
        connection._on_open = self._wrap("open", connection._on_open)
        connection._on_message = self._wrap("message", connection._on_message)
        connection._on_close = self._wrap("close", connection._on_close)

    def _wrap(self, name: str, inner: Callable[..., None]) -> Callable[..., None]:
        def wrapped(*args: Any) -> None:
            inner(*args)
            with self._cond:
                self.events.append((name, args[0] if args else None))
                self._cond.notify_all()

        return wrapped

    def wait(self, name: str, count: int = 1, timeout: float = WAIT, **match: str) -> None:
        """Wait until ``name`` happened ``count`` times (matching entity_type/kind)."""
        with self._cond:
            ok = self._cond.wait_for(lambda: self._count(name, **match) >= count, timeout)
        assert ok, f"waited for {count} {name} {match}; saw {self.events}"

    def _count(self, name: str, **match: str) -> int:
        return sum(
            1
            for event, arg in self.events
            if event == name
            and all(isinstance(arg, dict) and arg.get(k) == v for k, v in match.items())
        )

    def ready(self, count: int = 1) -> None:
        """Wait until the client applied its ``count``-th bulk flag message."""
        self.wait("message", count, entity_type="rulesengine.Flags")


class SilentServer:
    """Accepts WebSocket handshakes, then never says anything again (not even pong)."""

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.accepted: list[socket.socket] = []
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/datastream"

    def _run(self) -> None:
        while True:
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            request = b""
            while b"\r\n\r\n" not in request:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                request += chunk
            key = next(
                line.split(b":", 1)[1].strip()
                for line in request.split(b"\r\n")
                if line.lower().startswith(b"sec-websocket-key:")
            )
            accept = base64.b64encode(
                hashlib.sha1(key + b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11").digest()
            )
            sock.sendall(
                b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                b"Connection: Upgrade\r\nSec-WebSocket-Accept: " + accept + b"\r\n\r\n"
            )
            with self._cond:
                self.accepted.append(sock)
                self._cond.notify_all()

    def wait_accepted(self, count: int, timeout: float = WAIT) -> bool:
        with self._cond:
            return self._cond.wait_for(lambda: len(self.accepted) >= count, timeout)

    def close(self) -> None:
        self._listener.close()
        with self._cond:
            for sock in self.accepted:
                sock.close()
