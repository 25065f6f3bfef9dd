"""Models for usage insights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ._base import Model


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityEntryResponseData(Model):
    actor_name: str
    method: str
    resource_name: str
    resource_type: str
    timestamp: datetime
    title: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityResponseResponseData(Model):
    entries: list[ActivityEntryResponseData]


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentFeatureUsageTimeSeriesResponseData(Model):
    event_subtype: str
    feature_id: str
    points: list[EnvironmentUsagePointResponseData]


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentTraitUsageTimeSeriesResponseData(Model):
    feature_id: str
    points: list[EnvironmentUsagePointResponseData]
    trait_definition_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentUsagePointResponseData(Model):
    timestamp: datetime
    usage: int


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightsSummaryResponseData(Model):
    active_credits: float
    mrr: list[MrrResponseData]
    paid_companies: int
    total_companies: int
    total_features: int
    total_plans: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MrrResponseData(Model):
    amount: int
    currency: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGrowthPointResponseData(Model):
    month: datetime
    plan_id: str
    plan_name: str
    subscribers: int


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGrowthResponseData(Model):
    points: list[PlanGrowthPointResponseData]


@dataclass(frozen=True, slots=True, kw_only=True)
class TopFeatureByUsageResponseData(Model):
    feature_id: str
    feature_name: str
    prior_usage: int
    usage: int
    change_pct: float | None = None
    plural_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TopFeaturesByUsageResponseData(Model):
    features: list[TopFeatureByUsageResponseData]
