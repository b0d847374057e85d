"""Joining what separate extractors found about the same person.

Requirements name their issuer as written (`贺书记强调，…` gives 贺书记);
once attendees are known, a surname-plus-post issuer becomes the attendee's
full name, as SPEC §3 folds `王县长` into the full name for attendees.

Known limitation: when several attendees share the surname, the one whose
titles end with the post wins; with no such title the issuer is left as
written.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Attendee, Requirement


def resolve_issuers(
    requirements: tuple[Requirement, ...], attendees: tuple[Attendee, ...]
) -> tuple[Requirement, ...]:
    names = {a.name for a in attendees}

    def full_name(issuer: str | None) -> str | None:
        if not issuer or issuer == "会议" or issuer in names:
            return issuer
        candidates = [a for a in attendees if issuer.startswith(a.name[0]) and a.name != issuer]
        post = issuer[1:]
        if len(candidates) > 1:
            # 王县长 is the 县长, not the 副县长
            candidates = [
                a
                for a in candidates
                if any(t.endswith(post) and not t.endswith("副" + post) for t in a.titles)
            ]
        return candidates[0].name if len(candidates) == 1 and post else issuer

    return tuple(
        r if full_name(r.issuer) == r.issuer else replace(r, issuer=full_name(r.issuer))
        for r in requirements
    )
