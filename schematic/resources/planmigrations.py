"""``client.planmigrations``: plan version migrations."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from ..models._base import Model, Response
from ..models.companies import CountResponse
from ..models.planmigrations import (
    MigrationErrorCode,
    PlanVersionCompanyMigrationResponseData,
    PlanVersionCompanyMigrationStatus,
    PlanVersionMigrationPreviewResponseData,
    PlanVersionMigrationResponseData,
    PlanVersionMigrationStatus,
)
from ..models.plans import MigrationProrationBehavior, PlanType, PlanVersionMigrationStrategy
from ._base import RequestOptions, Resource


class PlanmigrationsResource(Resource):
    """Plan version migrations."""

    def list_company_migrations(
        self,
        *,
        migration_id: str,
        q: str | None = None,
        status: PlanVersionCompanyMigrationStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanVersionCompanyMigrationResponseData]]:
        """List company migrations: ``GET /plan-version-company-migrations``."""
        return self._call(
            "GET",
            "/plan-version-company-migrations",
            query={
                "migration_id": migration_id,
                "q": q,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanVersionCompanyMigrationResponseData],
            request_options=request_options,
        )

    def iter_company_migrations(
        self,
        *,
        migration_id: str,
        q: str | None = None,
        status: PlanVersionCompanyMigrationStatus | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanVersionCompanyMigrationResponseData]:
        """Every item ``list_company_migrations`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plan-version-company-migrations`` with ``limit`` and ``offset`` as
        the iterator is consumed, and stops after a page shorter than ``page_size`` (1 to
        250). Takes the filters of ``list_company_migrations``.
        """
        return self._iterate(
            self.list_company_migrations,
            page_size,
            migration_id=migration_id,
            q=q,
            status=status,
            request_options=request_options,
        )

    def retry_company_migration(
        self,
        plan_version_company_migration_id: str,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionCompanyMigrationResponseData]:
        """Retry company migration.

        ``POST /plan-version-company-migrations/{plan_version_company_migration_id}/retry``.
        """
        return self._call(
            "POST",
            self._path(
                "/plan-version-company-migrations/{plan_version_company_migration_id}/retry",
                plan_version_company_migration_id=plan_version_company_migration_id,
            ),
            parse=PlanVersionCompanyMigrationResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def count_company_migrations(
        self,
        *,
        migration_id: str,
        q: str | None = None,
        status: PlanVersionCompanyMigrationStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count company migrations: ``GET /plan-version-company-migrations/count``."""
        return self._call(
            "GET",
            "/plan-version-company-migrations/count",
            query={
                "migration_id": migration_id,
                "q": q,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_migrations(
        self,
        *,
        plan_version_id: str,
        status: PlanVersionMigrationStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[PlanVersionMigrationResponseData]]:
        """List migrations: ``GET /plan-version-migrations``."""
        return self._call(
            "GET",
            "/plan-version-migrations",
            query={
                "plan_version_id": plan_version_id,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            parse=[PlanVersionMigrationResponseData],
            request_options=request_options,
        )

    def iter_migrations(
        self,
        *,
        plan_version_id: str,
        status: PlanVersionMigrationStatus | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[PlanVersionMigrationResponseData]:
        """Every item ``list_migrations`` finds, fetched ``page_size`` at a time.

        Requests ``GET /plan-version-migrations`` with ``limit`` and ``offset`` as the
        iterator is consumed, and stops after a page shorter than ``page_size`` (1 to 250).
        Takes the filters of ``list_migrations``.
        """
        return self._iterate(
            self.list_migrations,
            page_size,
            plan_version_id=plan_version_id,
            status=status,
            request_options=request_options,
        )

    def create_migration(
        self,
        *,
        plan_id: str,
        plan_version_id_to: str,
        strategy: PlanVersionMigrationStrategy,
        target_plan_type: PlanType,
        company_ids: Sequence[str] | None = None,
        excluded_company_ids: Sequence[str] | None = None,
        plan_version_ids_from: Sequence[str] | None = None,
        proration_behavior: MigrationProrationBehavior | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionMigrationResponseData]:
        """Create migration: ``POST /plan-version-migrations``."""
        return self._call(
            "POST",
            "/plan-version-migrations",
            body={
                "company_ids": company_ids,
                "excluded_company_ids": excluded_company_ids,
                "plan_id": plan_id,
                "plan_version_id_to": plan_version_id_to,
                "plan_version_ids_from": plan_version_ids_from,
                "proration_behavior": proration_behavior,
                "strategy": strategy,
                "target_plan_type": target_plan_type,
            },
            parse=PlanVersionMigrationResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_migration(
        self,
        plan_version_migration_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionMigrationResponseData]:
        """Get migration: ``GET /plan-version-migrations/{plan_version_migration_id}``."""
        return self._call(
            "GET",
            self._path(
                "/plan-version-migrations/{plan_version_migration_id}",
                plan_version_migration_id=plan_version_migration_id,
            ),
            parse=PlanVersionMigrationResponseData,
            request_options=request_options,
        )

    def retry_migration(
        self,
        plan_version_migration_id: str,
        *,
        error_codes: Sequence[MigrationErrorCode],
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionMigrationResponseData]:
        """Retry migration: ``POST /plan-version-migrations/{plan_version_migration_id}/retry``."""
        return self._call(
            "POST",
            self._path(
                "/plan-version-migrations/{plan_version_migration_id}/retry",
                plan_version_migration_id=plan_version_migration_id,
            ),
            body={"error_codes": error_codes},
            parse=PlanVersionMigrationResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def count_migrations(
        self,
        *,
        plan_version_id: str,
        status: PlanVersionMigrationStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count migrations: ``GET /plan-version-migrations/count``."""
        return self._call(
            "GET",
            "/plan-version-migrations/count",
            query={
                "plan_version_id": plan_version_id,
                "status": status,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def preview_migration(
        self,
        *,
        plan_id: str,
        plan_version_id_to: str,
        target_plan_type: PlanType,
        company_ids: Sequence[str] | None = None,
        plan_version_ids_from: Sequence[str] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[PlanVersionMigrationPreviewResponseData]:
        """Preview migration: ``POST /plan-version-migrations/preview``."""
        return self._call(
            "POST",
            "/plan-version-migrations/preview",
            body={
                "company_ids": company_ids,
                "plan_id": plan_id,
                "plan_version_id_to": plan_version_id_to,
                "plan_version_ids_from": plan_version_ids_from,
                "target_plan_type": target_plan_type,
            },
            parse=PlanVersionMigrationPreviewResponseData,
            request=request,
            request_options=request_options,
        )
