"""Extract documents reviewed (《…》) (SPEC §3)."""

from __future__ import annotations

from ..model import DocumentRef
from .context import Context


def extract_documents(ctx: Context) -> tuple[DocumentRef, ...]:
    return ()
