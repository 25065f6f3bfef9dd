"""The machinery every model shares: ``from_dict`` and ``to_dict`` driven by type hints.

Models are frozen, slotted, keyword-only dataclasses. Each class gets a conversion plan the
first time it is parsed or serialised: for every field, its wire name and a function turning
JSON into the Python value (nested models, lists and maps of them, datetimes) and back.

Parsing reads what is there, because the API adds, renames and drops fields over time:
unknown keys are ignored, a missing field is ``None`` (a required one too), and a value
that does not convert (a date that is not one, a number where an object belongs) is kept as
it was received. Each of those is logged at DEBUG. Only a value that is not a JSON object
where a model is wanted raises ``ParsingError``.
"""

from __future__ import annotations

import dataclasses
import importlib
import logging
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, ClassVar, Generic, Literal, TypeVar, Union

from ..errors import ParsingError

M = TypeVar("M", bound="Model")
_Convert = Callable[[Any], Any]
_Shape = tuple[frozenset[str], frozenset[str], dict[str, Any]]
_Step = tuple[str, str, "_Convert | None", "_Convert | None", bool]  # attr, key, in, out, required
_log = logging.getLogger("schematic")


def wire(name: str) -> Any:
    """Field metadata naming the JSON key of an attribute that cannot carry it (``from_``)."""
    return {"wire": name}


class Model:
    """Base of every request and response model."""

    __slots__ = ()
    __plan__: ClassVar[tuple[_Step, ...]]
    __shape__: ClassVar[_Shape]

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """Build the model from a JSON object, reading what is there (see the module).

        Raises ``ParsingError`` only when ``data`` is not a JSON object.
        """
        if not isinstance(data, Mapping):
            raise ParsingError(f"expected a JSON object for {cls.__name__}, got {_kind(data)}")
        values: dict[str, Any] = {}
        for attr, key, decode, _, required in _plan(cls):
            if key not in data:
                if required:
                    _log.debug("%s: %r is missing from the response; it is None", cls.__name__, key)
                    values[attr] = None
                continue
            value = data[key]
            if decode is not None and value is not None:
                value = _tolerant(decode, value, cls.__name__, key)
            values[attr] = value
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object for this model, leaving out fields that are ``None``."""
        out: dict[str, Any] = {}
        for attr, key, _, encode, _ in _plan(type(self)):
            value = getattr(self, attr)
            if value is not None:
                out[key] = encode(value) if encode is not None else value
        return out


class _ModelNamespace(dict[str, Any]):
    """Resolves model names in annotations, importing the defining module on first use.

    Model modules import each other only for type checkers, so a hint such as
    ``plan: CompanyPlan`` is resolved here rather than through the module's globals.
    """

    def __missing__(self, name: str) -> Any:
        from ._index import MODEL_MODULES

        if name not in MODEL_MODULES:
            raise KeyError(name)
        module = importlib.import_module(f"{__package__}.{MODEL_MODULES[name]}")
        value = self[name] = getattr(module, name)
        return value


_MODELS = _ModelNamespace()


def _plan(cls: type[Model]) -> tuple[_Step, ...]:
    plan = cls.__dict__.get("__plan__")
    if plan is None:
        hints = typing.get_type_hints(cls, None, _MODELS)
        plan = tuple(
            (
                f.name,
                f.metadata.get("wire", f.name),
                *_converters(hints[f.name]),
                f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            )
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        )
        type.__setattr__(cls, "__plan__", plan)
    return plan


def _tolerant(decode: _Convert, value: Any, model: str, key: str) -> Any:
    """``decode(value)``, or ``value`` as it came when it does not convert."""
    try:
        return decode(value)
    except (ParsingError, TypeError, ValueError, AttributeError) as exc:
        _log.debug("%s: %r kept as received (%s): %.200r", model, key, exc, value)
        return value


def _converters(tp: Any) -> tuple[_Convert | None, _Convert | None]:
    """(decode, encode) for a type hint; ``None`` where the JSON value is used as it is."""
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        members = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(members) == 1:
            return _converters(members[0])
        models = [m for m in members if isinstance(m, type) and issubclass(m, Model)]
        return (_first_fit(models), to_jsonable) if models else (None, None)
    if isinstance(tp, type) and issubclass(tp, Model):
        return tp.from_dict, tp.to_dict
    if tp is datetime:
        return parse_datetime, format_datetime
    if tp is date:
        return _parse_date, date.isoformat
    if origin is list:
        decode, encode = _converters(typing.get_args(tp)[0])
        if decode is None or encode is None:
            return None, None
        return _each(decode), _each(encode)
    if origin is dict:
        decode, encode = _converters(typing.get_args(tp)[1])
        if decode is None or encode is None:
            return None, None
        return _each_value(decode), _each_value(encode)
    return None, None


def _first_fit(members: list[type[Model]]) -> _Convert:
    """Decode a union of models into the member the JSON object fits best.

    A member fits when the object has all its required keys and agrees with its constants
    (one-value ``Literal`` fields, such as a ``type: Literal["orb"]`` discriminator). Of the
    members that fit, the one that knows most of the object's keys wins, then the first:
    ``{"event": ..., "input_tokens": ...}`` is an inference event, not a track event.
    """

    def decode(value: Any) -> Any:
        if not isinstance(value, Mapping):
            return value
        # A member with all its required keys, else (fields go missing) the one that knows
        # most of the keys; never one whose constants the object contradicts.
        for complete in (True, False):
            best, known_most = None, 0 if not complete else -1
            for member in members:
                required, known, constants = _shape(member)
                if complete and not required <= value.keys():
                    continue
                if any(k in value and value[k] != v for k, v in constants.items()):
                    continue
                known_here = len(known & value.keys())
                if known_here > known_most:
                    best, known_most = member, known_here
            if best is not None:
                return best.from_dict(value)
        return value

    return decode


def _shape(cls: type[Model]) -> _Shape:
    """(required wire keys, all wire keys, wire key -> constant) of a model, made once."""
    shape = cls.__dict__.get("__shape__")
    if shape is None:
        shape = _make_shape(cls)
        type.__setattr__(cls, "__shape__", shape)
    return shape


def _make_shape(cls: type[Model]) -> _Shape:
    hints = typing.get_type_hints(cls, None, _MODELS)
    required, known, constants = set(), set(), {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        key = f.metadata.get("wire", f.name)
        known.add(key)
        if f.default is dataclasses.MISSING:
            required.add(key)
        hint = hints[f.name]
        union = typing.get_origin(hint) in (Union, types.UnionType)
        literals = [
            a
            for a in (typing.get_args(hint) if union else (hint,))
            if typing.get_origin(a) is Literal
        ]
        if len(literals) == 1 and len(typing.get_args(literals[0])) == 1:
            constants[key] = typing.get_args(literals[0])[0]
    return frozenset(required), frozenset(known), constants


def _each(convert: _Convert) -> _Convert:
    def each(items: Any) -> Any:
        if not isinstance(items, list):
            raise ParsingError(f"expected a list, got {_kind(items)}")
        return [None if i is None else _tolerant(convert, i, "list item", "") for i in items]

    return each


def _each_value(convert: _Convert) -> _Convert:
    def each(items: Any) -> Any:
        if not isinstance(items, Mapping):
            raise ParsingError(f"expected an object, got {_kind(items)}")
        return {
            k: None if v is None else _tolerant(convert, v, "map value", k)
            for k, v in items.items()
        }

    return each


def parse_datetime(value: Any) -> datetime:
    """Parse an RFC 3339 timestamp into an aware ``datetime`` (UTC when no offset is given)."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if not isinstance(value, str):
        raise ParsingError(f"expected an RFC 3339 timestamp, got {_kind(value)}")
    text = value.strip().replace("z", "Z")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    if "." in text:
        # The API may send nanoseconds; Python parses at most microseconds.
        head, _, rest = text.partition(".")
        digits = len(rest) - len(rest.lstrip("0123456789"))
        text = f"{head}.{rest[:digits][:6].ljust(6, '0')}{rest[digits:]}"
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ParsingError(f"not an RFC 3339 timestamp: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def format_datetime(value: datetime) -> str:
    """Format a ``datetime`` as RFC 3339, with ``Z`` for UTC; naive values are taken as UTC."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _parse_date(value: Any) -> date:
    if not isinstance(value, str):
        raise ParsingError(f"expected a date, got {_kind(value)}")
    try:
        return date.fromisoformat(value[:10])
    except ValueError as exc:
        raise ParsingError(f"not a date: {value!r}") from exc


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__


T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Response(Generic[T]):
    """What every JSON operation returns: the resource in ``data``, the inputs in ``params``.

    Example::

        response = client.companies.get_company("comp_123")
        print(response.data.name)
    """

    data: T
    params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON envelope: ``{"data": ..., "params": ...}``."""
        return {"data": to_jsonable(self.data), "params": dict(self.params)}


def data_type(envelope: Any) -> Any:
    """The type of ``data`` a response type declares: ``X`` for ``Response[X]`` and for a
    named response class such as ``GetCompanyResponse`` (``Response[CompanyDetailResponseData]``).

    For code that reads the return annotations of resource methods, as the tests do.
    """
    if typing.get_origin(envelope) is Response:
        return typing.get_args(envelope)[0]
    if isinstance(envelope, type) and issubclass(envelope, Response):
        return typing.get_type_hints(envelope, None, _MODELS)["data"]
    raise TypeError(f"not a response type: {envelope!r}")


def to_jsonable(value: Any) -> Any:
    """Turn models, datetimes and containers of them into plain JSON values."""
    if isinstance(value, Model):
        return value.to_dict()
    if isinstance(value, datetime):
        return format_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value
