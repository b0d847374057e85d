"""Properties over arbitrary input: analyze() never raises, spans stay in
bounds, and YAML round-trips to the same object as JSON."""

from __future__ import annotations

import json

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingdoc.render import render_json, render_yaml

GENRE = "会议要求强调指出坚持以为方针创建确保打造市长县长书记主持出席记者。，；、“”（）(shè)?\n要必须王李张"
texts = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from(GENRE), max_size=300),
    st.lists(
        st.sampled_from(
            [
                "市委常委、宣传部长王少青出席会议。",
                "会议要求，要抓好落实；",
                "以“安全、整洁”为方针",
                "创建“全国文明城市”",
                "（记者 李华）",
                "燃?xì)狻",
                "\r\n",
                "２０２３年",
                ",",
                "(zhì)",
            ]
        ),
        max_size=20,
    ).map("".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_analyze_never_raises_and_round_trips(pipeline, text):
    report = pipeline.analyze(text, path="p.txt")
    data = report.to_dict()
    assert yaml.safe_load(render_yaml(data)) == json.loads(render_json(data)) == data
    for kind in (
        "attendees",
        "reporters",
        "requirements",
        "principles",
        "targets",
        "documents",
        "warnings",
    ):
        for item in getattr(report, kind):
            start, end = item.span
            assert 0 <= start <= end <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200))
def test_bytes_never_raise_anything_but_input_errors(pipeline, data):
    from meetingdoc.errors import InputError

    try:
        pipeline.analyze_bytes(data, path="b.txt")
    except InputError as exc:
        assert exc.path == "b.txt" and "\n" not in exc.reason
