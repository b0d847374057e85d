"""What every extractor reads: the cleaned Simplified text, its units, its map.

Extractors work on `Context.text` (cleaned, converted to Simplified) and
report spans of that text; `Context.span()` maps them back to the original
decoded file, which is what the output carries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from ..mapped import MappedText, Span

# 句末标点（句子单位：。！？；或段末）
SENTENCE_END = "。！？；!?;"
_OPEN_QUOTES = "“‘「『《（(【"
_CLOSE_QUOTES = "”’」』》）)】"


@dataclass(frozen=True)
class Unit:
    """A paragraph or sentence: text[start:end] of the working text."""

    start: int
    end: int
    text: str


@dataclass
class Context:
    mapped: MappedText
    original: str
    # Converts a passage of the original script to Simplified the way names
    # need it (乾 kept); the identity for Simplified input.
    to_simplified: Callable[[str], str] = lambda s: s
    _sentences: dict[int, tuple[int, list[Unit]]] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return self.mapped.text

    def span(self, start: int, end: int) -> Span:
        return self.mapped.original_span(start, end)

    @cached_property
    def paragraphs(self) -> list[Unit]:
        """Non-empty lines; the first is the headline."""
        units = []
        for m in re.finditer(r"[^\n]+", self.text):
            if m.group(0).strip():
                units.append(Unit(m.start(), m.end(), m.group(0)))
        return units

    @cached_property
    def headline(self) -> Unit | None:
        return self.paragraphs[0] if self.paragraphs else None

    @cached_property
    def body(self) -> list[Unit]:
        return self.paragraphs[1:]

    def sentences(self, paragraph: Unit) -> list[Unit]:
        """Sentences of a paragraph, split once and shared by every extractor."""
        cached = self._sentences.get(paragraph.start)
        if cached is None or cached[0] != paragraph.end:
            cached = (paragraph.end, split_sentences(paragraph.text, paragraph.start))
            self._sentences[paragraph.start] = cached
        return cached[1]


# 不含引号、括号和空格的段落：一条正则即可切句
_PLAIN_SENTENCE = re.compile(rf"[^{SENTENCE_END}]*[{SENTENCE_END}]|[^{SENTENCE_END}]+$")
_NEEDS_CARE = re.compile(rf"[{re.escape(_OPEN_QUOTES + _CLOSE_QUOTES)} ]")


def split_sentences(text: str, offset: int = 0) -> list[Unit]:
    """Sentences ended by 。！？； (outside quotes) or the end of the text."""
    if not _NEEDS_CARE.search(text):
        return [
            Unit(offset + m.start(), offset + m.end(), m.group(0))
            for m in _PLAIN_SENTENCE.finditer(text)
        ]
    units = []
    depth = 0
    start = 0
    for i, c in enumerate(text):
        if c in _OPEN_QUOTES:
            depth += 1
        elif c in _CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif c in SENTENCE_END and depth == 0:
            # keep a closing quote or bracket right after the mark in this sentence
            units.append((start, i + 1))
            start = i + 1
    units.append((start, len(text)))
    out = []
    for s, e in units:
        while s < e and text[s] in " ”’」）)":
            if text[s] in "”’」）)" and out:
                prev = out[-1]
                out[-1] = Unit(prev.start, offset + s + 1, prev.text + text[s])
            s += 1
        while e > s and text[e - 1] == " ":
            e -= 1
        if s < e:
            out.append(Unit(offset + s, offset + e, text[s:e]))
    return out
