"""Issuers written as surname + post become the attendee's full name."""

from __future__ import annotations

import pytest

from meetingdoc.extract.fusion import resolve_issuers
from meetingdoc.model import Attendee, Requirement


def attendee(name: str, *titles: str) -> Attendee:
    return Attendee(name, titles, ("出席",), (0, len(name)))


def requirement(issuer: str | None) -> Requirement:
    return Requirement("要抓好落实。", issuer, None, None, (0, 6))


@pytest.mark.parametrize(
    ("issuer", "people", "expected"),
    [
        ("贺书记", [attendee("贺东升", "市委书记")], "贺东升"),
        ("王县长", [attendee("王立", "副县长"), attendee("王明", "县长")], "王明"),
        # 同姓两人、职务都对不上：保持原样
        ("王主任", [attendee("王立", "副县长"), attendee("王明", "县长")], "王主任"),
        # 会议、全名、无人可对：保持原样
        ("会议", [attendee("会明远", "县长")], "会议"),
        ("贺东升", [attendee("贺东升", "市委书记")], "贺东升"),
        ("李市长", [attendee("贺东升", "市委书记")], "李市长"),
        (None, [attendee("贺东升", "市委书记")], None),
    ],
)
def test_resolve_issuers(issuer, people, expected):
    (resolved,) = resolve_issuers((requirement(issuer),), tuple(people))
    assert resolved.issuer == expected


def test_through_the_pipeline(pipeline):
    text = (
        "临川市召开项目建设推进会\n"
        "市委书记贺东升出席会议并讲话。\n"
        "贺书记强调，各地要加快项目建设进度。\n"
    )
    report = pipeline.analyze(text)
    assert [r.issuer for r in report.requirements] == ["贺东升"]
