"""The fake server's behaviour per operation: flags, companies, users and memberships.

Each handler takes (server, request, path parameters) and returns the ``data`` of the
response, or an ``Error``. Operations without a handler answer a spec-valid example.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from . import _spec

if TYPE_CHECKING:
    from ._server import FakeSchematic, Recorded


class Raw:
    def __init__(self, content: bytes, content_type: str) -> None:
        self.content, self.content_type = content, content_type


class Error:
    def __init__(self, status: int, message: str) -> None:
        self.status, self.message = status, message


@dataclass
class FlagRule:
    key: str
    id: str
    default: bool = False
    companies: dict[str, bool] = field(default_factory=dict)
    users: dict[str, bool] = field(default_factory=dict)

    def check(self, server: FakeSchematic, company: Any, user: Any) -> dict[str, Any]:
        company_rec = find(server.companies, company)
        user_rec = find(server.users, user)
        value, reason, rule_type = self.default, "Default value", "default"
        for k, v in (user or {}).items():
            if pair(k, v) in self.users:
                value, reason, rule_type = self.users[pair(k, v)], "Matched user rule", "standard"
        for k, v in (company or {}).items():
            if pair(k, v) in self.companies:
                value = self.companies[pair(k, v)]
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


def pair(key: str, value: str) -> str:
    return json.dumps([key, value])


def _now() -> str:
    return datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")


def find(store: dict[str, dict[str, Any]], keys: Any) -> dict[str, Any] | None:
    if not isinstance(keys, Mapping) or not keys:
        return None
    for record in store.values():
        if any(record["keys"].get(k) == v for k, v in keys.items()):
            return record
    return None


def upsert_entity(
    server: FakeSchematic, store: dict[str, dict[str, Any]], prefix: str, body: Mapping[str, Any]
) -> dict[str, Any]:
    record = find(store, body.get("keys"))
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
    data: dict[str, Any] = spec_example(_spec.operation("getCompany"))
    users = sum(1 for u in server.users.values() if record["id"] in u["company_ids"])
    data.update(_entity_fields(record, "company"), user_count=users)
    return data


def _user_view(server: FakeSchematic, record: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = spec_example(_spec.operation("getUser"))
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


def spec_example(op: dict[str, Any]) -> Any:
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


# -- operation handlers: (server, request, path params) -> data or Error ----------------------
Handler = Callable[["FakeSchematic", "Recorded", dict[str, str]], Any]


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
        entity = upsert_entity(server, store(server), prefix, record.body)
        if kind == "user":
            for keys in [record.body.get("company"), *(record.body.get("companies") or [])]:
                company = find(server.companies, keys)
                if company and company["id"] not in entity["company_ids"]:
                    entity["company_ids"].append(company["id"])
        return view(server, entity)

    def get(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = store(server).get(params[f"{kind}_id"])
        return view(server, entity) if entity else Error(404, f"{kind} not found")

    def lookup(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = find(store(server), _query_keys(record))
        return view(server, entity) if entity else Error(404, f"{kind} not found")

    def listing(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return [view(server, e) for e in _page(record, list(store(server).values()))]

    def count(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return {"count": len(store(server))}

    def delete(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        return {"deleted": store(server).pop(params[f"{kind}_id"], None) is not None}

    def delete_by_keys(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        entity = find(store(server), record.body.get("keys"))
        if entity is None:
            return Error(404, f"{kind} not found")
        store(server).pop(entity["id"])
        data = spec_example(_spec.operation(f"delete{title}ByKeys"))
        data.update({k: v for k, v in _entity_fields(entity, kind).items() if k in data})
        return data

    def upsert_trait(server: FakeSchematic, record: Recorded, params: dict[str, str]) -> Any:
        body = record.body
        entity = find(store(server), body.get("keys"))
        if entity is None:
            if body.get("update_only"):
                return Error(404, f"{kind} not found")
            entity = upsert_entity(server, store(server), prefix, {"keys": body["keys"]})
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
        return Error(404, "company or user not found")
    if body["company_id"] not in user["company_ids"]:
        user["company_ids"].append(body["company_id"])
    return {
        "id": f"cmem_{body['company_id']}_{user['id']}",
        "company_id": body["company_id"],
        "user_id": user["id"],
        "created_at": _now(),
        "updated_at": _now(),
    }


HANDLERS: dict[str, Handler] = {
    "checkFlag": _check_flag,
    "checkFlags": _check_flags,
    "checkFlagsBulk": _check_flags_bulk,
    "getOrCreateCompanyMembership": _membership,
    **_store_handlers("company"),
    **_store_handlers("user"),
}
