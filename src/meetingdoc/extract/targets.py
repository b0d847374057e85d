"""Extract targets (SPEC §3)."""

from __future__ import annotations

from ..model import Target
from .context import Context


def extract_targets(ctx: Context) -> tuple[Target, ...]:
    return ()
