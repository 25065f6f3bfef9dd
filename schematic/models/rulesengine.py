"""Models for the rules-engine entities DataStream delivers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from ._base import Model

if TYPE_CHECKING:
    from .features import ComparableOperator


RulesEngineSchemaVersion = Literal["vc8eb8df4", "placeholder-for-fern-compatibility"]

RulesengineConditionType = Literal[
    "base_plan",
    "billing_product",
    "company",
    "credit",
    "metric",
    "plan",
    "plan_version",
    "trait",
    "user",
]

RulesengineEntitlementValueType = Literal[
    "boolean", "credit", "numeric", "trait", "unknown", "unlimited"
]

RulesengineEntityType = Literal["company", "user"]

RulesengineMetricPeriod = Literal["all_time", "current_day", "current_month", "current_week"]

RulesengineMetricPeriodMonthReset = Literal["billing_cycle", "first_of_month"]

RulesengineRuleType = Literal[
    "company_override",
    "company_override_usage_exceeded",
    "default",
    "global_override",
    "plan_entitlement",
    "plan_entitlement_usage_exceeded",
    "standard",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCheckFlagResult(Model):
    flag_key: str
    reason: str
    value: bool
    company_id: str | None = None
    entitlement: RulesengineFeatureEntitlement | None = None
    err: str | None = None
    feature_allocation: int | None = None
    feature_usage: int | None = None
    feature_usage_event: str | None = None
    feature_usage_period: RulesengineMetricPeriod | None = None
    feature_usage_reset_at: datetime | None = None
    flag_id: str | None = None
    rule_id: str | None = None
    rule_type: RulesengineRuleType | None = None
    user_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCompany(Model):
    account_id: str
    billing_product_ids: list[str]
    credit_balances: dict[str, float]
    environment_id: str
    id: str
    keys: dict[str, str]
    metrics: list[RulesengineCompanyMetric]
    plan_ids: list[str]
    plan_version_ids: list[str]
    rules: list[RulesengineRule]
    traits: list[RulesengineTrait]
    base_plan_id: str | None = None
    entitlements: list[RulesengineFeatureEntitlement] | None = None
    subscription: RulesengineSubscription | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCompanyMetric(Model):
    account_id: str
    company_id: str
    created_at: datetime
    environment_id: str
    event_subtype: str
    month_reset: RulesengineMetricPeriodMonthReset
    period: RulesengineMetricPeriod
    value: int
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCondition(Model):
    account_id: str
    condition_type: RulesengineConditionType
    environment_id: str
    id: str
    operator: ComparableOperator
    resource_ids: list[str]
    trait_value: str
    comparison_trait_definition: RulesengineTraitDefinition | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    event_subtype: str | None = None
    metric_period: RulesengineMetricPeriod | None = None
    metric_period_month_reset: RulesengineMetricPeriodMonthReset | None = None
    metric_value: int | None = None
    trait_definition: RulesengineTraitDefinition | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineConditionGroup(Model):
    conditions: list[RulesengineCondition]


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineFeatureEntitlement(Model):
    feature_id: str
    feature_key: str
    value_type: RulesengineEntitlementValueType
    allocation: int | None = None
    consumption_rate: float | None = None
    credit_id: str | None = None
    credit_remaining: float | None = None
    credit_reserved: float | None = None
    credit_settled: float | None = None
    credit_total: float | None = None
    credit_used: float | None = None
    event_name: str | None = None
    event_subtype: str | None = None
    metric_period: RulesengineMetricPeriod | None = None
    metric_reset_at: datetime | None = None
    month_reset: RulesengineMetricPeriodMonthReset | None = None
    soft_limit: int | None = None
    usage: int | None = None
    warning_tiers: list[RulesengineWarningTier] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineFlag(Model):
    account_id: str
    default_value: bool
    environment_id: str
    id: str
    key: str
    rules: list[RulesengineRule]


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineRule(Model):
    account_id: str
    condition_groups: list[RulesengineConditionGroup]
    conditions: list[RulesengineCondition]
    environment_id: str
    id: str
    name: str
    priority: int
    rule_type: RulesengineRuleType
    value: bool
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineSubscription(Model):
    id: str
    period_end: datetime
    period_start: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineTrait(Model):
    value: str
    trait_definition: RulesengineTraitDefinition | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineTraitDefinition(Model):
    comparable_type: Literal["bool", "date", "int", "string"]
    entity_type: RulesengineEntityType
    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineUser(Model):
    account_id: str
    environment_id: str
    id: str
    keys: dict[str, str]
    rules: list[RulesengineRule]
    traits: list[RulesengineTrait]


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineWarningTier(Model):
    key: str
    value: int
