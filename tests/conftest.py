"""Shared fixtures: a CliRunner, the project's examples, the optional ../shared corpus."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="session")
def pipeline():
    from meetingdoc import Pipeline

    return Pipeline()


def example_texts() -> list[Path]:
    return sorted(EXAMPLES.glob("*.txt"))


def needs_dev_corpus():
    return pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is not present")


def letters(text: str) -> str:
    """Letters and digits only (NFKC), as the scorer compares texts."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def ungrounded(report, original: str, pipeline) -> list[str]:
    """Items whose span, once cleaned and converted, does not contain their text."""
    from meetingdoc.clean import clean

    convert = report.source.script != "simplified"

    def simplified(passage: str) -> str:
        text = clean(passage).text.text
        return pipeline.converter.convert_string(text) if convert else text

    problems = []
    kinds = (
        ("attendees", "name"),
        ("reporters", "name"),
        ("requirements", "text"),
        ("principles", "value"),
        ("targets", "name"),
        ("documents", "title"),
    )
    for kind, key in kinds:
        for item in getattr(report, kind):
            start, end = item.span
            passage = letters(simplified(original[start:end]))
            if (
                not (0 <= start <= end <= len(original))
                or letters(getattr(item, key)) not in passage
            ):
                problems.append(f"{kind}: {getattr(item, key)!r} not in span {item.span}")
    return problems
