"""The project's own examples: golden YAML, grounded spans, and extraction
quality against their hand-made gold annotations.

Regenerate the golden files after an intended change with
`MEETINGDOC_REGEN=1 python -m pytest tests/test_examples.py` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import EXAMPLES, example_texts, ungrounded

from meetingdoc.evaluate import evaluate
from meetingdoc.render import render_yaml

EXPECTED = EXAMPLES / "expected"


@pytest.mark.parametrize("path", example_texts(), ids=lambda p: p.stem)
def test_golden_yaml(pipeline, path: Path):
    report = pipeline.analyze_bytes(path.read_bytes(), path=f"examples/{path.name}")
    rendered = render_yaml(report.to_dict())
    golden = EXPECTED / f"{path.stem}.yaml"
    if os.environ.get("MEETINGDOC_REGEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", example_texts(), ids=lambda p: p.stem)
def test_every_item_is_grounded(pipeline, path: Path):
    original = path.read_text(encoding="utf-8")
    report = pipeline.analyze(original, path=path.name)
    assert report.attendees and report.requirements
    assert ungrounded(report, original, pipeline) == []


def test_examples_against_their_gold(pipeline):
    result = evaluate(EXAMPLES, lambda p: pipeline.analyze_bytes(p.read_bytes(), str(p)).to_dict())
    scores = result.scores()
    assert scores["failed"] == []
    assert scores["attendees"]["f1"] >= 0.85
    assert scores["requirements"]["f1"] >= 0.75
    assert scores["principles"]["f1"] >= 0.6
    assert scores["targets"]["f1"] >= 0.6
    assert scores["date"]["accuracy"] >= 0.75
