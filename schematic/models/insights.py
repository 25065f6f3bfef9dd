"""Models for usage insights."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ._base import Model


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityEntryResponseData(Model):
    actor_name: str | None
    method: str | None
    resource_name: str | None
    resource_type: str | None
    timestamp: datetime | None
    title: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class ActivityResponseResponseData(Model):
    entries: list[ActivityEntryResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentFeatureUsageTimeSeriesResponseData(Model):
    event_subtype: str | None
    feature_id: str | None
    points: list[EnvironmentUsagePointResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentTraitUsageTimeSeriesResponseData(Model):
    feature_id: str | None
    points: list[EnvironmentUsagePointResponseData] | None
    trait_definition_id: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class EnvironmentUsagePointResponseData(Model):
    timestamp: datetime | None
    usage: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class InsightsSummaryResponseData(Model):
    active_credits: float | None
    mrr: list[MrrResponseData] | None
    paid_companies: int | None
    total_companies: int | None
    total_features: int | None
    total_plans: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MrrResponseData(Model):
    amount: int | None
    currency: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGrowthPointResponseData(Model):
    month: datetime | None
    plan_id: str | None
    plan_name: str | None
    subscribers: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanGrowthResponseData(Model):
    points: list[PlanGrowthPointResponseData] | None


@dataclass(frozen=True, slots=True, kw_only=True)
class TopFeatureByUsageResponseData(Model):
    feature_id: str | None
    feature_name: str | None
    prior_usage: int | None
    usage: int | None
    change_pct: float | None = None
    plural_name: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TopFeaturesByUsageResponseData(Model):
    features: list[TopFeatureByUsageResponseData] | None
