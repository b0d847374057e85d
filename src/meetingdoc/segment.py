"""Stage 4: word segmentation with the project's own jieba Tokenizer.

Each `Segmenter` owns a `jieba.Tokenizer` (never the global `jieba.dt`),
built on first use with the policy-term dictionary (`dicts/policy_terms.txt`)
and any user dictionaries. jieba's prefix-dictionary cache goes to a private
per-user folder, and its start-up messages are silenced.

User dictionaries use jieba's format, `word [freq] [tag]` per line; they are
validated whole before anything is loaded, so a bad file changes nothing and
is reported as `FILE:LINE: reason`.

Policy terms are counted on jieba's tokens, but only where they can occur:
jieba cuts a text into blocks (runs of Chinese characters, letters and
digits) and segments each block on its own, so a block that does not contain
any dictionary term as a substring can never yield one as a token. An
Aho-Corasick automaton over the terms (pyahocorasick) picks out the blocks
that do, typically a fifth of a report, and only those are segmented. The
counts are exactly those of segmenting the whole text.

Known limitations: segmentation is jieba's HMM model plus dictionaries, so
unseen names and terms may be split; the extractors therefore work on the
character text and use segmentation only for the term counts. A user term
with characters jieba never joins into a word (punctuation, spaces) is never
counted.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from .errors import DictionaryError
from .resources import data_lines

POLICY_TERMS = "policy_terms.txt"
# jieba's own block pattern (jieba.re_han_default): it never joins across these.
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")
_WORD_OK = re.compile(r"^\S+$")


def cache_dir() -> Path:
    """A folder only this user can write, for jieba's cache."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    candidates = [
        Path(base) / "meetingdoc",
        Path(tempfile.gettempdir()) / f"meetingdoc-{os.getuid()}",
    ]
    for path in candidates:
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.access(path, os.W_OK):
                return path
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="meetingdoc-"))


def parse_dictionary(lines: list[str], source: str) -> list[tuple[str, int | None, str | None]]:
    """Validate jieba dictionary lines; raise DictionaryError naming FILE:LINE."""
    entries = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split()
        if len(fields) > 3:
            raise DictionaryError(
                f"{source}:{number}", f"expected 'word [freq] [tag]', got {len(fields)} fields"
            )
        word = fields[0]
        if "\ufffd" in word or not _WORD_OK.match(word):
            raise DictionaryError(f"{source}:{number}", f"invalid word {word!r}")
        freq: int | None = None
        tag: str | None = None
        rest = fields[1:]
        if rest and rest[0].isdigit():
            freq = int(rest.pop(0))
        elif rest and re.fullmatch(r"[-+]?\d+(\.\d*)?", rest[0]):
            raise DictionaryError(
                f"{source}:{number}", f"frequency must be a whole number ≥ 0, got {rest[0]!r}"
            )
        if rest:
            tag = rest.pop(0)
            if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", tag):
                raise DictionaryError(
                    f"{source}:{number}", f"invalid tag {tag!r} (letters, digits, _)"
                )
        if rest:
            raise DictionaryError(f"{source}:{number}", "frequency must come before the tag")
        entries.append((word, freq, tag))
    return entries


def read_user_dictionary(path: str) -> list[tuple[str, int | None, str | None]]:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DictionaryError(path, exc.strerror or str(exc)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DictionaryError(path, f"not UTF-8 (byte {exc.start})") from None
    return parse_dictionary(text.splitlines(), path)


class Segmenter:
    """jieba segmentation with the policy dictionary; built lazily, once per instance."""

    def __init__(self, user_dictionaries: tuple[str, ...] = ()) -> None:
        self.user_dictionaries = tuple(user_dictionaries)
        # Validate now so a bad file fails before any work starts.
        self._user_entries = [
            e for path in self.user_dictionaries for e in read_user_dictionary(path)
        ]

    def __getstate__(self) -> dict:
        # The tokenizer is rebuilt in the receiving process; only settings travel.
        return {"user_dictionaries": self.user_dictionaries, "_user_entries": self._user_entries}

    @cached_property
    def policy_entries(self) -> list[tuple[str, int | None, str | None]]:
        return parse_dictionary(data_lines(POLICY_TERMS), f"dicts/{POLICY_TERMS}")

    @cached_property
    def terms(self) -> frozenset[str]:
        return frozenset(w for w, _, _ in self.policy_entries) | frozenset(
            w for w, _, _ in self._user_entries
        )

    @cached_property
    def tokenizer(self):
        import jieba

        logging.getLogger("jieba").setLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        tokenizer.tmp_dir = str(cache_dir())
        tokenizer.initialize()
        for word, freq, tag in self.policy_entries + self._user_entries:
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def cut(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text)

    def iter_tokens(self, text: str) -> Iterator[str]:
        """Tokens one at a time: a huge report never holds all of them at once."""
        return self.tokenizer.cut(text)

    @cached_property
    def _term_finder(self):
        import ahocorasick

        finder = ahocorasick.Automaton()
        for term in self.terms:
            if _JIEBA_BLOCK.fullmatch(term):  # anything else is never a token
                finder.add_word(term, term)
        if len(finder):
            finder.make_automaton()
        return finder

    def term_blocks(self, text: str) -> Iterator[str]:
        """The blocks jieba segments on their own that contain a term."""
        finder = self._term_finder
        if not len(finder):
            return
        for block in _JIEBA_BLOCK.findall(text):
            for _ in finder.iter(block):
                yield block
                break

    def count_terms(self, text: str) -> list[tuple[str, int]]:
        """Policy terms among the text's tokens, most frequent first, then by term."""
        terms = self.terms
        cut = self.tokenizer.cut
        counts = Counter(t for block in self.term_blocks(text) for t in cut(block) if t in terms)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
