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
    flag_key: str | None
    reason: str | None
    value: bool | None
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
    account_id: str | None
    billing_product_ids: list[str] | None
    credit_balances: dict[str, float] | None
    environment_id: str | None
    id: str | None
    keys: dict[str, str] | None
    metrics: list[RulesengineCompanyMetric] | None
    plan_ids: list[str] | None
    plan_version_ids: list[str] | None
    rules: list[RulesengineRule] | None
    traits: list[RulesengineTrait] | None
    base_plan_id: str | None = None
    entitlements: list[RulesengineFeatureEntitlement] | None = None
    subscription: RulesengineSubscription | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCompanyMetric(Model):
    account_id: str | None
    company_id: str | None
    created_at: datetime | None
    environment_id: str | None
    event_subtype: str | None
    month_reset: RulesengineMetricPeriodMonthReset | None
    period: RulesengineMetricPeriod | None
    value: int | None
    valid_until: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineCondition(Model):
    account_id: str | None
    condition_type: RulesengineConditionType | None
    environment_id: str | None
    id: str | None
    operator: ComparableOperator | None
    resource_ids: list[str] | None
    trait_value: str | None
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
    conditions: list[RulesengineCondition] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineFeatureEntitlement(Model):
    feature_id: str | None
    feature_key: str | None
    value_type: RulesengineEntitlementValueType | None
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
    account_id: str | None
    default_value: bool | None
    environment_id: str | None
    id: str | None
    key: str | None
    rules: list[RulesengineRule] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineRule(Model):
    account_id: str | None
    condition_groups: list[RulesengineConditionGroup] | None
    conditions: list[RulesengineCondition] | None
    environment_id: str | None
    id: str | None
    name: str | None
    priority: int | None
    rule_type: RulesengineRuleType | None
    value: bool | None
    flag_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineSubscription(Model):
    id: str | None
    period_end: datetime | None
    period_start: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineTrait(Model):
    value: str | None
    trait_definition: RulesengineTraitDefinition | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineTraitDefinition(Model):
    comparable_type: Literal["bool", "date", "int", "string"] | None
    entity_type: RulesengineEntityType | None
    id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineUser(Model):
    account_id: str | None
    environment_id: str | None
    id: str | None
    keys: dict[str, str] | None
    rules: list[RulesengineRule] | None
    traits: list[RulesengineTrait] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class RulesengineWarningTier(Model):
    key: str | None
    value: int | None
