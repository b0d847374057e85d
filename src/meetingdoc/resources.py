"""Data files shipped with the package (`dicts/`), read with importlib.resources.

In an installed wheel the repository's `dicts/` lives at `meetingdoc/dicts`;
in a source checkout run without installing, the top-level `dicts/` is used.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path


def dict_path(name: str):
    """A Traversable for dicts/NAME, installed or from the checkout."""
    packaged = importlib.resources.files("meetingdoc") / "dicts" / name
    if packaged.is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "dicts" / name
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(f"meetingdoc data file dicts/{name} is missing from the installation")


def data_lines(name: str) -> list[str]:
    """Non-blank lines of dicts/NAME without `#` comments, stripped."""
    lines = []
    for raw in dict_path(name).read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            lines.append(line)
    return lines


@cache
def word_set(name: str) -> frozenset[str]:
    """The first field of every data line of dicts/NAME."""
    return frozenset(line.split()[0] for line in data_lines(name))


@cache
def cue_table(name: str) -> dict[str, tuple[str, ...]]:
    """A cue-word table dicts/NAME: `[section]` headers, then one cue per line.

    Comments start with `#`. Returns {section: cues in file order}. Cues are
    data so that linguists can extend them without touching code.
    """
    table: dict[str, list[str]] = {}
    section = None
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            table.setdefault(section, [])
        elif section is None:
            raise ValueError(f"dicts/{name}: cue {line!r} before any [section]")
        else:
            table[section].append(line)
    return {k: tuple(v) for k, v in table.items()}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of cue words, longest first so the longest cue wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def grouped_alternation(words: Iterable[str]) -> str:
    """alternation(words), grouped by first character: `要(?:求|点)|应(?:对|用)|…`.

    It matches exactly what alternation(words) matches (the words that can
    match at a position share its first character and keep their longest-first
    order), but the regex engine tries one group per position instead of
    every word.
    """
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(
        re.escape(first) + (f"(?:{'|'.join(rests)})" if rests != [""] else "")
        for first, rests in groups.items()
    )


def word_lengths_by(
    words: Iterable[str], key: Callable[[str], str], longest_first: bool = False
) -> dict[str, tuple[int, ...]]:
    """For each key of a word (its first character, its last two …), the lengths
    of the words with that key: which slices of a text are worth a set lookup."""
    lengths: dict[str, set[int]] = {}
    for w in words:
        if w:
            lengths.setdefault(key(w), set()).add(len(w))
    return {k: tuple(sorted(ns, reverse=longest_first)) for k, ns in lengths.items()}
