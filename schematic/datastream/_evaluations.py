"""Engine results remembered by the identity of the objects they were computed from.

The caches never change a stored object in place: every update stores a new one. So an
answer computed from one flag object, one company object and one user object stays right
for as long as those three objects are the ones cached, with one exception: time. A result
depends on the clock only through its usage period's next reset, which moves at UTC
midnight, at the reset itself, and when the subscription's period starts or ends. Each
remembered result carries the first of those moments and is recomputed from then on.

Input is checked once per object rather than once per evaluation: the production engine
rejects malformed input as a whole, and so does this one, but an object that passed stays
good because it never changes.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from ..models.features import CheckFlagResponseData
from ._validate import EngineInputError, check_company, check_flag, check_user
from ._values import parse_rfc3339
from .engine import _evaluate

DEFAULT_KEPT = 2048  # bounds the superseded objects kept alive, too

# Subscription dates repeat across companies and evaluations; parsing them is not cheap.
_parse_date = functools.lru_cache(maxsize=1024)(parse_rfc3339)

Result = tuple[CheckFlagResponseData, float]  # the result, and the time.time() it is good until


class Evaluations:
    """Evaluate flags, remembering up to ``kept`` results and checked objects.

    Every entry holds the objects it was made from, so their ``id()`` cannot be reused
    while the entry exists.
    """

    def __init__(self, logger: logging.Logger, kept: int = DEFAULT_KEPT) -> None:
        self._log = logger
        self._kept = kept
        self._results: dict[tuple[int, int, int], tuple[Any, Any, Any, Result]] = {}
        self._checked: dict[int, tuple[Any, bool]] = {}
        self.computed = 0  # evaluations actually run, for tests and stats

    def evaluate(self, flag: Any, company: Any, user: Any, now: float) -> Result | None:
        """The result for these objects at ``now`` (seconds since the epoch).

        None when the production engine would refuse the input; the caller then asks the
        API instead.
        """
        key = (id(flag), id(company), id(user))
        hit = self._results.get(key)
        if (
            hit is not None
            and hit[0] is flag
            and hit[1] is company
            and hit[2] is user
            and now < hit[3][1]
        ):
            return hit[3]
        if not (
            self._valid(flag, check_flag)
            and (company is None or self._valid(company, check_company))
            and (user is None or self._valid(user, check_user))
        ):
            return None
        moment = datetime.fromtimestamp(now, timezone.utc)
        result = _evaluate(flag, company, user, {}, moment)
        self.computed += 1
        outcome = (result, good_until(result, company, moment))
        if len(self._results) >= self._kept:
            self._results.clear()
        self._results[key] = (flag, company, user, outcome)
        return outcome

    def _valid(self, obj: Any, check: Callable[[Any], None]) -> bool:
        seen = self._checked.get(id(obj))
        if seen is not None and seen[0] is obj:
            return seen[1]
        try:
            check(obj)
            ok = True
        except EngineInputError as exc:
            ok = False
            self._log.warning("DataStream sent data the rules engine rejects: %s", exc)
        if len(self._checked) >= self._kept:
            self._checked.clear()
        self._checked[id(obj)] = (obj, ok)
        return ok


def good_until(result: CheckFlagResponseData, company: Any, now: datetime) -> float:
    """The time (``time.time()`` scale) until which ``result`` holds for the same input."""
    until = datetime(now.year, now.month, now.day, tzinfo=timezone.utc) + timedelta(days=1)
    moments: list[datetime | None] = [result.feature_usage_reset_at]
    subscription = company.get("subscription") if company is not None else None
    if subscription is not None:
        moments += [_parse_date(subscription[k]) for k in ("period_start", "period_end")]
    for moment in moments:
        if moment is not None and now < moment < until:
            until = moment
    return until.timestamp()


def flag_check_body(result: CheckFlagResponseData, company: Any, user: Any) -> dict[str, Any]:
    """The ``flag_check`` event a local check sends, so that analytics match API checks."""
    body: dict[str, Any] = {
        "flag_key": result.flag,
        "value": result.value,
        "reason": result.reason,
        "rule_id": result.rule_id,
        "flag_id": result.flag_id,
        "company_id": result.company_id,
        "user_id": result.user_id,
        "req_company": dict(company) if company else None,
        "req_user": dict(user) if user else None,
    }
    if result.error is not None:
        body["error"] = result.error
    return body
