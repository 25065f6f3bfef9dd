"""Models for licenses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ._base import Model


@dataclass(frozen=True, slots=True, kw_only=True)
class LicenseResponseData(Model):
    created_at: datetime | None
    id: str | None
    name: str | None
    updated_at: datetime | None
