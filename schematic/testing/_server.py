"""A fake Schematic API and event service on 127.0.0.1, for tests, demos and local work.

It answers every operation of the API: flag checks from flags you set, companies and
users kept in memory by their keys, events recorded as the capture service would take
them, and a response generated from the spec for everything else. Request bodies and
query parameters are validated against the spec; a request the real API would refuse gets
a 400 here too.
Faults are scripted per path: error statuses, delays, hangs, dropped connections.
"""

from __future__ import annotations

import itertools
import json
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from . import _spec
from ._handlers import HANDLERS, Error, FlagRule, Raw, pair, spec_example, upsert_entity

MAX_BATCH = 100


@dataclass
class Recorded:
    """One request the server received."""

    method: str
    path: str
    query: list[tuple[str, str]]
    headers: dict[str, str]
    body: Any
    raw: bytes
    at: float
    status: int | None = None  # the status answered, set just before it is sent
    response: Any = None  # the JSON answered (bytes for a file), set with the status

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == lowered), None)


@dataclass
class Fault:
    """A scripted failure for requests whose path starts with ``path``.

    ``status`` answers with that status (and ``body``, ``headers``); ``delay`` waits
    first; ``hang`` holds the connection open without answering until the server
    stops; ``drop`` closes the connection without a response. ``store`` handles the
    request normally before failing (the response is lost, the effect is kept).
    ``trickle`` sends the answer (the real one, or ``status``'s) one byte every ``trickle``
    seconds: its body only, or the whole of it, headers too, with ``trickle_headers``.
    ``times`` limits how many requests it hits (None: all); ``every`` hits one request
    in every ``every`` (deterministic, starting with the ``every``-th).
    """

    path: str = "/"
    status: int | None = None
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    hang: bool = False
    drop: bool = False
    store: bool = False
    trickle: float = 0.0
    trickle_headers: bool = False
    times: int | None = 1
    every: int | None = None
    method: str | None = None
    seen: int = 0
    hits: int = 0

    def applies(self, method: str, path: str) -> bool:
        if not path.startswith(self.path) or (self.method and self.method != method):
            return False
        if self.times is not None and self.hits >= self.times:
            return False
        self.seen += 1
        if self.every is not None and self.seen % self.every != 0:
            return False
        self.hits += 1
        return True


class FakeSchematic:
    """A local Schematic API server; start it, point a client at it, inspect what it got.

    Example::

        with FakeSchematic() as server:
            server.set_flag("new-editor", True, company={"id": "acme"})
            client = server.client()
            assert client.check_flag("new-editor", company={"id": "acme"})
            client.track("signed-in", company={"id": "acme"})
            client.flush()
            assert server.tracked("signed-in")

    Args:
        api_key: the key every request must carry; None accepts any key.
        validate: answer 400 to requests the spec forbids, and 500 when the server's own
            answer would break the spec.
        stateful: keep companies, users and flags in memory. False answers every
            operation with the example generated from the spec, every optional field
            present: what a contract test wants.
    """

    def __init__(
        self,
        *,
        api_key: str | None = "sch_test_key",
        validate: bool = True,
        stateful: bool = True,
    ) -> None:
        self.api_key = api_key
        self.validate = validate
        self.stateful = stateful
        self._lock = threading.RLock()
        self._ids = itertools.count(1)
        self.requests: list[Recorded] = []
        self.events: list[dict[str, Any]] = []  # accepted events, duplicates removed
        self.event_receipts: list[dict[str, Any]] = []  # every event received
        self.faults: list[Fault] = []
        self.flags: dict[str, FlagRule] = {}
        self.companies: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self._seen_keys: set[str] = set()
        self._http: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()
        # Called with each request's record once it is answered (``record.status`` set),
        # on the server's thread for that request; scripted faults are not reported.
        self.on_request: Callable[[Recorded], object] | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def start(self, port: int = 0, host: str = "127.0.0.1") -> FakeSchematic:
        handler = type("Handler", (_Handler,), {"app": self})
        self._http = _HTTPServer((host, port), handler)
        self._http.daemon_threads = True
        self._stopping.clear()
        self._thread = threading.Thread(
            target=self._http.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-schematic",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
            self._http = None

    def __enter__(self) -> FakeSchematic:
        return self.start() if self._http is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._http is not None, "the server is not running"
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def client(self, **config: Any) -> Any:
        """A ``Schematic`` client pointed at this server (API and events)."""
        from ..client import Schematic, SchematicConfig

        config.setdefault("base_url", self.url)
        config.setdefault("event_capture_url", self.url)
        return Schematic(self.api_key or "any-key", SchematicConfig(**config))

    # -- scripting --------------------------------------------------------------------------
    def set_flag(
        self,
        key: str,
        value: bool,
        *,
        company: Mapping[str, str] | None = None,
        user: Mapping[str, str] | None = None,
    ) -> None:
        """Make ``key`` answer ``value``: for everyone, or for a company or user by keys."""
        with self._lock:
            rule = self.flags.setdefault(key, FlagRule(key, f"flag_{next(self._ids)}"))
            if company:
                rule.companies.update({pair(k, v): value for k, v in company.items()})
            if user:
                rule.users.update({pair(k, v): value for k, v in user.items()})
            if not company and not user:
                rule.default = value

    def add_company(
        self, keys: Mapping[str, str], *, id: str | None = None, name: str = "", **traits: Any
    ) -> str:
        """Store a company (as an upsert would) and return its ID."""
        with self._lock:
            record = upsert_entity(
                self, self.companies, "comp", {"keys": keys, "name": name, "traits": traits}
            )
            if id is not None and id != record["id"]:
                self.companies[id] = {**self.companies.pop(record["id"]), "id": id}
            return id or str(record["id"])

    def add_user(self, keys: Mapping[str, str], *, name: str = "", **traits: Any) -> str:
        """Store a user (as an upsert would) and return its ID."""
        with self._lock:
            return str(
                upsert_entity(
                    self, self.users, "user", {"keys": keys, "name": name, "traits": traits}
                )["id"]
            )

    def add_fault(self, path: str = "/", **kwargs: Any) -> Fault:
        """Script a failure (see ``Fault``) for requests under ``path``."""
        fault = Fault(path=path, **kwargs)
        with self._lock:
            self.faults.append(fault)
        return fault

    def clear_faults(self) -> None:
        with self._lock:
            self.faults.clear()

    # -- inspection -------------------------------------------------------------------------
    def requests_to(self, path: str, method: str | None = None) -> list[Recorded]:
        with self._lock:
            return [
                r
                for r in self.requests
                if r.path.startswith(path) and (method is None or r.method == method)
            ]

    def tracked(self, event: str | None = None) -> list[dict[str, Any]]:
        """Accepted track events, optionally only those named ``event``."""
        with self._lock:
            return [
                e
                for e in self.events
                if e.get("type") == "track" and (event is None or e["body"].get("event") == event)
            ]

    def identified(self) -> list[dict[str, Any]]:
        with self._lock:
            return [e for e in self.events if e.get("type") == "identify"]

    def wait_for_events(self, count: int, timeout: float = 5.0) -> bool:
        """Wait until ``count`` events have been accepted; False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.events) >= count:
                    return True
            time.sleep(0.005)
        return False

    # -- request handling -------------------------------------------------------------------
    def _handle(self, handler: _Handler) -> None:
        parts = urlsplit(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = _INVALID
        record = Recorded(
            handler.command,
            parts.path,
            parse_qsl(parts.query, keep_blank_values=True),
            dict(handler.headers.items()),
            body,
            raw,
            time.time(),
        )
        with self._lock:
            self.requests.append(record)
            fault = next((f for f in self.faults if f.applies(record.method, record.path)), None)
        if fault is not None:
            if fault.delay:
                self._stopping.wait(fault.delay)
            if fault.hang:
                self._stopping.wait()
                return
            if fault.drop:
                handler.close_connection = True
                handler.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault.store:
                self._safe_respond(record)
            if fault.trickle:
                if fault.status is not None:
                    status, payload = fault.status, fault.body or {"error": "scripted fault"}
                else:
                    status, payload = self._safe_respond(record)
                handler.trickle(status, payload, fault, self._stopping)
                return
            if fault.status is not None:
                handler.reply(
                    fault.status, fault.body or {"error": "scripted fault"}, fault.headers
                )
                return
        status, payload = self._safe_respond(record)
        handler.reply(status, payload, record=record)
        if self.on_request is not None:
            self.on_request(record)

    def _safe_respond(self, record: Recorded) -> tuple[int, Any]:
        try:
            return self._respond(record)
        except Exception as exc:  # a bug in the fake: answer so that the test sees it
            return 500, {"error": f"fake server failed: {exc!r}"}

    def _respond(self, record: Recorded) -> tuple[int, Any]:
        if self.api_key is not None and record.header("X-Schematic-Api-Key") != self.api_key:
            return 401, {"error": "invalid API key"}
        if record.body is _INVALID:
            return 400, {"error": "request body is not JSON"}
        if record.path == "/batch" and record.method == "POST":
            return self._capture(record.body)
        found = _spec.match(record.method, record.path)
        if found is None:
            return 404, {"error": f"no route for {record.method} {record.path}"}
        op, params = found
        params = {k: unquote(v) for k, v in params.items()}
        if self.validate:
            errors = _spec.validate_query(op, record.query)
            if op["body"] is not None:
                errors += _spec.validate(op["body"], record.body)
            if errors:
                return 400, {"error": "; ".join(errors[:5])}
        if op["response"] == "binary":
            return op["status"], Raw(b"id,name\ncomp_1,Acme\n", "text/csv")
        handler = HANDLERS.get(op["operationId"]) if self.stateful else None
        with self._lock:
            data = handler(self, record, params) if handler else spec_example(op)
        if isinstance(data, Error):
            return data.status, {"error": data.message}
        if self.validate and isinstance(op["response"], dict):
            errors = _spec.validate(op["response"], data, "response.data")
            if errors:  # the fake itself drifted from the contract: fail loudly
                return 500, {
                    "error": "fake server response breaks the spec: " + "; ".join(errors[:5])
                }
        return op["status"], {"data": data, "params": dict(record.query)}

    # -- the event service ------------------------------------------------------------------
    def _capture(self, body: Any) -> tuple[int, Any]:
        events = body.get("events") if isinstance(body, dict) else None
        if not isinstance(events, list):
            return 400, {"error": 'body must be {"events": [...]}'}
        if len(events) > MAX_BATCH:
            return 400, {"error": "batch too large", "max_size": MAX_BATCH}
        for event in events:
            problem = self._check_event(event)
            if problem:
                return 400, {"error": problem}
        with self._lock:
            for event in events:
                self.event_receipts.append(event)
                key = event.get("idempotency_key")
                if key is not None and key in self._seen_keys:
                    continue
                if key is not None:
                    self._seen_keys.add(key)
                self.events.append(event)
                if event["type"] == "identify":
                    self._apply_identify(event["body"])
        return 200, {"accepted": len(events)}

    def _check_event(self, event: Any) -> str | None:
        if not isinstance(event, dict):
            return "each event must be an object"
        if self.api_key is not None and event.get("api_key") != self.api_key:
            return "event api_key does not match"
        schemas = {
            "track": "EventBodyTrack",
            "identify": "EventBodyIdentify",
            "flag_check": "EventBodyFlagCheck",
        }
        if event.get("type") not in schemas:
            return f"unknown event type {event.get('type')!r}"
        if self.validate:
            ref = {"$ref": f"#/components/schemas/{schemas[event['type']]}"}
            errors = _spec.validate(ref, event.get("body"), "event.body")
            if errors:
                return "; ".join(errors[:5])
        return None

    def _apply_identify(self, body: dict[str, Any]) -> None:
        company = body.get("company")
        company_id = None
        if company:
            company_id = upsert_entity(self, self.companies, "comp", company)["id"]
        user = upsert_entity(self, self.users, "user", body)
        if company_id and company_id not in user["company_ids"]:
            user["company_ids"].append(company_id)


_INVALID = object()


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients hang up on keep-alive connections whenever they like; that is no error.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    app: FakeSchematic
    protocol_version = "HTTP/1.1"
    # One buffered write per response, sent without delay: headers and body in separate
    # small packets would stall on delayed ACKs (40 ms a request).
    wbufsize = -1
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        self.app._handle(self)

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def reply(
        self,
        status: int,
        payload: Any,
        headers: Mapping[str, str] | None = None,
        record: Recorded | None = None,
    ) -> None:
        content_type = "application/json"
        if isinstance(payload, Raw):
            data, content_type = payload.content, payload.content_type
        else:
            data = b"" if status == 204 else json.dumps(payload).encode()
        if record is not None:
            # Set before the answer leaves, so a client that has it sees the record complete.
            record.status = status
            record.response = data if isinstance(payload, Raw) else payload
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def trickle(self, status: int, payload: Any, fault: Fault, stop: threading.Event) -> None:
        """Answer one byte at a time, ``fault.trickle`` seconds apart, until done or stopped."""
        data = json.dumps(payload).encode()
        head = (
            f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(data)}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in fault.headers.items())
            + "\r\n"
        ).encode()
        self.close_connection = True
        try:
            if not fault.trickle_headers:
                self.wfile.write(head)
                self.wfile.flush()
                head = b""
            for byte in head + data:
                if stop.wait(fault.trickle):
                    return
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
        except OSError:
            pass  # the client gave up and closed the connection

    def log_message(self, format: str, *args: Any) -> None:
        pass
