"""Text that remembers where each of its characters came from.

Cleaning and conversion change the text; every extracted item must still
point into the original decoded file. `MappedText` carries, for each
character of the working text, the index of the original character it came
from, so a span of the working text maps back with `original_span()`.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass

Span = tuple[int, int]


@dataclass(frozen=True)
class MappedText:
    text: str
    # origin[i] is the original index of text[i]; origin[len(text)] is the
    # original length, so an empty span at the end still maps.
    origin: array

    @classmethod
    def identity(cls, text: str) -> MappedText:
        return cls(text, array("i", range(len(text) + 1)))

    def original_span(self, start: int, end: int) -> Span:
        """Original [start, end) of the working-text slice text[start:end]."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            pos = self.origin[start]
            return (pos, pos)
        return (self.origin[start], self.origin[end - 1] + 1)

    def sub(
        self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
    ) -> tuple[MappedText, list[Span]]:
        """Replace every match, keeping the origin map; return the original spans touched.

        A replacement of the same length maps character by character; any
        other replacement maps all its characters to the match's first one.
        """
        pieces: list[str] = []
        origin = array("i")
        touched: list[Span] = []
        last = 0
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new == m.group(0):
                continue
            start, end = m.span()
            pieces.append(self.text[last:start])
            origin.extend(self.origin[last:start])
            pieces.append(new)
            if len(new) == end - start:
                origin.extend(self.origin[start:end])
            else:
                origin.extend([self.origin[start]] * len(new))
            touched.append(self.original_span(start, end))
            last = end
        if not touched:
            return self, touched
        pieces.append(self.text[last:])
        origin.extend(self.origin[last:])
        return MappedText("".join(pieces), origin), touched

    def replace_text(self, new_text: str) -> MappedText:
        """Same-length replacement (e.g. character conversion): the map is kept."""
        if len(new_text) != len(self.text):
            raise ValueError("replace_text needs a text of the same length")
        return MappedText(new_text, self.origin)
