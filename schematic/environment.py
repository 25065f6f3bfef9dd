"""The API's environments, by the names the official SDK gives them."""

from __future__ import annotations

import enum


class SchematicEnvironment(enum.Enum):
    """Where the API is; ``SchematicConfig(base_url=SchematicEnvironment.DEFAULT)`` works
    like the address itself."""

    DEFAULT = "https://api.schematichq.com"
