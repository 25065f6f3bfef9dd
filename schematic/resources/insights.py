"""``client.insights``: usage insights."""

from __future__ import annotations

from datetime import datetime

from ..models._base import Response
from ..models.entitlements import TimeSeriesGranularity
from ..models.insights import (
    ActivityResponseResponseData,
    EnvironmentFeatureUsageTimeSeriesResponseData,
    EnvironmentTraitUsageTimeSeriesResponseData,
    InsightsSummaryResponseData,
    PlanGrowthResponseData,
    TopFeaturesByUsageResponseData,
)
from ._base import RequestOptions, Resource


class InsightsResource(Resource):
    """Usage insights."""

    def get_activity(
        self,
        *,
        limit: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ActivityResponseResponseData]:
        """Get activity: ``GET /insights/activity``."""
        return self._call(
            "GET",
            "/insights/activity",
            query={"limit": limit},
            parse=ActivityResponseResponseData,
            request_options=request_options,
        )

    def get_environment_feature_usage_time_series(
        self,
        *,
        end_time: datetime,
        feature_id: str,
        start_time: datetime,
        granularity: TimeSeriesGranularity | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EnvironmentFeatureUsageTimeSeriesResponseData]:
        """Get environment feature usage time series: ``GET /insights/feature-usage-timeseries``."""
        return self._call(
            "GET",
            "/insights/feature-usage-timeseries",
            query={
                "end_time": end_time,
                "feature_id": feature_id,
                "granularity": granularity,
                "start_time": start_time,
            },
            parse=EnvironmentFeatureUsageTimeSeriesResponseData,
            request_options=request_options,
        )

    def get_plan_growth(
        self,
        *,
        months: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanGrowthResponseData]:
        """Get plan growth: ``GET /insights/plan-growth``."""
        return self._call(
            "GET",
            "/insights/plan-growth",
            query={"months": months},
            parse=PlanGrowthResponseData,
            request_options=request_options,
        )

    def get_summary(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[InsightsSummaryResponseData]:
        """Get summary: ``GET /insights/summary``."""
        return self._call(
            "GET",
            "/insights/summary",
            parse=InsightsSummaryResponseData,
            request_options=request_options,
        )

    def get_top_features_by_usage(
        self,
        *,
        end_time: datetime,
        start_time: datetime,
        limit: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[TopFeaturesByUsageResponseData]:
        """Get top features by usage: ``GET /insights/top-features``."""
        return self._call(
            "GET",
            "/insights/top-features",
            query={"end_time": end_time, "limit": limit, "start_time": start_time},
            parse=TopFeaturesByUsageResponseData,
            request_options=request_options,
        )

    def get_environment_trait_usage_time_series(
        self,
        *,
        end_time: datetime,
        feature_id: str,
        start_time: datetime,
        granularity: TimeSeriesGranularity | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EnvironmentTraitUsageTimeSeriesResponseData]:
        """Get environment trait usage time series: ``GET /insights/trait-usage-timeseries``."""
        return self._call(
            "GET",
            "/insights/trait-usage-timeseries",
            query={
                "end_time": end_time,
                "feature_id": feature_id,
                "granularity": granularity,
                "start_time": start_time,
            },
            parse=EnvironmentTraitUsageTimeSeriesResponseData,
            request_options=request_options,
        )
