"""Extract attendees and reporters (SPEC §3)."""

from __future__ import annotations

from ..model import Attendee, Reporter
from .context import Context


def extract_attendees(ctx: Context) -> tuple[Attendee, ...]:
    return ()


def extract_reporters(ctx: Context) -> tuple[Reporter, ...]:
    return ()
