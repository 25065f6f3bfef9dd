"""Webhook verification, also importable as ``schematic.webhook_utils``.

Everything lives in :mod:`schematic.webhooks`; this module only makes
``from schematic.webhook_utils import verify_webhook_signature`` keep working.
"""

from __future__ import annotations

from .webhooks import (
    DEFAULT_WEBHOOK_TOLERANCE,
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WebhookSignatureError,
    compute_hex_signature,
    compute_signature,
    verify_signature,
    verify_webhook_signature,
)

__all__ = [
    "DEFAULT_WEBHOOK_TOLERANCE",
    "WEBHOOK_SIGNATURE_HEADER",
    "WEBHOOK_TIMESTAMP_HEADER",
    "WebhookSignatureError",
    "compute_hex_signature",
    "compute_signature",
    "verify_signature",
    "verify_webhook_signature",
]
