"""``client.licenses``: licenses."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..models._base import Response
from ..models.companies import CountResponse
from ..models.licenses import LicenseResponseData
from ._base import RequestOptions, Resource


class LicensesResource(Resource):
    """Licenses."""

    def list_licenses(
        self,
        *,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[LicenseResponseData]]:
        """List licenses: ``GET /licenses``."""
        return self._call(
            "GET",
            "/licenses",
            query={
                "feature_ids": feature_ids,
                "ids": ids,
                "name": name,
                "limit": limit,
                "offset": offset,
            },
            parse=[LicenseResponseData],
            request_options=request_options,
        )

    def iter_licenses(
        self,
        *,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[LicenseResponseData]:
        """Every item ``list_licenses`` finds, fetched ``page_size`` at a time.

        Requests ``GET /licenses`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_licenses``.
        """
        return self._iterate(
            self.list_licenses,
            page_size,
            feature_ids=feature_ids,
            ids=ids,
            name=name,
            request_options=request_options,
        )

    def get_single_license(
        self,
        license_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[LicenseResponseData]:
        """Get single license: ``GET /licenses/{license_id}``."""
        return self._call(
            "GET",
            self._path("/licenses/{license_id}", license_id=license_id),
            parse=LicenseResponseData,
            request_options=request_options,
        )

    def count_licenses(
        self,
        *,
        feature_ids: Sequence[str] | None = None,
        ids: Sequence[str] | None = None,
        name: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count licenses: ``GET /licenses/count``."""
        return self._call(
            "GET",
            "/licenses/count",
            query={
                "feature_ids": feature_ids,
                "ids": ids,
                "name": name,
                "limit": limit,
                "offset": offset,
            },
            parse=CountResponse,
            request_options=request_options,
        )
