"""The `meetingdoc/1` output object (see ../shared/SPEC.md §2) as plain dataclasses.

Every item is immutable and picklable, so reports can cross process
boundaries (multiprocessing, Dask) unchanged. `Report.to_dict()` gives the
exact key order the renderers write.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "meetingdoc/1"

Span = tuple[int, int]


@dataclass(frozen=True)
class Source:
    path: str
    encoding: str
    script: str
    chars: int
    format: str = "text"


@dataclass(frozen=True)
class Meeting:
    title: str | None = None
    name: str | None = None
    kind: str | None = None
    date: str | None = None
    time_of_day: str | None = None
    location: str | None = None


@dataclass(frozen=True)
class Attendee:
    name: str
    titles: tuple[str, ...]
    roles: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class Reporter:
    name: str
    span: Span


@dataclass(frozen=True)
class Requirement:
    text: str
    issuer: str | None
    subject: str | None
    section: str | None
    span: Span


@dataclass(frozen=True)
class Principle:
    text: str
    kind: str
    value: str
    items: tuple[str, ...]
    span: Span


@dataclass(frozen=True)
class Target:
    name: str
    kind: str
    text: str
    span: Span


@dataclass(frozen=True)
class DocumentRef:
    title: str
    action: str | None
    span: Span


@dataclass(frozen=True)
class Term:
    term: str
    count: int


@dataclass(frozen=True)
class Warning:
    kind: str
    span: Span
    text: str


@dataclass(frozen=True)
class Report:
    source: Source
    meeting: Meeting = field(default_factory=Meeting)
    attendees: tuple[Attendee, ...] = ()
    reporters: tuple[Reporter, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    principles: tuple[Principle, ...] = ()
    targets: tuple[Target, ...] = ()
    documents: tuple[DocumentRef, ...] = ()
    terms: tuple[Term, ...] = ()
    warnings: tuple[Warning, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The output object with the contract's key order; lists, not tuples."""
        return {
            "schema": SCHEMA,
            "source": _plain(self.source),
            "meeting": _plain(self.meeting),
            "attendees": [_plain(a) for a in self.attendees],
            "reporters": [_plain(r) for r in self.reporters],
            "requirements": [_plain(r) for r in self.requirements],
            "principles": [_plain(p) for p in self.principles],
            "targets": [_plain(t) for t in self.targets],
            "documents": [_plain(d) for d in self.documents],
            "terms": [_plain(t) for t in self.terms],
            "warnings": [_plain(w) for w in self.warnings],
        }


def _plain(item: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in item.__dataclass_fields__:
        value = getattr(item, name)
        out[name] = list(value) if isinstance(value, tuple) else value
    return out
