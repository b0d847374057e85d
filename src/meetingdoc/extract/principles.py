"""Extract principles (SPEC §3)."""

from __future__ import annotations

from ..model import Principle
from .context import Context


def extract_principles(ctx: Context) -> tuple[Principle, ...]:
    return ()
