"""Credit-aware checks: ``check`` and ``track_with_reservation``, and their options.

``check`` answers whether an operation that will use some amount of a metered feature may
go ahead: a flag check preflighted with that usage, so the answer already counts it. The
API contract this SDK is built on has no operation that holds credits for a check (a
check-and-reserve call), so no hold is taken: ``CheckResult.reservation`` is None and the
usage is reported with ``track`` once known. ``track_with_reservation`` settles a
``Reservation`` made elsewhere (another service holding credits against a lease) with one
track event carrying the lease, whose idempotency key comes from the reservation so that a
retried settle is never billed twice.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from . import _validation
from ._flags import CheckFlagOptions, EventUsage, usage_quantity

if TYPE_CHECKING:
    from .models.features import CheckFlagResponseData, FeatureEntitlement

RESERVATION_IDEMPOTENCY_PREFIX = "lease-reservation:"
DEFAULT_RESERVATION_TTL = 60.0
MAX_RESERVATION_TTL = 3600.0

CreditLeaseMode = Literal["client", "server", "auto"]
OnAcquireFailure = Literal["fail-closed", "fail-open"]


@dataclass
class CheckOptions:
    """Options for ``check``.

    Attributes:
        usage: units of the feature the operation will use (a finite number >= 0); the
            check answers as if they were already recorded.
        event_subtype: the event the usage is recorded under (e.g. ``"inference_tokens"``),
            when the flag meters more than one.
        on_acquire_failure: ``"fail-closed"`` (default): a check that gets no answer is not
            allowed; ``"fail-open"``: it is answered with ``default_value``, else the
            client's flag default.
        default_value: a bool, or a function of no arguments returning one.
        timeout: seconds the check may take; the client's ``flag_check_timeout`` if unset.
    """

    usage: float | None = None
    event_subtype: str | None = None
    on_acquire_failure: OnAcquireFailure = "fail-closed"
    default_value: bool | Callable[[], bool] | None = None
    timeout: float | None = None

    def __post_init__(self) -> None:
        self.flag_options()

    def flag_options(self) -> CheckFlagOptions:
        """The options of the flag check ``check`` makes; TypeError or ValueError naming a
        bad field."""
        if self.on_acquire_failure not in ("fail-closed", "fail-open"):
            raise ValueError(
                'on_acquire_failure must be "fail-closed" or "fail-open", '
                f"got {self.on_acquire_failure!r}"
            )
        if self.event_subtype is not None and (
            type(self.event_subtype) is not str or not self.event_subtype.strip()
        ):
            raise TypeError(f"event_subtype must be a non-empty str, got {self.event_subtype!r}")
        if self.usage is not None:
            usage_quantity("usage", self.usage)
        usage = None if self.event_subtype is not None else self.usage
        event_usage = (
            EventUsage(self.event_subtype, self.usage)
            if self.event_subtype is not None and self.usage is not None
            else None
        )
        return CheckFlagOptions(
            default_value=self.default_value,
            timeout=self.timeout,
            usage=usage,
            event_usage=event_usage,
        )


@dataclass
class Reservation:
    """Credits held for one operation, to be settled with ``track_with_reservation``.

    Attributes:
        id: the reservation's id; the settling event's idempotency key derives from it.
        lease_id: the credit lease the hold draws on; the settling event carries it.
        mode: where the hold lives.
        company_id, credit_type_id: whose credits, of which type.
        event_subtype: the event the settling usage is recorded under.
        quantity_reserved, credits_reserved, consumption_rate: the size of the hold.
        expires_at: when an unsettled hold is refunded.
        company, user: the keys the settling event is attributed to.
    """

    id: str
    lease_id: str
    mode: Literal["client", "server"]
    company_id: str
    credit_type_id: str
    event_subtype: str
    quantity_reserved: float
    credits_reserved: float
    consumption_rate: float
    expires_at: datetime
    company: dict[str, str] | None = None
    user: dict[str, str] | None = None


@dataclass
class CheckResult:
    """What ``check`` answers.

    Attributes:
        allowed: whether the operation may go ahead.
        value: the flag's value; equal to ``allowed`` unless the check failed closed.
        reason: why, in the API's words or the SDK's.
        flag_key: the flag checked.
        reservation: the credits held for the operation; always None here (see the
            module's notes), so report the usage with ``track``.
        entitlement: the company's entitlement to the feature, when the API gave one.
        flag_id: the flag's id, when known.
        error: what went wrong, when the check could not be answered.
    """

    allowed: bool
    value: bool
    reason: str
    flag_key: str
    reservation: Reservation | None = None
    entitlement: FeatureEntitlement | None = None
    flag_id: str | None = None
    error: str | None = None


@dataclass
class TrackWithReservationOptions:
    """Extras for ``track_with_reservation``: ``traits`` sent with the settling event."""

    traits: dict[str, Any] | None = None


@dataclass
class LeaseConfigOverride:
    """Per-credit-type values of ``CreditLeaseConfig``'s lease settings."""

    default_lease_duration: float | None = None
    default_lease_size: float | None = None
    low_water_mark: float | None = None
    default_reservation_ttl: float | None = None


@dataclass
class CreditLeaseConfig:
    """Credit holds for ``check``, as configured for the official SDK.

    Accepted so that such configurations keep working; every field is checked. This SDK
    takes no holds (see the module's notes): ``check`` preflights the usage instead, and
    the client says so once when it is built with this setting.
    """

    mode: CreditLeaseMode = "auto"
    default_reservation_ttl: float = DEFAULT_RESERVATION_TTL
    default_lease_duration: float | None = None
    default_lease_size: float | None = None
    low_water_mark: float | None = None
    sweep_interval: float | None = None
    prewarm_resolve_timeout: float | None = None
    redis_client: Any = None
    redis_key_prefix: str | None = None
    overrides: dict[str, LeaseConfigOverride] | None = None

    def __post_init__(self) -> None:
        self.validate()

    def validate(self, prefix: str = "") -> None:
        """Raise TypeError or ValueError naming a bad field (``prefix`` comes first)."""
        if self.mode not in ("client", "server", "auto"):
            raise ValueError(
                f'{prefix}mode must be "client", "server" or "auto", got {self.mode!r}'
            )
        _validation.seconds(f"{prefix}default_reservation_ttl", self.default_reservation_ttl)
        for name in ("default_lease_duration", "default_lease_size", "sweep_interval"):
            _validation.seconds(f"{prefix}{name}", getattr(self, name), optional=True)
        _validation.seconds(
            f"{prefix}prewarm_resolve_timeout",
            self.prewarm_resolve_timeout,
            optional=True,
            zero=True,
        )
        mark = self.low_water_mark
        if mark is not None and (
            type(mark) not in (int, float) or not math.isfinite(mark) or not 0 <= mark <= 1
        ):
            raise ValueError(f"{prefix}low_water_mark must be between 0 and 1, got {mark!r}")
        if self.redis_key_prefix is not None and type(self.redis_key_prefix) is not str:
            raise TypeError(
                f"{prefix}redis_key_prefix must be a str, got {self.redis_key_prefix!r}"
            )
        if self.overrides is not None:
            if not isinstance(self.overrides, Mapping):
                raise TypeError(f"{prefix}overrides must be a dict of credit type id to overrides")
            for credit_type, override in self.overrides.items():
                if not isinstance(override, LeaseConfigOverride):
                    raise TypeError(
                        f"{prefix}overrides[{credit_type!r}] must be a LeaseConfigOverride, "
                        f"got {type(override).__name__}"
                    )


def check_result(
    flag_key: str, answer: CheckFlagResponseData, options: CheckOptions | None, failed: bool
) -> CheckResult:
    """``check``'s answer from the flag check's. ``failed``: the check had usage to gate
    and got no answer from the API, so it fails closed unless told to fail open."""
    value = answer.value is True
    allowed = value
    if failed and options is not None and options.on_acquire_failure == "fail-closed":
        allowed = False
    return CheckResult(
        allowed=allowed,
        value=value,
        reason=answer.reason or "",
        flag_key=answer.flag or flag_key,
        entitlement=answer.entitlement,
        flag_id=answer.flag_id,
        error=answer.error,
    )
