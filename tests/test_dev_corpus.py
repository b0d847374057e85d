"""Checks on the real reports in ../shared/corpus/dev (skipped when absent):
the seed's done-when facts, grounded spans everywhere, and the in-process
evaluator agreeing with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import DEV, SHARED, needs_dev_corpus, ungrounded

pytestmark = needs_dev_corpus()


def dev_texts():
    return sorted(DEV.glob("*.txt")) if DEV.is_dir() else []


def test_seed(pipeline):
    report = pipeline.analyze_bytes((DEV / "seed.txt").read_bytes(), "seed.txt")
    assert report.source.script == "traditional"
    people = {a.name: list(a.titles) for a in report.attendees}
    assert people["丁福浩"] == ["市长"]
    assert people["王少青"] == ["市委常委", "宣传部长"]
    assert people["王宏武"] == ["副市长"]
    assert people["孙鸿俊"] == ["市政府秘书长"]
    assert report.requirements and report.principles and report.targets
    assert [w.text for w in report.warnings if w.kind == "garbled-text"] == ["燃?xì)狻⒐┡潘?"]
    assert report.meeting.date == "--06-18"


@pytest.mark.parametrize("path", dev_texts(), ids=lambda p: p.stem)
def test_every_item_is_grounded(pipeline, path):
    original = path.read_text(encoding="utf-8")
    report = pipeline.analyze(original, path=path.name)
    assert ungrounded(report, original, pipeline) == []


def test_eval_agrees_with_the_shared_scorer():
    scorer = SHARED / "tools" / "score.py"
    cmd = f"{sys.executable} -m meetingdoc extract --format json {{path}}"
    shared = subprocess.run(
        [sys.executable, str(scorer), str(DEV), "--json", "--cmd", cmd],
        capture_output=True,
        text=True,
    )
    ours = subprocess.run(
        [sys.executable, "-m", "meetingdoc", "eval", str(DEV), "--format", "json"],
        capture_output=True,
        text=True,
    )
    theirs, mine = json.loads(shared.stdout), json.loads(ours.stdout)
    mine.pop("macro_f1")
    assert mine == theirs
