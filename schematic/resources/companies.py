"""``client.companies``: companies, users, keys, traits and memberships."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.companies import (
    CompanyBillingEntityResponseData,
    CompanyBillingEntitySubscriptionResponseData,
    CompanyDetailResponseData,
    CompanyMembershipDetailResponseData,
    CompanyResponseData,
    CompanySubscriptionResponseData,
    CountResponse,
    EntityKeyDefinitionResponseData,
    EntityTraitDefinitionResponseData,
    EntityTraitDefinitionUsage,
    EntityTraitValue,
    EntityType,
    PlanChangeAction,
    PlanChangeBasePlanAction,
    PlanChangeResponseData,
    PlanTraitResponseData,
    SortDirection,
    SubscriptionStatus,
    SubscriptionType,
    TraitType,
    UpdatePlanTraitTraitRequestBody,
    UserDetailResponseData,
    UserResponseData,
)
from ._base import RequestOptions, Resource


class CompaniesResource(Resource):
    """Companies, users, keys, traits and memberships."""

    def list_companies(
        self,
        *,
        credit_type_ids: Sequence[str] | None = None,
        has_scheduled_downgrade: bool | None = None,
        ids: Sequence[str] | None = None,
        monetized_subscriptions: bool | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        plan_version_unpublished: bool | None = None,
        q: str | None = None,
        sort_order_column: str | None = None,
        sort_order_direction: SortDirection | None = None,
        subscription_statuses: Sequence[SubscriptionStatus] | None = None,
        subscription_types: Sequence[SubscriptionType] | None = None,
        with_entitlement_for: str | None = None,
        without_feature_override_for: str | None = None,
        without_plan: bool | None = None,
        without_subscription: bool | None = None,
        with_subscription: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyDetailResponseData]]:
        """List companies: ``GET /companies``."""
        return self._call(
            "GET",
            "/companies",
            query={
                "credit_type_ids": credit_type_ids,
                "has_scheduled_downgrade": has_scheduled_downgrade,
                "ids": ids,
                "monetized_subscriptions": monetized_subscriptions,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "plan_version_unpublished": plan_version_unpublished,
                "q": q,
                "sort_order_column": sort_order_column,
                "sort_order_direction": sort_order_direction,
                "subscription_statuses": subscription_statuses,
                "subscription_types": subscription_types,
                "with_entitlement_for": with_entitlement_for,
                "without_feature_override_for": without_feature_override_for,
                "without_plan": without_plan,
                "without_subscription": without_subscription,
                "with_subscription": with_subscription,
                "limit": limit,
                "offset": offset,
            },
            parse=[CompanyDetailResponseData],
            request_options=request_options,
        )

    def iter_companies(
        self,
        *,
        credit_type_ids: Sequence[str] | None = None,
        has_scheduled_downgrade: bool | None = None,
        ids: Sequence[str] | None = None,
        monetized_subscriptions: bool | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        plan_version_unpublished: bool | None = None,
        q: str | None = None,
        sort_order_column: str | None = None,
        sort_order_direction: SortDirection | None = None,
        subscription_statuses: Sequence[SubscriptionStatus] | None = None,
        subscription_types: Sequence[SubscriptionType] | None = None,
        with_entitlement_for: str | None = None,
        without_feature_override_for: str | None = None,
        without_plan: bool | None = None,
        without_subscription: bool | None = None,
        with_subscription: bool | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CompanyDetailResponseData]:
        """Every item ``list_companies`` finds, fetched ``page_size`` at a time.

        Requests ``GET /companies`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_companies``.
        """
        return self._iterate(
            self.list_companies,
            page_size,
            credit_type_ids=credit_type_ids,
            has_scheduled_downgrade=has_scheduled_downgrade,
            ids=ids,
            monetized_subscriptions=monetized_subscriptions,
            plan_id=plan_id,
            plan_ids=plan_ids,
            plan_version_id=plan_version_id,
            plan_version_ids=plan_version_ids,
            plan_version_unpublished=plan_version_unpublished,
            q=q,
            sort_order_column=sort_order_column,
            sort_order_direction=sort_order_direction,
            subscription_statuses=subscription_statuses,
            subscription_types=subscription_types,
            with_entitlement_for=with_entitlement_for,
            without_feature_override_for=without_feature_override_for,
            without_plan=without_plan,
            without_subscription=without_subscription,
            with_subscription=with_subscription,
            request_options=request_options,
        )

    def upsert_company(
        self,
        *,
        keys: Mapping[str, str],
        base_plan_id: str | None = None,
        base_plan_price_id: str | None = None,
        id: str | None = None,
        last_seen_at: datetime | None = None,
        name: str | None = None,
        prevent_key_remap: bool | None = None,
        remove_keys: Sequence[str] | None = None,
        traits: Mapping[str, Any] | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Upsert company: ``POST /companies``."""
        return self._call(
            "POST",
            "/companies",
            body={
                "base_plan_id": base_plan_id,
                "base_plan_price_id": base_plan_price_id,
                "id": id,
                "keys": keys,
                "last_seen_at": last_seen_at,
                "name": name,
                "prevent_key_remap": prevent_key_remap,
                "remove_keys": remove_keys,
                "traits": traits,
                "update_only": update_only,
            },
            parse=CompanyDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def get_company(
        self,
        company_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Get company: ``GET /companies/{company_id}``."""
        return self._call(
            "GET",
            self._path("/companies/{company_id}", company_id=company_id),
            parse=CompanyDetailResponseData,
            request_options=request_options,
        )

    def delete_company(
        self,
        company_id: str,
        *,
        cancel_subscription: bool | None = None,
        prorate: bool | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete company: ``DELETE /companies/{company_id}``."""
        return self._call(
            "DELETE",
            self._path("/companies/{company_id}", company_id=company_id),
            query={"cancel_subscription": cancel_subscription, "prorate": prorate},
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_companies(
        self,
        *,
        credit_type_ids: Sequence[str] | None = None,
        has_scheduled_downgrade: bool | None = None,
        ids: Sequence[str] | None = None,
        monetized_subscriptions: bool | None = None,
        plan_id: str | None = None,
        plan_ids: Sequence[str] | None = None,
        plan_version_id: str | None = None,
        plan_version_ids: Sequence[str] | None = None,
        plan_version_unpublished: bool | None = None,
        q: str | None = None,
        sort_order_column: str | None = None,
        sort_order_direction: SortDirection | None = None,
        subscription_statuses: Sequence[SubscriptionStatus] | None = None,
        subscription_types: Sequence[SubscriptionType] | None = None,
        with_entitlement_for: str | None = None,
        without_feature_override_for: str | None = None,
        without_plan: bool | None = None,
        without_subscription: bool | None = None,
        with_subscription: bool | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count companies: ``GET /companies/count``."""
        return self._call(
            "GET",
            "/companies/count",
            query={
                "credit_type_ids": credit_type_ids,
                "has_scheduled_downgrade": has_scheduled_downgrade,
                "ids": ids,
                "monetized_subscriptions": monetized_subscriptions,
                "plan_id": plan_id,
                "plan_ids": plan_ids,
                "plan_version_id": plan_version_id,
                "plan_version_ids": plan_version_ids,
                "plan_version_unpublished": plan_version_unpublished,
                "q": q,
                "sort_order_column": sort_order_column,
                "sort_order_direction": sort_order_direction,
                "subscription_statuses": subscription_statuses,
                "subscription_types": subscription_types,
                "with_entitlement_for": with_entitlement_for,
                "without_feature_override_for": without_feature_override_for,
                "without_plan": without_plan,
                "without_subscription": without_subscription,
                "with_subscription": with_subscription,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def create_company(
        self,
        *,
        keys: Mapping[str, str],
        base_plan_id: str | None = None,
        base_plan_price_id: str | None = None,
        id: str | None = None,
        last_seen_at: datetime | None = None,
        name: str | None = None,
        prevent_key_remap: bool | None = None,
        remove_keys: Sequence[str] | None = None,
        traits: Mapping[str, Any] | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Create company: ``POST /companies/create``."""
        return self._call(
            "POST",
            "/companies/create",
            body={
                "base_plan_id": base_plan_id,
                "base_plan_price_id": base_plan_price_id,
                "id": id,
                "keys": keys,
                "last_seen_at": last_seen_at,
                "name": name,
                "prevent_key_remap": prevent_key_remap,
                "remove_keys": remove_keys,
                "traits": traits,
                "update_only": update_only,
            },
            parse=CompanyDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def delete_company_by_keys(
        self,
        *,
        keys: Mapping[str, str],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyResponseData]:
        """Delete company by keys: ``POST /companies/delete``."""
        return self._call(
            "POST",
            "/companies/delete",
            body={"keys": keys},
            parse=CompanyResponseData,
            request=request,
            request_options=request_options,
        )

    def lookup_company(
        self,
        *,
        keys: Mapping[str, str],
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Lookup company: ``GET /companies/lookup``."""
        return self._call(
            "GET",
            "/companies/lookup",
            query={"keys": keys},
            parse=CompanyDetailResponseData,
            request_options=request_options,
        )

    def get_company_billing_entity(
        self,
        *,
        company_id: str,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyBillingEntityResponseData]]:
        """Get company billing entity: ``GET /company-billing-entity``."""
        return self._call(
            "GET",
            "/company-billing-entity",
            query={"company_id": company_id},
            parse=[CompanyBillingEntityResponseData],
            request_options=request_options,
        )

    def get_billing_entity_child_subscriptions(
        self,
        *,
        company_id: str,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyBillingEntitySubscriptionResponseData]]:
        """Get billing entity child subscriptions: ``GET /company-billing-entity-subscriptions``."""
        return self._call(
            "GET",
            "/company-billing-entity-subscriptions",
            query={"company_id": company_id},
            parse=[CompanyBillingEntitySubscriptionResponseData],
            request_options=request_options,
        )

    def list_company_memberships(
        self,
        *,
        company_id: str | None = None,
        user_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanyMembershipDetailResponseData]]:
        """List company memberships: ``GET /company-memberships``."""
        return self._call(
            "GET",
            "/company-memberships",
            query={"company_id": company_id, "user_id": user_id, "limit": limit, "offset": offset},
            parse=[CompanyMembershipDetailResponseData],
            request_options=request_options,
        )

    def iter_company_memberships(
        self,
        *,
        company_id: str | None = None,
        user_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CompanyMembershipDetailResponseData]:
        """Every item ``list_company_memberships`` finds, fetched ``page_size`` at a time.

        Requests ``GET /company-memberships`` with ``limit`` and ``offset`` as the iterator
        is consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_company_memberships``.
        """
        return self._iterate(
            self.list_company_memberships,
            page_size,
            company_id=company_id,
            user_id=user_id,
            request_options=request_options,
        )

    def get_or_create_company_membership(
        self,
        *,
        company_id: str,
        user_id: str,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyMembershipDetailResponseData]:
        """Get or create company membership: ``POST /company-memberships``."""
        return self._call(
            "POST",
            "/company-memberships",
            body={"company_id": company_id, "user_id": user_id},
            parse=CompanyMembershipDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_company_membership(
        self,
        company_membership_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete company membership: ``DELETE /company-memberships/{company_membership_id}``."""
        return self._call(
            "DELETE",
            self._path(
                "/company-memberships/{company_membership_id}",
                company_membership_id=company_membership_id,
            ),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def get_active_company_subscription(
        self,
        *,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[CompanySubscriptionResponseData]]:
        """Get active company subscription: ``GET /company-subscriptions``."""
        return self._call(
            "GET",
            "/company-subscriptions",
            query={
                "company_id": company_id,
                "company_ids": company_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=[CompanySubscriptionResponseData],
            request_options=request_options,
        )

    def iter_active_company_subscription(
        self,
        *,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[CompanySubscriptionResponseData]:
        """Every item ``get_active_company_subscription`` finds, fetched ``page_size`` at a time.

        Requests ``GET /company-subscriptions`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``get_active_company_subscription``.
        """
        return self._iterate(
            self.get_active_company_subscription,
            page_size,
            company_id=company_id,
            company_ids=company_ids,
            request_options=request_options,
        )

    def upsert_company_trait(
        self,
        *,
        keys: Mapping[str, str],
        trait: str,
        incr: int | None = None,
        set: str | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CompanyDetailResponseData]:
        """Upsert company trait: ``POST /company-traits``."""
        return self._call(
            "POST",
            "/company-traits",
            body={
                "incr": incr,
                "keys": keys,
                "set": set,
                "trait": trait,
                "update_only": update_only,
            },
            parse=CompanyDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def list_entity_key_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EntityKeyDefinitionResponseData]]:
        """List entity key definitions: ``GET /entity-key-definitions``."""
        return self._call(
            "GET",
            "/entity-key-definitions",
            query={
                "entity_type": entity_type,
                "ids": ids,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=[EntityKeyDefinitionResponseData],
            request_options=request_options,
        )

    def iter_entity_key_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EntityKeyDefinitionResponseData]:
        """Every item ``list_entity_key_definitions`` finds, fetched ``page_size`` at a time.

        Requests ``GET /entity-key-definitions`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_entity_key_definitions``.
        """
        return self._iterate(
            self.list_entity_key_definitions,
            page_size,
            entity_type=entity_type,
            ids=ids,
            q=q,
            request_options=request_options,
        )

    def delete_entity_key_definition(
        self,
        entity_key_definition_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete entity key definition.

        ``DELETE /entity-key-definitions/{entity_key_definition_id}``.
        """
        return self._call(
            "DELETE",
            self._path(
                "/entity-key-definitions/{entity_key_definition_id}",
                entity_key_definition_id=entity_key_definition_id,
            ),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_entity_key_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count entity key definitions: ``GET /entity-key-definitions/count``."""
        return self._call(
            "GET",
            "/entity-key-definitions/count",
            query={
                "entity_type": entity_type,
                "ids": ids,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def count_entity_keys(
        self,
        *,
        definition_id: str | None = None,
        entity_type: EntityType | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count entity keys: ``GET /entity-keys/count``."""
        return self._call(
            "GET",
            "/entity-keys/count",
            query={
                "definition_id": definition_id,
                "entity_type": entity_type,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_entity_trait_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        trait_type: TraitType | None = None,
        trait_types: Sequence[TraitType] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EntityTraitDefinitionResponseData]]:
        """List entity trait definitions: ``GET /entity-trait-definitions``."""
        return self._call(
            "GET",
            "/entity-trait-definitions",
            query={
                "entity_type": entity_type,
                "ids": ids,
                "q": q,
                "trait_type": trait_type,
                "trait_types": trait_types,
                "limit": limit,
                "offset": offset,
            },
            parse=[EntityTraitDefinitionResponseData],
            request_options=request_options,
        )

    def iter_entity_trait_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        trait_type: TraitType | None = None,
        trait_types: Sequence[TraitType] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EntityTraitDefinitionResponseData]:
        """Every item ``list_entity_trait_definitions`` finds, fetched ``page_size`` at a time.

        Requests ``GET /entity-trait-definitions`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_entity_trait_definitions``.
        """
        return self._iterate(
            self.list_entity_trait_definitions,
            page_size,
            entity_type=entity_type,
            ids=ids,
            q=q,
            trait_type=trait_type,
            trait_types=trait_types,
            request_options=request_options,
        )

    def get_or_create_entity_trait_definition(
        self,
        *,
        entity_type: EntityType,
        hierarchy: Sequence[str],
        trait_type: TraitType,
        display_name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EntityTraitDefinitionResponseData]:
        """Get or create entity trait definition: ``POST /entity-trait-definitions``."""
        return self._call(
            "POST",
            "/entity-trait-definitions",
            body={
                "display_name": display_name,
                "entity_type": entity_type,
                "hierarchy": hierarchy,
                "trait_type": trait_type,
            },
            parse=EntityTraitDefinitionResponseData,
            request=request,
            request_options=request_options,
        )

    def get_entity_trait_definition(
        self,
        entity_trait_definition_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[EntityTraitDefinitionResponseData]:
        """Get entity trait definition.

        ``GET /entity-trait-definitions/{entity_trait_definition_id}``.
        """
        return self._call(
            "GET",
            self._path(
                "/entity-trait-definitions/{entity_trait_definition_id}",
                entity_trait_definition_id=entity_trait_definition_id,
            ),
            parse=EntityTraitDefinitionResponseData,
            request_options=request_options,
        )

    def update_entity_trait_definition(
        self,
        entity_trait_definition_id: str,
        *,
        trait_type: TraitType,
        display_name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EntityTraitDefinitionResponseData]:
        """Update entity trait definition.

        ``PUT /entity-trait-definitions/{entity_trait_definition_id}``.
        """
        return self._call(
            "PUT",
            self._path(
                "/entity-trait-definitions/{entity_trait_definition_id}",
                entity_trait_definition_id=entity_trait_definition_id,
            ),
            body={"display_name": display_name, "trait_type": trait_type},
            parse=EntityTraitDefinitionResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_entity_trait_definition(
        self,
        entity_trait_definition_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete entity trait definition.

        ``DELETE /entity-trait-definitions/{entity_trait_definition_id}``.
        """
        return self._call(
            "DELETE",
            self._path(
                "/entity-trait-definitions/{entity_trait_definition_id}",
                entity_trait_definition_id=entity_trait_definition_id,
            ),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def get_entity_trait_definition_usage(
        self,
        entity_trait_definition_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[EntityTraitDefinitionUsage]:
        """Get entity trait definition usage.

        ``GET /entity-trait-definitions/{entity_trait_definition_id}/usage``.
        """
        return self._call(
            "GET",
            self._path(
                "/entity-trait-definitions/{entity_trait_definition_id}/usage",
                entity_trait_definition_id=entity_trait_definition_id,
            ),
            parse=EntityTraitDefinitionUsage,
            request_options=request_options,
        )

    def count_entity_trait_definitions(
        self,
        *,
        entity_type: EntityType | None = None,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        trait_type: TraitType | None = None,
        trait_types: Sequence[TraitType] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count entity trait definitions: ``GET /entity-trait-definitions/count``."""
        return self._call(
            "GET",
            "/entity-trait-definitions/count",
            query={
                "entity_type": entity_type,
                "ids": ids,
                "q": q,
                "trait_type": trait_type,
                "trait_types": trait_types,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def get_entity_trait_values(
        self,
        *,
        definition_id: str,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EntityTraitValue]]:
        """Get entity trait values: ``GET /entity-trait-values``."""
        return self._call(
            "GET",
            "/entity-trait-values",
            query={"definition_id": definition_id, "q": q, "limit": limit, "offset": offset},
            parse=[EntityTraitValue],
            request_options=request_options,
        )

    def iter_entity_trait_values(
        self,
        *,
        definition_id: str,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EntityTraitValue]:
        """Every item ``get_entity_trait_values`` finds, fetched ``page_size`` at a time.

        Requests ``GET /entity-trait-values`` with ``limit`` and ``offset`` as the iterator
        is consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``get_entity_trait_values``.
        """
        return self._iterate(
            self.get_entity_trait_values,
            page_size,
            definition_id=definition_id,
            q=q,
            request_options=request_options,
        )

    def count_entity_traits(
        self,
        *,
        definition_id: str | None = None,
        entity_type: EntityType | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count entity traits: ``GET /entity-traits/count``."""
        return self._call(
            "GET",
            "/entity-traits/count",
            query={
                "definition_id": definition_id,
                "entity_type": entity_type,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_plan_changes(
        self,
        *,
        action: PlanChangeAction | None = None,
        base_plan_action: PlanChangeBasePlanAction | None = None,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanChangeResponseData]]:
        """List plan changes: ``GET /plan-changes``."""
        return self._call(
            "GET",
            "/plan-changes",
            query={
                "action": action,
                "base_plan_action": base_plan_action,
                "company_id": company_id,
                "company_ids": company_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanChangeResponseData],
            request_options=request_options,
        )

    def iter_plan_changes(
        self,
        *,
        action: PlanChangeAction | None = None,
        base_plan_action: PlanChangeBasePlanAction | None = None,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanChangeResponseData]:
        """Every item ``list_plan_changes`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plan-changes`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_plan_changes``.
        """
        return self._iterate(
            self.list_plan_changes,
            page_size,
            action=action,
            base_plan_action=base_plan_action,
            company_id=company_id,
            company_ids=company_ids,
            request_options=request_options,
        )

    def get_plan_change(
        self,
        plan_change_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanChangeResponseData]:
        """Get plan change: ``GET /plan-changes/{plan_change_id}``."""
        return self._call(
            "GET",
            self._path("/plan-changes/{plan_change_id}", plan_change_id=plan_change_id),
            parse=PlanChangeResponseData,
            request_options=request_options,
        )

    def list_plan_traits(
        self,
        *,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        trait_id: str | None = None,
        trait_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanTraitResponseData]]:
        """List plan traits: ``GET /plan-traits``."""
        return self._call(
            "GET",
            "/plan-traits",
            query={
                "ids": ids,
                "plan_id": plan_id,
                "trait_id": trait_id,
                "trait_ids": trait_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanTraitResponseData],
            request_options=request_options,
        )

    def iter_plan_traits(
        self,
        *,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        trait_id: str | None = None,
        trait_ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanTraitResponseData]:
        """Every item ``list_plan_traits`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plan-traits`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_plan_traits``.
        """
        return self._iterate(
            self.list_plan_traits,
            page_size,
            ids=ids,
            plan_id=plan_id,
            trait_id=trait_id,
            trait_ids=trait_ids,
            request_options=request_options,
        )

    def get_plan_trait(
        self,
        plan_trait_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanTraitResponseData]:
        """Get plan trait: ``GET /plan-traits/{plan_trait_id}``."""
        return self._call(
            "GET",
            self._path("/plan-traits/{plan_trait_id}", plan_trait_id=plan_trait_id),
            parse=PlanTraitResponseData,
            request_options=request_options,
        )

    def update_plan_traits_bulk(
        self,
        *,
        apply_to_existing_companies: bool,
        plan_id: str,
        traits: Sequence[UpdatePlanTraitTraitRequestBody | Mapping[str, Any]],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanTraitResponseData]]:
        """Update plan traits bulk: ``POST /plan-traits/bulk``."""
        return self._call(
            "POST",
            "/plan-traits/bulk",
            body={
                "apply_to_existing_companies": apply_to_existing_companies,
                "plan_id": plan_id,
                "traits": traits,
            },
            parse=[PlanTraitResponseData],
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def count_plan_traits(
        self,
        *,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        trait_id: str | None = None,
        trait_ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count plan traits: ``GET /plan-traits/count``."""
        return self._call(
            "GET",
            "/plan-traits/count",
            query={
                "ids": ids,
                "plan_id": plan_id,
                "trait_id": trait_id,
                "trait_ids": trait_ids,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def upsert_user_trait(
        self,
        *,
        keys: Mapping[str, str],
        trait: str,
        incr: int | None = None,
        set: str | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserDetailResponseData]:
        """Upsert user trait: ``POST /user-traits``."""
        return self._call(
            "POST",
            "/user-traits",
            body={
                "incr": incr,
                "keys": keys,
                "set": set,
                "trait": trait,
                "update_only": update_only,
            },
            parse=UserDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def list_users(
        self,
        *,
        company_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[UserDetailResponseData]]:
        """List users: ``GET /users``."""
        return self._call(
            "GET",
            "/users",
            query={
                "company_id": company_id,
                "ids": ids,
                "plan_id": plan_id,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=[UserDetailResponseData],
            request_options=request_options,
        )

    def iter_users(
        self,
        *,
        company_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[UserDetailResponseData]:
        """Every item ``list_users`` finds, fetched ``page_size`` at a time.

        Requests ``GET /users`` with ``limit`` and ``offset`` as the iterator is consumed,
        and stops after a page shorter than ``page_size`` (1 to 250). Takes the filters of
        ``list_users``.
        """
        return self._iterate(
            self.list_users,
            page_size,
            company_id=company_id,
            ids=ids,
            plan_id=plan_id,
            q=q,
            request_options=request_options,
        )

    def upsert_user(
        self,
        *,
        keys: Mapping[str, str],
        companies: Sequence[dict[str, str]] | None = None,
        company: Mapping[str, str] | None = None,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        id: str | None = None,
        last_seen_at: datetime | None = None,
        name: str | None = None,
        remove_keys: Sequence[str] | None = None,
        traits: Mapping[str, Any] | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserDetailResponseData]:
        """Upsert user: ``POST /users``."""
        return self._call(
            "POST",
            "/users",
            body={
                "companies": companies,
                "company": company,
                "company_id": company_id,
                "company_ids": company_ids,
                "id": id,
                "keys": keys,
                "last_seen_at": last_seen_at,
                "name": name,
                "remove_keys": remove_keys,
                "traits": traits,
                "update_only": update_only,
            },
            parse=UserDetailResponseData,
            request=request,
            request_options=request_options,
        )

    def get_user(
        self,
        user_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[UserDetailResponseData]:
        """Get user: ``GET /users/{user_id}``."""
        return self._call(
            "GET",
            self._path("/users/{user_id}", user_id=user_id),
            parse=UserDetailResponseData,
            request_options=request_options,
        )

    def delete_user(
        self,
        user_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete user: ``DELETE /users/{user_id}``."""
        return self._call(
            "DELETE",
            self._path("/users/{user_id}", user_id=user_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_users(
        self,
        *,
        company_id: str | None = None,
        ids: Sequence[str] | None = None,
        plan_id: str | None = None,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count users: ``GET /users/count``."""
        return self._call(
            "GET",
            "/users/count",
            query={
                "company_id": company_id,
                "ids": ids,
                "plan_id": plan_id,
                "q": q,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def create_user(
        self,
        *,
        keys: Mapping[str, str],
        companies: Sequence[dict[str, str]] | None = None,
        company: Mapping[str, str] | None = None,
        company_id: str | None = None,
        company_ids: Sequence[str] | None = None,
        id: str | None = None,
        last_seen_at: datetime | None = None,
        name: str | None = None,
        remove_keys: Sequence[str] | None = None,
        traits: Mapping[str, Any] | None = None,
        update_only: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserDetailResponseData]:
        """Create user: ``POST /users/create``."""
        return self._call(
            "POST",
            "/users/create",
            body={
                "companies": companies,
                "company": company,
                "company_id": company_id,
                "company_ids": company_ids,
                "id": id,
                "keys": keys,
                "last_seen_at": last_seen_at,
                "name": name,
                "remove_keys": remove_keys,
                "traits": traits,
                "update_only": update_only,
            },
            parse=UserDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def delete_user_by_keys(
        self,
        *,
        keys: Mapping[str, str],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[UserResponseData]:
        """Delete user by keys: ``POST /users/delete``."""
        return self._call(
            "POST",
            "/users/delete",
            body={"keys": keys},
            parse=UserResponseData,
            request=request,
            request_options=request_options,
        )

    def lookup_user(
        self,
        *,
        keys: Mapping[str, str],
        request_options: RequestOptions | None = None,
    ) -> Response[UserDetailResponseData]:
        """Lookup user: ``GET /users/lookup``."""
        return self._call(
            "GET",
            "/users/lookup",
            query={"keys": keys},
            parse=UserDetailResponseData,
            request_options=request_options,
        )
