"""Script and noise invariance: the same report in Traditional script, with
inline pinyin, with ASCII punctuation, in GB18030, Big5, UTF-16 or UTF-8 with
a BOM, or with CRLF line ends gives the same items (texts compared without
punctuation). Runs on the project's examples and, when present, the dev corpus."""

from __future__ import annotations

import codecs
import itertools

import pytest
from conftest import DEV, example_texts, letters
from opencc import OpenCC

_TO_TRADITIONAL = OpenCC("s2tw")
_SYLLABLES = itertools.cycle(["shè", "qū", "zhì", "diào", "yì", "lǐng", "wù"])
_ASCII = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "“": '"', "”": '"'})


def traditional(text: str) -> str:
    return _TO_TRADITIONAL.convert(text)


def with_pinyin(text: str) -> str:
    """Pinyin after every character that conversion changed, as scraped pages have it."""
    converted = traditional(text)
    out = []
    for before, after in zip(text, converted, strict=False):
        out.append(after)
        if before != after:
            out.append(f"({next(_SYLLABLES)})")
    return "".join(out)


VARIANTS = {
    "traditional": lambda t: traditional(t).encode("utf-8"),
    "pinyin": lambda t: with_pinyin(t).encode("utf-8"),
    "ascii-punctuation": lambda t: t.translate(_ASCII).encode("utf-8"),
    "gb18030": lambda t: t.encode("gb18030"),
    "big5": lambda t: traditional(t).encode("cp950"),  # on big5_safe() text, see below
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
}


def items(report) -> dict[str, list]:
    return {
        "attendees": [(letters(a.name), sorted(map(letters, a.titles))) for a in report.attendees],
        "requirements": [letters(r.text) for r in report.requirements],
        "principles": [letters(p.value) for p in report.principles],
        "targets": [letters(t.name) for t in report.targets],
        "reporters": [letters(r.name) for r in report.reporters],
        "date": report.meeting.date,
    }


def simplified_base(path) -> str:
    """The report cleaned and in Simplified script: variants start from the same text."""
    from meetingdoc.clean import clean
    from meetingdoc.convert import Converter

    text = clean(path.read_bytes().decode("utf-8")).text.text
    converter = Converter()
    return converter.convert_string(text) if converter.script(text) != "simplified" else text


def big5_safe(text: str) -> str:
    """Big5 has no code for some characters (衞, ì): a real Big5 file cannot hold
    them either, so both sides of the comparison use the same stand-in."""

    def encodable(c: str) -> bool:
        try:
            traditional(c).encode("cp950")
            return True
        except UnicodeEncodeError:
            return False

    return "".join(c if encodable(c) else "□" for c in text)


def documents():
    docs = example_texts()
    if DEV.is_dir():
        docs += sorted(DEV.glob("*.txt"))
    return docs


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("path", documents(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_items_for_every_variant(pipeline, path, variant):
    base = simplified_base(path)
    if variant == "big5":
        base = big5_safe(base)
    data = VARIANTS[variant](base)
    expected = items(pipeline.analyze_bytes(base.encode("utf-8"), path="base.txt"))
    assert items(pipeline.analyze_bytes(data, path=f"{variant}.txt")) == expected
