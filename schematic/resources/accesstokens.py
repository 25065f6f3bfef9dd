"""``client.accesstokens``: temporary access tokens for front-end components."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..models._base import Model, Response
from ..models.accesstokens import (
    IssueTemporaryAccessTokenResponseData,
    TemporaryAccessTokenResourceType,
)
from ._base import RequestOptions, Resource


class AccesstokensResource(Resource):
    """Temporary access tokens for front-end components."""

    def issue_temporary_access_token(
        self,
        *,
        lookup: Mapping[str, str],
        resource_type: TemporaryAccessTokenResourceType,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[IssueTemporaryAccessTokenResponseData]:
        """Issue temporary access token: ``POST /temporary-access-tokens``."""
        return self._call(
            "POST",
            "/temporary-access-tokens",
            body={"lookup": lookup, "resource_type": resource_type},
            parse=IssueTemporaryAccessTokenResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )
