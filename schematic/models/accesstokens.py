"""Models for temporary access tokens for front-end components."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ._base import Model

TemporaryAccessTokenResourceType = Literal["company"]


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueTemporaryAccessTokenRequestBody(Model):
    lookup: dict[str, str]
    resource_type: TemporaryAccessTokenResourceType


@dataclass(frozen=True, slots=True, kw_only=True)
class IssueTemporaryAccessTokenResponseData(Model):
    api_key_id: str | None
    created_at: datetime | None
    environment_id: str | None
    expired_at: datetime | None
    id: str | None
    resource_type: TemporaryAccessTokenResourceType | None
    token: str | None
    updated_at: datetime | None
