"""``client.accounts``: account, environments, API keys and audit log."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from ..models._base import Model, Response
from ..models.accounts import (
    AccountMemberResponseData,
    AccountMemberRole,
    ActorType,
    ApiKeyCreateResponseData,
    ApiKeyResponseData,
    AuditLogListResponseData,
    AuditLogResponseData,
    EnvironmentDetailResponseData,
    EnvironmentResponseData,
    EnvironmentType,
    GetOnboardingStateResp,
    OnboardingPath,
    OnboardingTrack,
    QuickstartResp,
    WhoAmIResponseData,
)
from ..models.billing import DeleteResponse
from ..models.companies import CountResponse
from ._base import RequestOptions, Resource


class AccountsResource(Resource):
    """Account, environments, API keys and audit log."""

    def list_account_members(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        role: AccountMemberRole | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[AccountMemberResponseData]]:
        """List account members: ``GET /account-members``."""
        return self._call(
            "GET",
            "/account-members",
            query={"ids": ids, "q": q, "role": role, "limit": limit, "offset": offset},
            parse=[AccountMemberResponseData],
            request_options=request_options,
        )

    def iter_account_members(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        role: AccountMemberRole | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[AccountMemberResponseData]:
        """Every item ``list_account_members`` finds, fetched ``page_size`` at a time.

        Requests ``GET /account-members`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_account_members``.
        """
        return self._iterate(
            self.list_account_members,
            page_size,
            ids=ids,
            q=q,
            role=role,
            request_options=request_options,
        )

    def get_account_member(
        self,
        account_member_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[AccountMemberResponseData]:
        """Get account member: ``GET /account-members/{account_member_id}``."""
        return self._call(
            "GET",
            self._path("/account-members/{account_member_id}", account_member_id=account_member_id),
            parse=AccountMemberResponseData,
            request_options=request_options,
        )

    def count_account_members(
        self,
        *,
        ids: Sequence[str] | None = None,
        q: str | None = None,
        role: AccountMemberRole | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count account members: ``GET /account-members/count``."""
        return self._call(
            "GET",
            "/account-members/count",
            query={"ids": ids, "q": q, "role": role, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def list_api_keys(
        self,
        *,
        require_environment: bool,
        environment_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[ApiKeyResponseData]]:
        """List api keys: ``GET /api-keys``."""
        return self._call(
            "GET",
            "/api-keys",
            query={
                "environment_id": environment_id,
                "require_environment": require_environment,
                "limit": limit,
                "offset": offset,
            },
            parse=[ApiKeyResponseData],
            request_options=request_options,
        )

    def iter_api_keys(
        self,
        *,
        require_environment: bool,
        environment_id: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[ApiKeyResponseData]:
        """Every item ``list_api_keys`` finds, fetched ``page_size`` at a time.

        Requests ``GET /api-keys`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_api_keys``.
        """
        return self._iterate(
            self.list_api_keys,
            page_size,
            require_environment=require_environment,
            environment_id=environment_id,
            request_options=request_options,
        )

    def create_api_key(
        self,
        *,
        name: str,
        description: str | None = None,
        environment_id: str | None = None,
        rate_limit_percent: int | None = None,
        readonly: bool | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ApiKeyCreateResponseData]:
        """Create api key: ``POST /api-keys``."""
        return self._call(
            "POST",
            "/api-keys",
            body={
                "description": description,
                "environment_id": environment_id,
                "name": name,
                "rate_limit_percent": rate_limit_percent,
                "readonly": readonly,
            },
            parse=ApiKeyCreateResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_api_key(
        self,
        api_key_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[ApiKeyResponseData]:
        """Get api key: ``GET /api-keys/{api_key_id}``."""
        return self._call(
            "GET",
            self._path("/api-keys/{api_key_id}", api_key_id=api_key_id),
            parse=ApiKeyResponseData,
            request_options=request_options,
        )

    def update_api_key(
        self,
        api_key_id: str,
        *,
        description: str | None = None,
        name: str | None = None,
        rate_limit_percent: int | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ApiKeyResponseData]:
        """Update api key: ``PUT /api-keys/{api_key_id}``."""
        return self._call(
            "PUT",
            self._path("/api-keys/{api_key_id}", api_key_id=api_key_id),
            body={
                "description": description,
                "name": name,
                "rate_limit_percent": rate_limit_percent,
            },
            parse=ApiKeyResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_api_key(
        self,
        api_key_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete api key: ``DELETE /api-keys/{api_key_id}``."""
        return self._call(
            "DELETE",
            self._path("/api-keys/{api_key_id}", api_key_id=api_key_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def count_api_keys(
        self,
        *,
        require_environment: bool,
        environment_id: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count api keys: ``GET /api-keys/count``."""
        return self._call(
            "GET",
            "/api-keys/count",
            query={
                "environment_id": environment_id,
                "require_environment": require_environment,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_audit_logs(
        self,
        *,
        actor_type: ActorType | None = None,
        end_time: datetime | None = None,
        environment_id: str | None = None,
        q: str | None = None,
        start_time: datetime | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[AuditLogListResponseData]]:
        """List audit logs: ``GET /audit-log``."""
        return self._call(
            "GET",
            "/audit-log",
            query={
                "actor_type": actor_type,
                "end_time": end_time,
                "environment_id": environment_id,
                "q": q,
                "start_time": start_time,
                "limit": limit,
                "offset": offset,
            },
            parse=[AuditLogListResponseData],
            request_options=request_options,
        )

    def iter_audit_logs(
        self,
        *,
        actor_type: ActorType | None = None,
        end_time: datetime | None = None,
        environment_id: str | None = None,
        q: str | None = None,
        start_time: datetime | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[AuditLogListResponseData]:
        """Every item ``list_audit_logs`` finds, fetched ``page_size`` at a time.

        Requests ``GET /audit-log`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_audit_logs``.
        """
        return self._iterate(
            self.list_audit_logs,
            page_size,
            actor_type=actor_type,
            end_time=end_time,
            environment_id=environment_id,
            q=q,
            start_time=start_time,
            request_options=request_options,
        )

    def get_audit_log(
        self,
        audit_log_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[AuditLogResponseData]:
        """Get audit log: ``GET /audit-log/{audit_log_id}``."""
        return self._call(
            "GET",
            self._path("/audit-log/{audit_log_id}", audit_log_id=audit_log_id),
            parse=AuditLogResponseData,
            request_options=request_options,
        )

    def count_audit_logs(
        self,
        *,
        actor_type: ActorType | None = None,
        end_time: datetime | None = None,
        environment_id: str | None = None,
        q: str | None = None,
        start_time: datetime | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count audit logs: ``GET /audit-log/count``."""
        return self._call(
            "GET",
            "/audit-log/count",
            query={
                "actor_type": actor_type,
                "end_time": end_time,
                "environment_id": environment_id,
                "q": q,
                "start_time": start_time,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )

    def list_environments(
        self,
        *,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[EnvironmentResponseData]]:
        """List environments: ``GET /environments``."""
        return self._call(
            "GET",
            "/environments",
            query={"ids": ids, "limit": limit, "offset": offset},
            parse=[EnvironmentResponseData],
            request_options=request_options,
        )

    def iter_environments(
        self,
        *,
        ids: Sequence[str] | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[EnvironmentResponseData]:
        """Every item ``list_environments`` finds, fetched ``page_size`` at a time.

        Requests ``GET /environments`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_environments``.
        """
        return self._iterate(
            self.list_environments,
            page_size,
            ids=ids,
            request_options=request_options,
        )

    def create_environment(
        self,
        *,
        environment_type: EnvironmentType,
        name: str,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EnvironmentDetailResponseData]:
        """Create environment: ``POST /environments``."""
        return self._call(
            "POST",
            "/environments",
            body={"environment_type": environment_type, "name": name},
            parse=EnvironmentDetailResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_environment(
        self,
        environment_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[EnvironmentResponseData]:
        """Get environment: ``GET /environments/{environment_id}``."""
        return self._call(
            "GET",
            self._path("/environments/{environment_id}", environment_id=environment_id),
            parse=EnvironmentResponseData,
            request_options=request_options,
        )

    def update_environment(
        self,
        environment_id: str,
        *,
        environment_type: EnvironmentType | None = None,
        name: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[EnvironmentResponseData]:
        """Update environment: ``PUT /environments/{environment_id}``."""
        return self._call(
            "PUT",
            self._path("/environments/{environment_id}", environment_id=environment_id),
            body={"environment_type": environment_type, "name": name},
            parse=EnvironmentResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_environment(
        self,
        environment_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete environment: ``DELETE /environments/{environment_id}``."""
        return self._call(
            "DELETE",
            self._path("/environments/{environment_id}", environment_id=environment_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def get_onboarding_state(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[GetOnboardingStateResp]:
        """Get onboarding state: ``GET /onboarding-state``."""
        return self._call(
            "GET",
            "/onboarding-state",
            parse=GetOnboardingStateResp,
            request_options=request_options,
        )

    def update_onboarding_state(
        self,
        *,
        path: OnboardingPath | None = None,
        pricing_page_url: str | None = None,
        track: OnboardingTrack | None = None,
        website_url: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[GetOnboardingStateResp]:
        """Update onboarding state: ``POST /onboarding-state``."""
        return self._call(
            "POST",
            "/onboarding-state",
            body={
                "path": path,
                "pricing_page_url": pricing_page_url,
                "track": track,
                "website_url": website_url,
            },
            parse=GetOnboardingStateResp,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def quickstart(
        self,
        *,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[QuickstartResp]:
        """Quickstart: ``POST /quickstart``."""
        return self._call(
            "POST",
            "/quickstart",
            parse=QuickstartResp,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_who_am_i(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[WhoAmIResponseData]:
        """Get who am i: ``GET /whoami``."""
        return self._call(
            "GET",
            "/whoami",
            parse=WhoAmIResponseData,
            request_options=request_options,
        )
