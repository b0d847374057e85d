"""Extract requirements (SPEC §3)."""

from __future__ import annotations

from ..model import Requirement
from .context import Context


def extract_requirements(ctx: Context) -> tuple[Requirement, ...]:
    return ()
