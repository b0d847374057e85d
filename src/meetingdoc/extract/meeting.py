"""Extract the meeting itself: title, name, kind, date, time of day, place."""

from __future__ import annotations

from ..model import Meeting
from .context import Context


def extract_meeting(ctx: Context) -> Meeting:
    title = ctx.headline.text.strip() if ctx.headline else None
    return Meeting(title=title)
