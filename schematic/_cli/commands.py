"""The commands that talk to the API: flags, events, companies and users, any endpoint.

Each takes the run's ``Context`` and returns an exit code; API failures propagate as
``ApiError`` and ``schematic.cli.main`` turns them into exit codes.

Flag checks go to the API through the ``features`` resource rather than the client's
``check_flag``: that one never fails (it answers a default instead), which is right
inside an app and wrong for a script that must tell "off" from "could not ask".
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._events import IdentifyOptions, TrackOptions
from ..errors import ApiConnectionError, InvalidEventError
from ..models._base import Model, to_jsonable
from . import inputs
from .core import EXIT_OK, CommandError, Context, UsageError, exit_code_for
from .output import pairs_text

if TYPE_CHECKING:
    from ..models.features import CheckFlagResponseData

# -- flags ----------------------------------------------------------------------------------


def flags_check(ctx: Context) -> int:
    args = ctx.args
    result = (
        ctx.client()
        .features.check_flag(
            args.flag,
            company=inputs.keys(args.company) or None,
            user=inputs.keys(args.user) or None,
        )
        .data
    )
    if ctx.out.as_json:
        ctx.out.document(_flag_view(result, full=args.entitlement))
    elif args.entitlement:
        ctx.out.fields(_flatten(_flag_view(result, full=True)))
    else:
        ctx.out.line(f"{result.flag}: {'true' if result.value else 'false'} ({result.reason})")
    if result.error:
        # The API answered but could not evaluate the flag: the value shown is a default.
        raise CommandError(
            f"flag {args.flag} was not evaluated, its value is a default: {result.error}"
        )
    return EXIT_OK


def flags_check_all(ctx: Context) -> int:
    args = ctx.args
    results = (
        ctx.client()
        .features.check_flags(
            company=inputs.keys(args.company) or None,
            user=inputs.keys(args.user) or None,
        )
        .data.flags
    ) or []
    if ctx.out.as_json:
        ctx.out.document([_flag_view(r, full=args.entitlement) for r in results])
    elif args.entitlement:
        for index, result in enumerate(results):
            if index:
                ctx.out.line()
            ctx.out.fields(_flatten(_flag_view(result, full=True)))
    else:
        ctx.out.table(["FLAG", "VALUE", "REASON"], [(r.flag, r.value, r.reason) for r in results])
    return EXIT_OK


def _flag_view(result: CheckFlagResponseData, *, full: bool) -> dict[str, Any]:
    """Flag, value and reason first; with ``full``, everything else the API said after."""
    view = {"flag": result.flag, "value": result.value, "reason": result.reason}
    if result.error:
        view["error"] = result.error
    return {**view, **result.to_dict()} if full else view


def _flatten(data: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested objects as ``entitlement.feature_id``-style rows."""
    rows: list[tuple[str, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) and value:
            rows.extend(_flatten(value, f"{prefix}{key}."))
        else:
            rows.append((prefix + key, value))
    return rows


# -- events ---------------------------------------------------------------------------------


def track(ctx: Context) -> int:
    args = ctx.args
    key = args.idempotency_key or str(uuid.uuid4())
    try:
        ctx.client().track(
            args.event,
            company=inputs.keys(args.company) or None,
            user=inputs.keys(args.user) or None,
            traits=inputs.traits(args.trait) or None,
            quantity=args.quantity,
            options=TrackOptions(idempotency_key=key),
        )
    except InvalidEventError as exc:
        raise UsageError(str(exc)) from None
    return _delivered(ctx, {"type": "track", "event": args.event, "idempotency_key": key})


def identify(ctx: Context) -> int:
    args = ctx.args
    company: dict[str, Any] | None = None
    if args.company:
        company = {"keys": inputs.keys(args.company)}
        if args.company_name is not None:
            company["name"] = args.company_name
        if args.company_trait:
            company["traits"] = inputs.traits(args.company_trait)
    elif args.company_name is not None or args.company_trait:
        raise UsageError("--company-name and --company-trait need --company")
    key = args.idempotency_key or str(uuid.uuid4())
    try:
        ctx.client().identify(
            inputs.keys(args.user),
            company=company,
            name=args.name,
            traits=inputs.traits(args.trait) or None,
            options=IdentifyOptions(idempotency_key=key),
        )
    except InvalidEventError as exc:
        raise UsageError(str(exc)) from None
    return _delivered(
        ctx, {"type": "identify", "keys": inputs.keys(args.user), "idempotency_key": key}
    )


def _delivered(ctx: Context, event: dict[str, Any]) -> int:
    """Flush the queued event; fail unless the event service took it within --timeout."""
    client = ctx.client()
    if not client.flush(ctx.args.timeout):
        error = ctx.event_error
        if error is not None:
            reason = ctx.unreachable(error) if isinstance(error, ApiConnectionError) else error
            raise CommandError(
                f"{event['type']} event not delivered: {reason}", exit_code_for(error)
            )
        last = client.stats().get("last_error")
        reason = f": {last}" if last else ""
        raise CommandError(
            f"{event['type']} event not delivered within {ctx.args.timeout:g}s{reason}"
        )
    if ctx.out.as_json:
        ctx.out.document({**event, "delivered": True})
    else:
        what = event.get("event") or pairs_text(event.get("keys"))
        key = event["idempotency_key"]
        ctx.out.line(f"delivered {event['type']} event {what} (idempotency key {key})")
    return EXIT_OK


# -- companies and users --------------------------------------------------------------------


def entity_get(ctx: Context) -> int:
    resource = ctx.client().companies
    if ctx.args.kind == "company":
        entity: Model = resource.get_company(ctx.args.id).data
    else:
        entity = resource.get_user(ctx.args.id).data
    return _show_entity(ctx, entity)


def entity_lookup(ctx: Context) -> int:
    resource = ctx.client().companies
    keys = inputs.keys(ctx.args.keys)
    if ctx.args.kind == "company":
        entity: Model = resource.lookup_company(keys=keys).data
    else:
        entity = resource.lookup_user(keys=keys).data
    return _show_entity(ctx, entity)


def entity_upsert(ctx: Context) -> int:
    args = ctx.args
    resource = ctx.client().companies
    keys = inputs.keys(args.keys)
    traits = inputs.traits(args.trait) or None
    if args.kind == "company":
        entity: Model = resource.upsert_company(keys=keys, name=args.name, traits=traits).data
    else:
        company = inputs.keys(args.company) or None
        entity = resource.upsert_user(
            keys=keys, name=args.name, traits=traits, company=company
        ).data
    return _show_entity(ctx, entity)


def entity_list(ctx: Context) -> int:
    args = ctx.args
    page_size = min(args.page_size, args.limit) if args.limit else args.page_size
    found = itertools.islice(_iterate(ctx, page_size), args.limit)
    progress = ctx.out.progress("companies" if args.kind == "company" else "users")
    entities: list[Model] = []
    try:
        for entity in found:
            entities.append(entity)
            progress.update(len(entities))
    finally:
        progress.done()
    if ctx.out.as_json:
        ctx.out.document(entities)
    else:
        rows = [_summary(entity.to_dict()) for entity in entities]
        ctx.out.table(["ID", "NAME", "KEYS"], rows)
    return EXIT_OK


def _iterate(ctx: Context, page_size: int) -> Iterator[Model]:
    args = ctx.args
    resource = ctx.client().companies
    if args.kind == "company":
        return resource.iter_companies(q=args.search, plan_id=args.plan_id, page_size=page_size)
    return resource.iter_users(
        q=args.search, plan_id=args.plan_id, company_id=args.company_id, page_size=page_size
    )


def _summary(data: dict[str, Any]) -> tuple[str, str, str]:
    return data.get("id", ""), data.get("name") or "-", pairs_text(_keys_of(data))


def _keys_of(data: dict[str, Any]) -> dict[str, str]:
    return {k["key"]: k["value"] for k in data.get("keys") or () if "key" in k}


def _show_entity(ctx: Context, entity: Model) -> int:
    if ctx.out.as_json:
        ctx.out.document(entity)
        return EXIT_OK
    data = entity.to_dict()
    rows: list[tuple[str, Any]] = [
        ("id", data.get("id")),
        ("name", data.get("name") or None),
        ("keys", pairs_text(_keys_of(data))),
        ("traits", pairs_text(data.get("traits"))),
    ]
    if "user_count" in data:
        rows.append(("users", data["user_count"]))
    if "company_memberships" in data:
        companies = [m.get("company_id") for m in data["company_memberships"]]
        rows.append(("companies", ", ".join(c for c in companies if c) or None))
    rows += [(name, data.get(name)) for name in ("created_at", "updated_at", "last_seen_at")]
    ctx.out.fields(rows)
    return EXIT_OK


# -- any endpoint ---------------------------------------------------------------------------


def api(ctx: Context) -> int:
    args = ctx.args
    path = args.path if args.path.startswith("/") else "/" + args.path
    body = inputs.json_body(args.body) if args.body is not None else None
    query = inputs.query(args.query) or None
    try:
        response = ctx.client().request(args.method, path, query=query, body=body)
    except ValueError as exc:  # a method or path the client refuses to send
        raise UsageError(str(exc)) from None
    if isinstance(response.data, bytes):
        ctx.out.write_bytes(response.data)
    elif ctx.out.as_json:
        ctx.out.document(response.data)
    elif response.data is not None:
        ctx.out.line(json.dumps(to_jsonable(response.data), indent=2, ensure_ascii=False))
    return EXIT_OK
