"""The direct YAML writer gives PyYAML's bytes, or steps aside."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingdoc import yamlout
from meetingdoc.render import pyyaml_dump, render_yaml

# Characters that change how YAML quotes: indicators, spaces, quotes, breaks,
# controls, a bidi mark, full-width punctuation and CJK.
TRICKY = " -?:,[]{}#&*!|>'\"%@`~.0123456789eEnNoyYtf\t\n\r\x85\u2028\x1b\u202e\ufeff\u3000会议要求，：（）“”"

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.text(alphabet=TRICKY, max_size=8)
    | st.sampled_from(["null", "yes", "no", "on", "1e3", "---04", "2024-01-02", "~", "<<", "=", ""])
)
keys = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_会议", min_size=1, max_size=8)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)
documents = st.dictionaries(keys, values, min_size=1, max_size=6) | st.lists(
    st.dictionaries(keys, values, min_size=1, max_size=4), min_size=1, max_size=3
)


@settings(max_examples=600, deadline=None)
@given(documents)
def test_same_bytes_as_pyyaml_or_unsupported(data):
    try:
        fast = yamlout.dump(data)
    except yamlout.Unsupported:
        return
    assert fast == pyyaml_dump(data)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_render_yaml_always_equals_pyyaml_and_round_trips(data):
    text = render_yaml(data)
    assert text == pyyaml_dump(data)
    assert yaml.safe_load(text) == data


@pytest.mark.parametrize(
    ("text", "flow", "expected"),
    [
        ("会议要求", False, "会议要求"),
        ("a: b", False, "'a: b'"),
        ("a:b", False, "a:b"),
        ("a:b", True, "'a:b'"),
        ("a,b", False, "a,b"),
        ("a,b", True, "'a,b'"),
        ("x #y", False, "'x #y'"),
        ("x#y", False, "x#y"),
        ("-x", False, "-x"),
        ("- x", False, "'- x'"),
        ("#x", False, "'#x'"),
        ("---04", False, "'---04'"),
        ("it's", False, "it's"),
        ("'q'", False, "'''q'''"),
        ("yes", False, "'yes'"),
        ("123", False, "'123'"),
        ("", False, "''"),
    ],
)
def test_scalar_styles(text, flow, expected):
    assert yamlout.scalar(text, flow) == expected


@pytest.mark.parametrize("text", ["a\nb", " lead", "trail ", "tab\there", "\x1b[31m", "\ufeffx"])
def test_strings_needing_escapes_go_to_pyyaml(text):
    with pytest.raises(yamlout.Unsupported):
        yamlout.scalar(text, False)
    assert yaml.safe_load(render_yaml({"text": text})) == {"text": text}


@pytest.mark.parametrize("data", [{"a": 1.5}, {"a": [[1]]}, {}, [], "text", {"k" * 200: 1}])
def test_other_shapes_go_to_pyyaml(data):
    with pytest.raises(yamlout.Unsupported):
        yamlout.dump(data)
    assert render_yaml(data) == pyyaml_dump(data)
