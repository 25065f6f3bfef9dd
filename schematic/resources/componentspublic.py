"""``client.componentspublic``: public (publishable-key) component data."""

from __future__ import annotations

from ..models._base import Response
from ..models.componentspublic import PublicPlansResponseData
from ._base import RequestOptions, Resource


class ComponentspublicResource(Resource):
    """Public (publishable-key) component data."""

    def get_public_plans(
        self,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[PublicPlansResponseData]:
        """Get public plans: ``GET /public/plans``."""
        return self._call(
            "GET",
            "/public/plans",
            parse=PublicPlansResponseData,
            request_options=request_options,
        )
