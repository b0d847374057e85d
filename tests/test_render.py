"""Rendering: YAML and JSON carry the same object, safely, byte for byte the same."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from rich.console import Console

from meetingdoc.model import Attendee, Meeting, Report, Requirement, Source
from meetingdoc.render import render_csv, render_json, render_table, render_yaml


def make_report(text: str) -> Report:
    return Report(
        source=Source(path="r.txt", encoding="utf-8", script="simplified", chars=10),
        meeting=Meeting(title=text, date="--06-18"),
        attendees=(Attendee(text, ("市长",), ("出席",), (0, 3)),),
        requirements=(Requirement(text, "会议", None, None, (3, 9)),),
    )


@pytest.mark.parametrize(
    "text",
    [
        "no",
        "on",
        "Off",
        "yes",
        "null",
        "~",
        "1e3",
        "1.5",
        "0x1F",
        "12:30",
        "2023-06-18",
        "王少青",
        "",
    ],
)
def test_yaml_keeps_strings_strings(text):
    data = make_report(text).to_dict()
    rendered = render_yaml(data)
    assert yaml.safe_load(rendered) == data == json.loads(render_json(data))
    if text in ("no", "on", "1e3", "null"):
        assert f"'{text}'" in rendered


def test_yaml_is_readable_chinese_with_flow_spans():
    rendered = render_yaml(make_report("王少青").to_dict())
    assert "name: 王少青" in rendered
    assert "span: [0, 3]" in rendered
    assert "titles: [市长]" in rendered
    assert rendered.splitlines()[0] == "schema: meetingdoc/1"


@pytest.mark.parametrize(
    "hostile", ["\x1b[2J清屏", "\x1b]52;c;ZXZpbA==\x07", "\x9b31m", "[bold]粗体[/bold]"]
)
def test_no_escape_sequences_leave_the_renderers(hostile):
    data = make_report(hostile).to_dict()
    for rendered in (render_yaml(data), render_json(data), render_csv([make_report(hostile)])):
        assert "\x1b" not in rendered and "\x9b" not in rendered and "\x07" not in rendered
    assert yaml.safe_load(render_yaml(data)) == json.loads(render_json(data)) == data
    out = io.StringIO()
    render_table(make_report(hostile), Console(file=out, width=100, force_terminal=False))
    shown = out.getvalue()
    assert "\x1b" not in shown and "\x9b" not in shown
    if hostile.startswith("["):
        assert "[bold]粗体[/bold]" in shown


def test_table_wraps_long_text_instead_of_cutting_it():
    long = "要" + "深入推进城市更新行动" * 20 + "。"
    out = io.StringIO()
    render_table(make_report(long), Console(file=out, width=60))
    shown = "".join(out.getvalue().replace("│", " ").split())
    assert shown.count("深入推进城市更新行动") >= 40
    assert "…" not in shown


def test_csv_has_one_row_per_item():
    rows = render_csv([make_report("王少青")]).splitlines()
    assert rows[0].startswith("document,kind,text,span_start,span_end")
    assert [r.split(",")[1] for r in rows[1:]] == ["attendee", "requirement"]


def test_rendering_is_deterministic():
    data = make_report("王少青").to_dict()
    assert render_yaml(data) == render_yaml(make_report("王少青").to_dict())
    assert render_json(data) == render_json(make_report("王少青").to_dict())
