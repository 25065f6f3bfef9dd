"""``client.features``: features, flags and flag checks."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.billing import BillingProviderType, DeleteResponse
from ..models.companies import CountResponse
from ..models.features import (
    CheckFlagRequestBody,
    CheckFlagResponseData,
    CheckFlagsBulkResponseData,
    CheckFlagsResponseData,
    CreateOrUpdateFlagRequestBody,
    CreateOrUpdateRuleRequestBody,
    FeatureDetailResponseData,
    FeatureLifecyclePhase,
    FeatureType,
    FlagDetailResponseData,
    FlagType,
    PreflightRequestBody,
    RulesDetailResponseData,
)
from ._base import RequestOptions, Resource


class FeaturesResource(Resource):
    """Features, flags and flag checks."""

    def list_features(
        self,
        *,
        boolean_require_event: bool | None = None,
        feature_type: Sequence[FeatureType] | None = None,
        ids: Sequence[str] | None = None,
        managed_by: BillingProviderType | None = None,
        plan_version_id: str | None = None,
        q: str | None = None,
        without_company_override_for: str | None = None,
        without_plan_entitlement_for: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FeatureDetailResponseData]]:
        """List features: ``GET /features``."""
        return self._call(
            "GET",
            "/features",
            query={
                "boolean_require_event": boolean_require_event,
                "feature_type": feature_type,
                "ids": ids,
                "managed_by": managed_by,
                "plan_version_id": plan_version_id,
                "q": q,
                "without_company_override_for": without_company_override_for,
                "without_plan_entitlement_for": without_plan_entitlement_for,
                "limit": limit,
                "offset": offset,
            },
            parse=[FeatureDetailResponseData],
            request_options=request_options,
        )

    def iter_features(
        self,
        *,
        boolean_require_event: bool | None = None,
        feature_type: Sequence[FeatureType] | None = None,
        ids: Sequence[str] | None = None,
        managed_by: BillingProviderType | None = None,
        plan_version_id: str | None = None,
        q: str | None = None,
        without_company_override_for: str | None = None,
        without_plan_entitlement_for: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FeatureDetailResponseData]:
        """Every item ``list_features`` finds, fetched ``page_size`` at a time.

        Requests ``GET /features`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_features``.
        """
        return self._iterate(
            self.list_features,
            page_size,
            boolean_require_event=boolean_require_event,
            feature_type=feature_type,
            ids=ids,
            managed_by=managed_by,
            plan_version_id=plan_version_id,
            q=q,
            without_company_override_for=without_company_override_for,
            without_plan_entitlement_for=without_plan_entitlement_for,
            request_options=request_options,
        )

    def create_feature(
        self,
        *,
        description: str,
        feature_type: FeatureType,
        name: str,
        event_subtype: str | None = None,
        flag: CreateOrUpdateFlagRequestBody | Mapping[str, Any] | None = None,
        icon: str | None = None,
        lifecycle_phase: FeatureLifecyclePhase | None = None,
        maintainer_account_member_id: str | None = None,
        plural_name: str | None = None,
        singular_name: str | None = None,
        trait_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureDetailResponseData]:
        """Create feature: ``POST /features``."""
        return self._call(
            "POST",
            "/features",
            body={
                "description": description,
                "event_subtype": event_subtype,
                "feature_type": feature_type,
                "flag": flag,
                "icon": icon,
                "lifecycle_phase": lifecycle_phase,
                "maintainer_account_member_id": maintainer_account_member_id,
                "name": name,
                "plural_name": plural_name,
                "singular_name": singular_name,
                "trait_id": trait_id,
            },
            parse=FeatureDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_feature(
        self,
        feature_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureDetailResponseData]:
        """Get feature: ``GET /features/{feature_id}``."""
        return self._call(
            "GET",
            self._path("/features/{feature_id}", feature_id=feature_id),
            parse=FeatureDetailResponseData,
            request_options=request_options,
        )

    def update_feature(
        self,
        feature_id: str,
        *,
        description: str | None = None,
        event_subtype: str | None = None,
        feature_type: FeatureType | None = None,
        flag: CreateOrUpdateFlagRequestBody | Mapping[str, Any] | None = None,
        icon: str | None = None,
        lifecycle_phase: FeatureLifecyclePhase | None = None,
        maintainer_account_member_id: str | None = None,
        name: str | None = None,
        plural_name: str | None = None,
        singular_name: str | None = None,
        trait_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureDetailResponseData]:
        """Update feature: ``PUT /features/{feature_id}``."""
        return self._call(
            "PUT",
            self._path("/features/{feature_id}", feature_id=feature_id),
            body={
                "description": description,
                "event_subtype": event_subtype,
                "feature_type": feature_type,
                "flag": flag,
                "icon": icon,
                "lifecycle_phase": lifecycle_phase,
                "maintainer_account_member_id": maintainer_account_member_id,
                "name": name,
                "plural_name": plural_name,
                "singular_name": singular_name,
                "trait_id": trait_id,
            },
            parse=FeatureDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_feature(
        self,
        feature_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete feature: ``DELETE /features/{feature_id}``."""
        return self._call(
            "DELETE",
            self._path("/features/{feature_id}", feature_id=feature_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def upsert_feature_for_billing_product(
        self,
        *,
        billing_provider: BillingProviderType,
        description: str,
        external_resource_id: str,
        feature_type: FeatureType,
        name: str,
        event_subtype: str | None = None,
        flag: CreateOrUpdateFlagRequestBody | Mapping[str, Any] | None = None,
        icon: str | None = None,
        lifecycle_phase: FeatureLifecyclePhase | None = None,
        maintainer_account_member_id: str | None = None,
        plural_name: str | None = None,
        singular_name: str | None = None,
        trait_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FeatureDetailResponseData]:
        """Upsert feature for billing product: ``POST /features/billing-linked``."""
        return self._call(
            "POST",
            "/features/billing-linked",
            body={
                "billing_provider": billing_provider,
                "description": description,
                "event_subtype": event_subtype,
                "external_resource_id": external_resource_id,
                "feature_type": feature_type,
                "flag": flag,
                "icon": icon,
                "lifecycle_phase": lifecycle_phase,
                "maintainer_account_member_id": maintainer_account_member_id,
                "name": name,
                "plural_name": plural_name,
                "singular_name": singular_name,
                "trait_id": trait_id,
            },
            parse=FeatureDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def count_features(
        self,
        *,
        boolean_require_event: bool | None = None,
        feature_type: Sequence[FeatureType] | None = None,
        ids: Sequence[str] | None = None,
        managed_by: BillingProviderType | None = None,
        plan_version_id: str | None = None,
        q: str | None = None,
        without_company_override_for: str | None = None,
        without_plan_entitlement_for: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count features: ``GET /features/count``."""
        return self._call(
            "GET",
            "/features/count",
            query={
                "boolean_require_event": boolean_require_event,
                "feature_type": feature_type,
                "ids": ids,
                "managed_by": managed_by,
                "plan_version_id": plan_version_id,
                "q": q,
                "without_company_override_for": without_company_override_for,
                "without_plan_entitlement_for": without_plan_entitlement_for,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_flags(
        self,
        *,
        feature_id: str | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[FlagDetailResponseData]]:
        """List flags: ``GET /flags``."""
        return self._call(
            "GET",
            "/flags",
            query={"feature_id": feature_id, "ids": ids, "q": q, "limit": limit, "offset": offset},
            parse=[FlagDetailResponseData],
            request_options=request_options,
        )

    def iter_flags(
        self,
        *,
        feature_id: str | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[FlagDetailResponseData]:
        """Every item ``list_flags`` finds, fetched ``page_size`` at a time.

        Requests ``GET /flags`` with ``limit`` and ``offset`` as the iterator is consumed,
        and stops after a page shorter than ``page_size`` (1 to 250). Takes the filters of
        ``list_flags``.
        """
        return self._iterate(
            self.list_flags,
            page_size,
            feature_id=feature_id,
            ids=ids,
            q=q,
            request_options=request_options,
        )

    def create_flag(
        self,
        *,
        default_value: bool,
        description: str,
        flag_type: FlagType,
        key: str,
        name: str,
        feature_id: str | None = None,
        maintainer_account_member_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FlagDetailResponseData]:
        """Create flag: ``POST /flags``."""
        return self._call(
            "POST",
            "/flags",
            body={
                "default_value": default_value,
                "description": description,
                "feature_id": feature_id,
                "flag_type": flag_type,
                "key": key,
                "maintainer_account_member_id": maintainer_account_member_id,
                "name": name,
            },
            parse=FlagDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_flag(
        self,
        flag_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[FlagDetailResponseData]:
        """Get flag: ``GET /flags/{flag_id}``."""
        return self._call(
            "GET",
            self._path("/flags/{flag_id}", flag_id=flag_id),
            parse=FlagDetailResponseData,
            request_options=request_options,
        )

    def update_flag(
        self,
        flag_id: str,
        *,
        default_value: bool,
        description: str,
        flag_type: FlagType,
        key: str,
        name: str,
        feature_id: str | None = None,
        maintainer_account_member_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[FlagDetailResponseData]:
        """Update flag: ``PUT /flags/{flag_id}``."""
        return self._call(
            "PUT",
            self._path("/flags/{flag_id}", flag_id=flag_id),
            body={
                "default_value": default_value,
                "description": description,
                "feature_id": feature_id,
                "flag_type": flag_type,
                "key": key,
                "maintainer_account_member_id": maintainer_account_member_id,
                "name": name,
            },
            parse=FlagDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_flag(
        self,
        flag_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete flag: ``DELETE /flags/{flag_id}``."""
        return self._call(
            "DELETE",
            self._path("/flags/{flag_id}", flag_id=flag_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def update_flag_rules(
        self,
        flag_id: str,
        *,
        rules: Sequence[CreateOrUpdateRuleRequestBody | Mapping[str, Any]],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[RulesDetailResponseData]:
        """Update flag rules: ``PUT /flags/{flag_id}/rules``."""
        return self._call(
            "PUT",
            self._path("/flags/{flag_id}/rules", flag_id=flag_id),
            body={"rules": rules},
            parse=RulesDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def check_flag(
        self,
        key: str,
        *,
        company: Mapping[str, str] | None = None,
        preflight: PreflightRequestBody | Mapping[str, Any] | None = None,
        user: Mapping[str, str] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CheckFlagResponseData]:
        """Check flag: ``POST /flags/{key}/check``."""
        return self._call(
            "POST",
            self._path("/flags/{key}/check", key=key),
            body={"company": company, "preflight": preflight, "user": user},
            parse=CheckFlagResponseData,
            request=request,
            request_options=request_options,
        )

    def check_flags(
        self,
        *,
        company: Mapping[str, str] | None = None,
        preflight: PreflightRequestBody | Mapping[str, Any] | None = None,
        user: Mapping[str, str] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CheckFlagsResponseData]:
        """Check flags: ``POST /flags/check``."""
        return self._call(
            "POST",
            "/flags/check",
            body={"company": company, "preflight": preflight, "user": user},
            parse=CheckFlagsResponseData,
            request=request,
            request_options=request_options,
        )

    def check_flags_bulk(
        self,
        *,
        contexts: Sequence[CheckFlagRequestBody | Mapping[str, Any]],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CheckFlagsBulkResponseData]:
        """Check flags bulk: ``POST /flags/check-bulk``."""
        return self._call(
            "POST",
            "/flags/check-bulk",
            body={"contexts": contexts},
            parse=CheckFlagsBulkResponseData,
            request=request,
            request_options=request_options,
        )

    def count_flags(
        self,
        *,
        feature_id: str | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count flags: ``GET /flags/count``."""
        return self._call(
            "GET",
            "/flags/count",
            query={"feature_id": feature_id, "ids": ids, "q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )
