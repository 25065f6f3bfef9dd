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
    api_key_id: str
    created_at: datetime
    environment_id: str
    expired_at: datetime
    id: str
    resource_type: TemporaryAccessTokenResourceType
    token: str
    updated_at: datetime
