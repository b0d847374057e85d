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
import marshal
import math
import os
import re
import stat
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
            if _only_mine(path):
                return path
        except OSError:
            continue
    return Path(tempfile.mkdtemp(prefix="meetingdoc-"))


def _only_mine(path: Path) -> bool:
    """Owned by this user and writable by nobody else: the cache there is
    unmarshalled, so a folder someone else made (in /tmp, say) is not used."""
    st = path.lstat()
    if not stat.S_ISDIR(st.st_mode) or not os.access(path, os.W_OK):
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


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


# Markers in the fragment memo: not in jieba's prefix dictionary at all, or
# only as the prefix of longer words (frequency 0); and "not looked up yet".
_NOT_A_PREFIX = object()
_ONLY_A_PREFIX = object()
_UNSEEN = object()
# Fragments a Segmenter remembers scores for (then it starts afresh).
_FRAGMENTS_REMEMBERED = 200_000
# jieba's name for the prefix-dictionary cache of its default dictionary
_JIEBA_CACHE = "jieba.cache"


def _load_cached_dictionary(tokenizer) -> None:
    """Initialize a default-dictionary Tokenizer from jieba's own cache file.

    jieba reads that cache with `marshal.load(file)`, which pulls the 9 MB
    in small reads and takes 0.4 s; `marshal.loads` on the whole file takes
    0.13 s and gives the same (FREQ, total). Anything unexpected (no cache
    yet, a damaged one) falls back to jieba's `initialize()`, which builds
    and writes the cache.
    """
    path = Path(tokenizer.tmp_dir) / _JIEBA_CACHE
    try:
        freq, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        freq = None
    if isinstance(freq, dict) and isinstance(total, int) and freq and total > 0:
        tokenizer.FREQ, tokenizer.total = freq, total
        tokenizer.initialized = True
    else:
        tokenizer.initialize()


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
        _load_cached_dictionary(tokenizer)
        for word, freq, tag in self.policy_entries + self._user_entries:
            tokenizer.add_word(word, freq, tag)
        return tokenizer

    def cut(self, text: str) -> list[str]:
        return self.tokenizer.lcut(text)

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
        # Hits come in text order and never cross a block: walk both together.
        hits = finder.iter(text)
        hit = next(hits, None)
        if hit is None:
            return
        for block in _JIEBA_BLOCK.finditer(text):
            if hit[0] < block.end():  # hit[0] is the index of the term's last character
                yield block.group()
                end = block.end()
                while hit is not None and hit[0] < end:
                    hit = next(hits, None)
                if hit is None:
                    return

    def count_terms(self, text: str) -> list[tuple[str, int]]:
        """Policy terms among the text's tokens, most frequent first, then by term."""
        counts: Counter[str] = Counter()
        for block in self.term_blocks(text):
            self._count_block(block, counts)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    @cached_property
    def _log_total(self) -> float:
        return math.log(self.tokenizer.total)

    def _count_block(self, block: str, counts: Counter[str]) -> None:
        """Count the terms among jieba's tokens of one block.

        The same computation as jieba's `Tokenizer.cut` with HMM on (its
        `get_DAG`, `calc` and `__cut_DAG`): the best route right to left over
        the words of the prefix dictionary, ties to the longer word, then
        runs of single characters given to the HMM. The two passes are fused
        and each fragment's lookup and score memoized (same floating-point
        sums, so the same route); tests compare the counts with
        `Tokenizer.cut` on every example and on generated text. Only term
        tokens are kept.
        """
        scores = self._fragment_scores
        if len(scores) > _FRAGMENTS_REMEMBERED:
            scores.clear()
        score_of = self._score_fragment
        log_total = self._log_total
        size = len(block)
        best_end = [0] * (size + 1)
        best_score = [0.0] * (size + 1)
        for start in range(size - 1, -1, -1):
            top_score = 0.0
            top_end = -1
            end = start
            fragment = block[start]
            while end < size:
                score = scores.get(fragment, _UNSEEN)
                if score is _UNSEEN:
                    score = scores[fragment] = score_of(fragment)
                if score is _NOT_A_PREFIX:
                    break
                if score is not _ONLY_A_PREFIX:
                    score += best_score[end + 1]
                    if top_end < 0 or score >= top_score:
                        top_score, top_end = score, end
                end += 1
                fragment = block[start : end + 1]
            if top_end < 0:  # no word starts here: the character alone, frequency 1
                top_score, top_end = 0.0 - log_total + best_score[start + 1], start
            best_score[start] = top_score
            best_end[start] = top_end

        terms = self.terms
        position = 0
        run_start = -1  # start of the current run of single characters
        while position < size:
            after = best_end[position] + 1
            if after - position == 1:
                if run_start < 0:
                    run_start = position
            else:
                if run_start >= 0:
                    self._count_run(block[run_start:position], counts)
                    run_start = -1
                word = block[position:after]
                if word in terms:
                    counts[word] += 1
            position = after
        if run_start >= 0:
            self._count_run(block[run_start:], counts)

    def _count_run(self, run: str, counts: Counter[str]) -> None:
        """A run of single characters, as jieba emits it: one character, the
        HMM's words when the run is not a dictionary word, else characters."""
        terms = self.terms
        if len(run) == 1 or self.tokenizer.FREQ.get(run):
            for char in run:
                if char in terms:
                    counts[char] += 1
            return
        if next(self._term_finder.iter(run), None) is None:
            return  # the HMM only cuts the run into pieces: no term can come out
        from jieba import finalseg

        for token in finalseg.cut(run):
            if token in terms:
                counts[token] += 1

    @cached_property
    def _fragment_scores(self) -> dict[str, object]:
        """Memo of _score_fragment: one dictionary lookup per fragment instead of three."""
        return {}

    def _score_fragment(self, fragment: str) -> object:
        """log P(word) for a dictionary word; markers for a bare prefix or neither."""
        freq = self.tokenizer.FREQ.get(fragment)
        if freq is None:
            return _NOT_A_PREFIX
        if not freq:
            return _ONLY_A_PREFIX
        return math.log(freq) - self._log_total
