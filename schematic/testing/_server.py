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
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from . import _spec

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
        self.flags: dict[str, _FlagRule] = {}
        self.companies: dict[str, dict[str, Any]] = {}
        self.users: dict[str, dict[str, Any]] = {}
        self._seen_keys: set[str] = set()
        self._http: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

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
            rule = self.flags.setdefault(key, _FlagRule(key, f"flag_{next(self._ids)}"))
            if company:
                rule.companies.update({_pair(k, v): value for k, v in company.items()})
            if user:
                rule.users.update({_pair(k, v): value for k, v in user.items()})
            if not company and not user:
                rule.default = value

    def add_company(
        self, keys: Mapping[str, str], *, id: str | None = None, name: str = "", **traits: Any
    ) -> str:
        """Store a company (as an upsert would) and return its ID."""
        with self._lock:
            record = _upsert(
                self, self.companies, "comp", {"keys": keys, "name": name, "traits": traits}
            )
            if id is not None and id != record["id"]:
                self.companies[id] = {**self.companies.pop(record["id"]), "id": id}
            return id or str(record["id"])

    def add_user(self, keys: Mapping[str, str], *, name: str = "", **traits: Any) -> str:
        """Store a user (as an upsert would) and return its ID."""
        with self._lock:
            return str(
                _upsert(self, self.users, "user", {"keys": keys, "name": name, "traits": traits})[
                    "id"
                ]
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
            if fault.status is not None:
                handler.reply(
                    fault.status, fault.body or {"error": "scripted fault"}, fault.headers
                )
                return
        status, payload = self._safe_respond(record)
        handler.reply(status, payload, record=record)

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
            return op["status"], _Raw(b"id,name\ncomp_1,Acme\n", "text/csv")
        handler = _HANDLERS.get(op["operationId"]) if self.stateful else None
        with self._lock:
            data = handler(self, record, params) if handler else _spec_example(op)
        if isinstance(data, _Error):
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
            company_id = _upsert(self, self.companies, "comp", company)["id"]
        user = _upsert(self, self.users, "user", body)
        if company_id and company_id not in user["company_ids"]:
            user["company_ids"].append(company_id)


_INVALID = object()


class _Raw:
    def __init__(self, content: bytes, content_type: str) -> None:
        self.content, self.content_type = content, content_type


class _Error:
    def __init__(self, status: int, message: str) -> None:
        self.status, self.message = status, message


@dataclass
class _FlagRule:
    key: str
    id: str
    default: bool = False
    companies: dict[str, bool] = field(default_factory=dict)
    users: dict[str, bool] = field(default_factory=dict)

    def check(self, server: FakeSchematic, company: Any, user: Any) -> dict[str, Any]:
        company_rec = _find(server.companies, company)
        user_rec = _find(server.users, user)
        value, reason, rule_type = self.default, "Default value", "default"
        for k, v in (user or {}).items():
            if _pair(k, v) in self.users:
                value, reason, rule_type = self.users[_pair(k, v)], "Matched user rule", "standard"
        for k, v in (company or {}).items():
            if _pair(k, v) in self.companies:
                value = self.companies[_pair(k, v)]
                reason, rule_type = "Matched company override", "company_override"
        return {
            "flag": self.key,
            "flag_id": self.id,
            "value": value,
            "reason": reason,
            "rule_type": rule_type,
            "rule_id": f"rule_{self.id}" if rule_type != "default" else None,
            "company_id": company_rec["id"] if company_rec else None,
            "user_id": user_rec["id"] if user_rec else None,
        }


def _pair(key: str, value: str) -> str:
    return json.dumps([key, value])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


def _find(store: dict[str, dict[str, Any]], keys: Any) -> dict[str, Any] | None:
    if not isinstance(keys, Mapping) or not keys:
        return None
    for record in store.values():
        if any(record["keys"].get(k) == v for k, v in keys.items()):
            return record
    return None


def _upsert(
    server: FakeSchematic, store: dict[str, dict[str, Any]], prefix: str, body: Mapping[str, Any]
) -> dict[str, Any]:
    record = _find(store, body.get("keys"))
    if record is None:
        record = {
            "id": f"{prefix}_{next(server._ids)}",
            "keys": {},
            "traits": {},
            "name": "",
            "created_at": _now(),
            "company_ids": [],
        }
        store[record["id"]] = record
    record["keys"].update(body.get("keys") or {})
    record["traits"].update(body.get("traits") or {})
    if body.get("name") is not None:
        record["name"] = body["name"]
    record["updated_at"] = _now()
    return record


def _company_view(server: FakeSchematic, record: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = _spec_example(_spec.operation("getCompany"))
    users = sum(1 for u in server.users.values() if record["id"] in u["company_ids"])
    data.update(_entity_fields(record, "company"), user_count=users)
    return data


def _user_view(server: FakeSchematic, record: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = _spec_example(_spec.operation("getUser"))
    data.update(_entity_fields(record, "user"))
    data["company_memberships"] = [
        {
            "id": f"cmem_{cid}_{record['id']}",
            "company_id": cid,
            "user_id": record["id"],
            "created_at": record["created_at"],
            "updated_at": record["updated_at"],
        }
        for cid in record["company_ids"]
    ]
    return data


def _entity_fields(record: dict[str, Any], kind: str) -> dict[str, Any]:
    keys = [
        {
            "id": f"ek_{record['id']}_{k}",
            "key": k,
            "value": v,
            "definition_id": f"ekd_{k}",
            "entity_id": record["id"],
            "entity_type": kind,
            "environment_id": "env_test",
            "created_at": record["created_at"],
            "updated_at": record["updated_at"],
        }
        for k, v in record["keys"].items()
    ]
    return {
        "id": record["id"],
        "name": record["name"],
        "keys": keys,
        "traits": dict(record["traits"]),
        "entity_traits": [],
        "environment_id": "env_test",
        "created_at": record["created_at"],
        "updated_at": record["updated_at"],
    }


def _spec_example(op: dict[str, Any]) -> Any:
    response = op["response"]
    return None if isinstance(response, str) else _spec.example(response)


def _query_keys(record: Recorded) -> dict[str, str]:
    return {k[5:-1]: v for k, v in record.query if k.startswith("keys[") and k.endswith("]")}


def _query_int(record: Recorded, name: str, default: int) -> int:
    value = dict(record.query).get(name)
    return int(value) if value and value.isdigit() else default


def _page(record: Recorded, items: list[Any]) -> list[Any]:
    offset = _query_int(record, "offset", 0)
    return items[offset : offset + _query_int(record, "limit", 100)]


# -- operation handlers: (server, request, path params) -> data or _Error ----------------------
Handler = Callable[[FakeSchematic, Recorded, dict[str, str]], Any]


def _check_flag(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
    body = record.body or {}
    rule = server.flags.get(params["key"])
    if rule is None:
        return {"flag": params["key"], "value": False, "reason": "Flag not found"}
    return rule.check(server, body.get("company"), body.get("user"))


def _check_flags(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
    body = record.body or {}
    flags = [r.check(server, body.get("company"), body.get("user")) for r in server.flags.values()]
    return {"flags": flags}


def _check_flags_bulk(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
    contexts = (record.body or {}).get("contexts") or []
    flags = server.flags.values()
    return {
        "data": [
            {"flags": [rule.check(server, c.get("company"), c.get("user")) for rule in flags]}
            for c in contexts
        ]
    }


def _store_handlers(kind: str) -> dict[str, Handler]:
    """Upsert, get, lookup, list, count and delete for companies or users."""
    view = _company_view if kind == "company" else _user_view
    prefix = "comp" if kind == "company" else "user"
    title = kind.capitalize()

    def store(server: FakeSchematic) -> dict[str, dict[str, Any]]:
        return server.companies if kind == "company" else server.users

    def upsert(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = _upsert(server, store(server), prefix, record.body)
        if kind == "user":
            for keys in [record.body.get("company"), *(record.body.get("companies") or [])]:
                company = _find(server.companies, keys)
                if company and company["id"] not in entity["company_ids"]:
                    entity["company_ids"].append(company["id"])
        return view(server, entity)

    def get(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = store(server).get(params[f"{kind}_id"])
        return view(server, entity) if entity else _Error(404, f"{kind} not found")

    def lookup(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = _find(store(server), _query_keys(record))
        return view(server, entity) if entity else _Error(404, f"{kind} not found")

    def listing(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return [view(server, e) for e in _page(record, list(store(server).values()))]

    def count(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return {"count": len(store(server))}

    def delete(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return {"deleted": store(server).pop(params[f"{kind}_id"], None) is not None}

    def delete_by_keys(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = _find(store(server), record.body.get("keys"))
        if entity is None:
            return _Error(404, f"{kind} not found")
        store(server).pop(entity["id"])
        data = _spec_example(_spec.operation(f"delete{title}ByKeys"))
        data.update({k: v for k, v in _entity_fields(entity, kind).items() if k in data})
        return data

    def upsert_trait(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        body = record.body
        entity = _find(store(server), body.get("keys"))
        if entity is None:
            if body.get("update_only"):
                return _Error(404, f"{kind} not found")
            entity = _upsert(server, store(server), prefix, {"keys": body["keys"]})
        name = body["trait"]
        if body.get("incr") is not None:
            entity["traits"][name] = int(entity["traits"].get(name) or 0) + body["incr"]
        elif body.get("set") is not None:
            entity["traits"][name] = body["set"]
        return view(server, entity)

    plural = "Companies" if kind == "company" else "Users"
    return {
        f"upsert{title}": upsert,
        f"create{title}": upsert,
        f"get{title}": get,
        f"lookup{title}": lookup,
        f"list{plural}": listing,
        f"count{plural}": count,
        f"delete{title}": delete,
        f"delete{title}ByKeys": delete_by_keys,
        f"upsert{title}Trait": upsert_trait,
    }


def _membership(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
    body = record.body
    user = server.users.get(body["user_id"])
    if user is None or body["company_id"] not in server.companies:
        return _Error(404, "company or user not found")
    if body["company_id"] not in user["company_ids"]:
        user["company_ids"].append(body["company_id"])
    return {
        "id": f"cmem_{body['company_id']}_{user['id']}",
        "company_id": body["company_id"],
        "user_id": user["id"],
        "created_at": _now(),
        "updated_at": _now(),
    }


_HANDLERS: dict[str, Handler] = {
    "checkFlag": _check_flag,
    "checkFlags": _check_flags,
    "checkFlagsBulk": _check_flags_bulk,
    "getOrCreateCompanyMembership": _membership,
    **_store_handlers("company"),
    **_store_handlers("user"),
}


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
        if isinstance(payload, _Raw):
            data, content_type = payload.content, payload.content_type
        else:
            data = b"" if status == 204 else json.dumps(payload).encode()
        if record is not None:
            # Set before the answer leaves, so a client that has it sees the record complete.
            record.status = status
            record.response = data if isinstance(payload, _Raw) else payload
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass
