"""Schematic flags behind OpenFeature, the vendor-neutral flag API (``openfeature-sdk``).

Install with ``pip install 'schematichq[openfeature]'``; nothing here is imported by
``import schematic`` or ``import schematic.client``. Example::

    from openfeature import api
    from openfeature.evaluation_context import EvaluationContext
    from schematic.openfeature import SchematicProvider

    api.set_provider(SchematicProvider(client))  # or SchematicProvider(api_key="sch_...")
    flags = api.get_client()
    context = EvaluationContext(attributes={"company": {"id": "acme"}})
    if flags.get_boolean_value("new-editor", False, context):
        ...

How an evaluation context becomes a check: the attribute ``company`` (a dict of str to str)
is the company's keys; the attribute ``user`` is the user's keys, or, without it, the
context's ``targeting_key`` is the user key named ``user_key`` (``"id"`` unless set). A
context that cannot be read this way answers the default with ``INVALID_CONTEXT``.

Boolean flags are checked with ``Schematic.check_flag_with_entitlement``, so the cache,
DataStream, the circuit breaker and the flag defaults all apply; the evaluation's default
value is the check's ``default_value``. Schematic flags are booleans: a string, integer,
float or object evaluation answers its default with ``TYPE_MISMATCH``.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from openfeature.evaluation_context import EvaluationContext
from openfeature.exception import ErrorCode, ProviderNotReadyError
from openfeature.flag_evaluation import FlagMetadata, FlagResolutionDetails, Reason
from openfeature.provider import AbstractProvider, Metadata
from openfeature.track import TrackingEventDetails

from . import _flags, _validation
from ._flags import CheckFlagOptions
from .client import Schematic, SchematicConfig

if TYPE_CHECKING:
    from openfeature.flag_evaluation import FlagValueType

    from .models.features import CheckFlagResponseData

__all__ = ["SchematicProvider"]

DEFAULT_INIT_TIMEOUT = 5.0  # seconds initialize() waits for DataStream's data
T = TypeVar("T")

_log = logging.getLogger("schematic")


class InvalidContextError(ValueError):
    """An evaluation context that names no company or user the way this provider reads."""


class SchematicProvider(AbstractProvider):
    """An OpenFeature provider answering from a ``Schematic`` client.

    Args:
        client: the client to check flags and send events with. Left out, the provider
            makes one from ``api_key`` and ``config``, and closes it on ``shutdown``.
        api_key: the secret key, for a client the provider makes (``SCHEMATIC_API_KEY``
            from the environment when left out too).
        config: the settings of a client the provider makes.
        user_key: the user key a context's ``targeting_key`` fills when the context has no
            ``user`` attribute (default ``"id"``).
        init_timeout: seconds ``initialize`` waits for DataStream's data, when the client
            uses DataStream (default 5); past it, initialization fails (PROVIDER_ERROR)
            and checks go to the API until the data arrives.
        close_client: whether ``shutdown`` closes the client (after sending its events);
            by default only a client the provider made is closed.
    """

    def __init__(
        self,
        client: Schematic | None = None,
        *,
        api_key: str | None = None,
        config: SchematicConfig | None = None,
        user_key: str = "id",
        init_timeout: float = DEFAULT_INIT_TIMEOUT,
        close_client: bool | None = None,
    ) -> None:
        super().__init__()
        if client is not None and not isinstance(client, Schematic):
            raise TypeError(f"client must be a Schematic client, got {type(client).__name__}")
        if client is not None and (api_key is not None or config is not None):
            raise ValueError("give either client or api_key and config, not both")
        if not isinstance(user_key, str) or not user_key:
            raise ValueError(f"user_key must be a non-empty str, got {user_key!r}")
        _validation.seconds("init_timeout", init_timeout, zero=True)
        if close_client is not None:
            _validation.boolean("close_client", close_client)
        self._owns = client is None
        self.client = client if client is not None else Schematic(api_key, config)
        self.user_key = user_key
        self.init_timeout = init_timeout
        self.close_client = self._owns if close_client is None else close_client

    def __repr__(self) -> str:
        return f"SchematicProvider({self.client!r})"

    def get_metadata(self) -> Metadata:
        return Metadata(name="schematic")

    # -- lifecycle --------------------------------------------------------------------------
    def initialize(self, evaluation_context: EvaluationContext) -> None:
        """Open DataStream (when the client uses it) and wait for its data.

        Returning is PROVIDER_READY; raising ``ProviderNotReadyError`` is PROVIDER_ERROR,
        after which flags are still answered, by the API, until the data arrives.
        """
        datastream = self.client._datastream
        if datastream is None:
            return
        if not datastream.wait_ready(self.init_timeout):
            raise ProviderNotReadyError(
                f"DataStream sent no data within {self.init_timeout:g}s "
                f"(state: {datastream.state}); flags are checked by the API meanwhile"
            )

    def shutdown(self) -> None:
        """Send the events queued so far; close the client if it is ours to close."""
        if self.close_client:
            self.client.shutdown()
        else:
            self.client.flush(self.client._worker.shutdown_timeout)

    # -- evaluation -------------------------------------------------------------------------
    def resolve_boolean_details(
        self,
        flag_key: str,
        default_value: bool,
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[bool]:
        try:
            company, user = self.contexts(evaluation_context)
        except InvalidContextError as exc:
            return _error(default_value, ErrorCode.INVALID_CONTEXT, str(exc))
        if type(default_value) is not bool:  # typed as bool, passed anything at run time
            return _error(  # type: ignore[unreachable]
                default_value,
                ErrorCode.TYPE_MISMATCH,
                f"the default of a boolean flag must be True or False, got {default_value!r}",
            )
        options = CheckFlagOptions(default_value=default_value)
        result = self.client.check_flag_with_entitlement(flag_key, company, user, options)
        return resolution(result, default_value)

    async def resolve_boolean_details_async(
        self,
        flag_key: str,
        default_value: bool,
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[bool]:
        """As ``resolve_boolean_details``, in a thread when the check may wait on the API."""
        return await asyncio.to_thread(
            self.resolve_boolean_details, flag_key, default_value, evaluation_context
        )

    def resolve_string_details(
        self,
        flag_key: str,
        default_value: str,
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[str]:
        return _not_boolean(flag_key, default_value, "string")

    def resolve_integer_details(
        self,
        flag_key: str,
        default_value: int,
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[int]:
        return _not_boolean(flag_key, default_value, "integer")

    def resolve_float_details(
        self,
        flag_key: str,
        default_value: float,
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[float]:
        return _not_boolean(flag_key, default_value, "float")

    def resolve_object_details(
        self,
        flag_key: str,
        default_value: Sequence[FlagValueType] | Mapping[str, FlagValueType],
        evaluation_context: EvaluationContext | None = None,
    ) -> FlagResolutionDetails[Sequence[FlagValueType] | Mapping[str, FlagValueType]]:
        return _not_boolean(flag_key, default_value, "object")

    # -- tracking ---------------------------------------------------------------------------
    def track(
        self,
        tracking_event_name: str,
        evaluation_context: EvaluationContext | None = None,
        tracking_event_details: TrackingEventDetails | None = None,
    ) -> None:
        """Queue a Schematic ``track`` event; ``details.value`` is its quantity and the
        details' attributes its traits. Never raises and never waits on the network."""
        try:
            company, user = self.contexts(evaluation_context)
            quantity, traits = _details(tracking_event_details)
        except InvalidContextError as exc:
            _log.error("OpenFeature track(%r) dropped: %s", tracking_event_name, exc)
            return
        try:
            self.client.track(tracking_event_name, company, user, traits, quantity)
        except Exception as exc:  # strict=True raises on a bad event: not from here
            _log.error("OpenFeature track(%r) dropped: %s", tracking_event_name, exc)

    # -- the context ------------------------------------------------------------------------
    def contexts(
        self, context: EvaluationContext | None
    ) -> tuple[dict[str, str] | None, dict[str, str] | None]:
        """The company and user keys of an evaluation context; ``InvalidContextError`` if the
        context holds them in a form they cannot have."""
        if context is None:
            return None, None
        attributes = context.attributes or {}
        company = _keys("company", attributes.get("company"))
        user = _keys("user", attributes.get("user"))
        if user is None and context.targeting_key is not None:
            if not isinstance(context.targeting_key, str) or not context.targeting_key:
                raise InvalidContextError(
                    f"targeting_key must be a non-empty str, got {context.targeting_key!r}"
                )
            user = {self.user_key: context.targeting_key}
        return company, user


def _keys(name: str, value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidContextError(
            f"the {name!r} attribute must be a dict of str to str, got {type(value).__name__}"
        )
    keys = dict(value)
    try:
        _flags.check_context(name, keys)
    except TypeError as exc:
        raise InvalidContextError(f"the {name!r} attribute: {exc}") from None
    return keys or None


def _details(details: TrackingEventDetails | None) -> tuple[int | None, dict[str, Any] | None]:
    """The quantity and traits of a tracking event's details."""
    if details is None:
        return None, None
    value = details.value
    quantity: int | None = None
    if value is not None:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InvalidContextError(f"details.value must be a number, got {value!r}")
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            raise InvalidContextError(
                f"details.value must be a whole number of units, got {value!r}"
            )
        quantity = int(value)
    return quantity, dict(details.attributes) or None


# -- from a check's result to OpenFeature's words -------------------------------------------
def resolution(result: CheckFlagResponseData, default: bool) -> FlagResolutionDetails[bool]:
    """A Schematic check result as OpenFeature's resolution details; ``default`` is the
    evaluation's, answered for a flag the API does not know."""
    value = result.value is True
    reason = result.reason or ""
    metadata = flag_metadata(result)
    variant = "on" if value else "off"
    if reason == _flags.REASON_OFFLINE:
        return FlagResolutionDetails(value, reason=Reason.STATIC, variant=variant)
    if reason.startswith(_flags.REASON_STALE):
        return FlagResolutionDetails(
            value, reason=Reason.STALE, variant=variant, flag_metadata=metadata
        )
    failure = _failure(reason)
    if failure is None and result.flag_id is None and result.rule_type is None:
        failure, value = ErrorCode.FLAG_NOT_FOUND, default  # the API answered, without a flag
        variant = "on" if value else "off"
    if failure is not None:
        return FlagResolutionDetails(
            value,
            error_code=failure,
            error_message=result.error or reason,
            reason=Reason.ERROR,
            variant=variant,
        )
    if result.rule_type == "default":
        matched = Reason.DEFAULT
    elif result.rule_type is None:
        matched = Reason.UNKNOWN
    else:
        matched = Reason.TARGETING_MATCH
    return FlagResolutionDetails(value, reason=matched, variant=variant, flag_metadata=metadata)


def _failure(reason: str) -> ErrorCode | None:
    """The error code of a check answered with a default, None for a real answer."""
    if reason == _flags.REASON_FLAG_NOT_FOUND:
        return ErrorCode.FLAG_NOT_FOUND
    if reason.startswith(_flags.REASON_INVALID):
        return ErrorCode.GENERAL  # a bad flag key: the context was checked before
    if reason == _flags.REASON_CIRCUIT_OPEN or reason.startswith(_flags.REASON_ERROR):
        return ErrorCode.GENERAL
    return None


def flag_metadata(result: CheckFlagResponseData) -> FlagMetadata:
    """What a check found, beyond its value: the rule, the flag, the company and user
    matched, and the entitlement's usage and allocation; absent values are left out."""
    entitlement = result.entitlement
    found: dict[str, Any] = {
        "rule_id": result.rule_id,
        "rule_type": result.rule_type,
        "flag_id": result.flag_id,
        "company_id": result.company_id,
        "user_id": result.user_id,
        "reason": result.reason,
        "usage": entitlement.usage if entitlement is not None else result.feature_usage,
        "allocation": (
            entitlement.allocation if entitlement is not None else result.feature_allocation
        ),
    }
    if entitlement is not None:
        found.update(
            value_type=entitlement.value_type,
            metric_period=entitlement.metric_period,
            soft_limit=entitlement.soft_limit,
            credit_remaining=entitlement.credit_remaining,
            credit_total=entitlement.credit_total,
        )
    return {k: v for k, v in found.items() if isinstance(v, (bool, int, float, str))}


def _error(value: T, code: ErrorCode, message: str) -> FlagResolutionDetails[T]:
    return FlagResolutionDetails(value, error_code=code, error_message=message, reason=Reason.ERROR)


def _not_boolean(flag_key: str, default_value: T, kind: str) -> FlagResolutionDetails[T]:
    return _error(
        default_value,
        ErrorCode.TYPE_MISMATCH,
        f"Schematic flags are booleans: {flag_key!r} cannot be evaluated as {kind}",
    )
