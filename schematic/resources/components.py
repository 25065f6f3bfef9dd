"""``client.components``: embeddable UI components."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..models._base import Model, Response
from ..models.billing import DeleteResponse
from ..models.companies import CountResponse
from ..models.components import (
    ComponentEntityType,
    ComponentPreviewResponseData,
    ComponentResponseData,
    ComponentState,
)
from ._base import RequestOptions, Resource


class ComponentsResource(Resource):
    """Embeddable UI components."""

    def list_components(
        self,
        *,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[list[ComponentResponseData]]:
        """List components: ``GET /components``."""
        return self._call(
            "GET",
            "/components",
            query={"q": q, "limit": limit, "offset": offset},
            parse=[ComponentResponseData],
            request_options=request_options,
        )

    def iter_components(
        self,
        *,
        q: str | None = None,
        page_size: int = 100,
        request_options: RequestOptions | None = None,
    ) -> Iterator[ComponentResponseData]:
        """Every item ``list_components`` finds, fetched ``page_size`` at a time.

        Requests ``GET /components`` with ``limit`` and ``offset`` as the iterator is
        consumed, and stops after a page shorter than ``page_size`` (1 to 250). Takes the
        filters of ``list_components``.
        """
        return self._iterate(
            self.list_components,
            page_size,
            q=q,
            request_options=request_options,
        )

    def create_component(
        self,
        *,
        entity_type: ComponentEntityType,
        name: str,
        ast: Mapping[str, float] | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ComponentResponseData]:
        """Create component: ``POST /components``."""
        return self._call(
            "POST",
            "/components",
            body={"ast": ast, "entity_type": entity_type, "name": name},
            parse=ComponentResponseData,
            idempotent=False,
            request=request,
            request_options=request_options,
        )

    def get_component(
        self,
        component_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[ComponentResponseData]:
        """Get component: ``GET /components/{component_id}``."""
        return self._call(
            "GET",
            self._path("/components/{component_id}", component_id=component_id),
            parse=ComponentResponseData,
            request_options=request_options,
        )

    def update_component(
        self,
        component_id: str,
        *,
        ast: Mapping[str, float] | None = None,
        entity_type: ComponentEntityType | None = None,
        name: str | None = None,
        state: ComponentState | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ComponentResponseData]:
        """Update component: ``PUT /components/{component_id}``."""
        return self._call(
            "PUT",
            self._path("/components/{component_id}", component_id=component_id),
            body={"ast": ast, "entity_type": entity_type, "name": name, "state": state},
            parse=ComponentResponseData,
            request=request,
            request_options=request_options,
        )

    def delete_component(
        self,
        component_id: str,
        *,
        request_options: RequestOptions | None = None,
    ) -> Response[DeleteResponse]:
        """Delete component: ``DELETE /components/{component_id}``."""
        return self._call(
            "DELETE",
            self._path("/components/{component_id}", component_id=component_id),
            parse=DeleteResponse,
            request_options=request_options,
        )

    def bind_catalog(
        self,
        component_id: str,
        *,
        catalog_id: str | None = None,
        request: Mapping[str, Any] | Model | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ComponentResponseData]:
        """Bind catalog: ``PUT /components/{component_id}/catalog``."""
        return self._call(
            "PUT",
            self._path("/components/{component_id}/catalog", component_id=component_id),
            body={"catalog_id": catalog_id},
            parse=ComponentResponseData,
            request=request,
            request_options=request_options,
        )

    def count_components(
        self,
        *,
        q: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[CountResponse]:
        """Count components: ``GET /components/count``."""
        return self._call(
            "GET",
            "/components/count",
            query={"q": q, "limit": limit, "offset": offset},
            parse=CountResponse,
            request_options=request_options,
        )

    def preview_component_data(
        self,
        *,
        company_id: str | None = None,
        component_id: str | None = None,
        request_options: RequestOptions | None = None,
    ) -> Response[ComponentPreviewResponseData]:
        """Preview component data: ``GET /components/preview-data``."""
        return self._call(
            "GET",
            "/components/preview-data",
            query={"company_id": company_id, "component_id": component_id},
            parse=ComponentPreviewResponseData,
            request_options=request_options,
        )
