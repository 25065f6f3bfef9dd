"""``client.dataexports``: data exports."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..models._base import Model, Response
from ..models.dataexports import (
    DataExportMetadata,
    DataExportOutputFileType,
    DataExportResponseData,
    DataExportStatus,
    DataExportType,
)
from ._base import RequestOptions, Resource


class DataexportsResource(Resource):
    """Data exports."""

    def list_data_exports(
        self,
        *,
        export_type: DataExportType | None = None,
        status: DataExportStatus | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[DataExportResponseData]]:
        """List data exports: ``GET /data-exports``."""
        return self._call(
            "GET",
            "/data-exports",
            query={"export_type": export_type, "status": status, "limit": limit, "offset": offset},
            parse=[DataExportResponseData],
            request_options=request_options,
        )

    def iter_data_exports(
        self,
        *,
        export_type: DataExportType | None = None,
        status: DataExportStatus | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[DataExportResponseData]:
        """Every item ``list_data_exports`` finds, fetched ``page_size`` at a time.

        Requests ``GET /data-exports`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_data_exports``.
        """
        return self._iterate(
            self.list_data_exports,
            page_size,
            export_type=export_type,
            status=status,
            request_options=request_options,
        )

    def create_data_export(
        self,
        *,
        export_type: DataExportType,
        output_file_type: DataExportOutputFileType,
        metadata: DataExportMetadata | Mapping[str, Any] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[DataExportResponseData]:
        """Create data export: ``POST /data-exports``."""
        return self._call(
            "POST",
            "/data-exports",
            body={
                "export_type": export_type,
                "metadata": metadata,
                "output_file_type": output_file_type,
            },
            parse=DataExportResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_data_export(
        self,
        data_export_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DataExportResponseData]:
        """Get data export: ``GET /data-exports/{data_export_id}``."""
        return self._call(
            "GET",
            self._path("/data-exports/{data_export_id}", data_export_id=data_export_id),
            parse=DataExportResponseData,
            request_options=request_options,
        )

    def get_data_export_artifact(
        self,
        data_export_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> bytes:
        """Get data export artifact: ``GET /data-exports/{data_export_id}/artifact``."""
        return self._call_bytes(
            "GET",
            self._path("/data-exports/{data_export_id}/artifact", data_export_id=data_export_id),
            request_options=request_options,
        )
