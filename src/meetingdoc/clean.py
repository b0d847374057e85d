"""Stage 2: repair the noise real reports carry, keeping every span mappable.

Repairs, in order: line ends and zero-width characters; inline pinyin after a
character (`建設(shè)` -> `建設`); full-width digits and letters -> half-width;
runs of spaces folded, lines trimmed; ASCII punctuation next to Chinese ->
full-width. Garbled runs (mojibake such as `燃?xì)狻⒐┡潘?`) are left in the
text and reported with their span. Each kind of repair is reported once in
`warnings`, with its count and the span of its first occurrence.

Known limitations: pinyin is recognised only as tone-marked syllables in
brackets right after a CJK character, so toneless pinyin (`(jian)`) stays;
garbled runs are found by their tell-tale characters (`?`, U+FFFD, box
drawing, enclosed numbers, stray accented Latin), so mojibake made only of
valid common CJK characters passes unnoticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .mapped import MappedText
from .model import Warning

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# 一个带声调的拼音音节（可带 ü/ê），紧跟在汉字后的半角或全角括号里
_PINYIN = re.compile(
    rf"(?<=[{_CJK}])[(（]"
    rf"(?=[a-zü{_TONED}ê]*[{_TONED}ü])[a-zü{_TONED}ê]{{1,7}}"
    rf"[)）]"
)
_LINE_ENDS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u2060\ufeff\u00ad]")
_FULLWIDTH_ALNUM = re.compile(r"[０-９Ａ-Ｚａ-ｚ％．]")
_SPACE_RUN = re.compile(r"[ \t\u00a0\u3000\u2002-\u200a\u202f\u205f]+")
_EDGE_SPACE = re.compile(r"(?m)^ +| +$")
# 紧挨汉字的半角标点改为全角（数字之间的 1,000 和 3.5 不动）
_ASCII_PUNCT = re.compile(
    # Each branch starts with the punctuation mark itself, so the scan skips
    # ordinary text quickly; the context is checked around it.
    rf"[,:;!?](?:(?<=[{_CJK}”’）》)][,:;!?])|(?=[{_CJK}“‘（《]))"
    rf"|\.(?<=[{_CJK}]\.)(?=[{_CJK}“]|$)"
    rf"|\((?=[^()\n]{{0,40}}\))(?=[{_CJK}“])|\)(?<=[{_CJK}”。]\))",
    re.M,
)
_FULLWIDTH_PUNCT = {
    ",": "，",
    ":": "：",
    ";": "；",
    "!": "！",
    "?": "？",
    ".": "。",
    "(": "（",
    ")": "）",
}
# 乱码的标志字符：问号、替换符、制表符、带圈数字、孤立的带调拉丁字母
# 以及 UTF-8 被当作 GBK 读出时中文标点变成的字：銆（、。）锛（，：）鈥（“”）
_GARBLE_MARK = rf"[?\ufffd\u2500-\u257f\u2460-\u24ff\u2488-\u249b\u00c0-\u00ff{_TONED}銆锛鈥]"
# A run starts at a mark; the character before it, when CJK, is the victim of
# the damage and belongs to the run too (see _garbled_runs).
_GARBLED = re.compile(rf"{_GARBLE_MARK}(?:[{_CJK}a-z、，()]{{0,4}}{_GARBLE_MARK})+|\ufffd+")
_CJK_CHAR = re.compile(rf"[{_CJK}]")
_GARBLE_MARK_RE = re.compile(_GARBLE_MARK)


@dataclass(frozen=True)
class Cleaned:
    text: MappedText
    warnings: tuple[Warning, ...]


def _half_width(m: re.Match[str]) -> str:
    return chr(ord(m.group(0)) - 0xFEE0)


# 汉字旁成对的半角双引号改为“”
_ASCII_QUOTES = re.compile(rf'"(?=[^"\n]*[{_CJK}])([^"\n]{{1,200}})"')


# (kind, pattern, replacement, message) in the order they are applied.
_REPAIRS = (
    ("line-ends", _LINE_ENDS, lambda m: "\n", "normalised {n} non-LF line ends"),
    ("zero-width", _ZERO_WIDTH, lambda m: "", "removed {n} zero-width characters"),
    ("inline-pinyin", _PINYIN, lambda m: "", "removed {n} inline pinyin annotations"),
    ("full-width", _FULLWIDTH_ALNUM, _half_width, "made {n} full-width digits/letters half-width"),
    ("spaces", _SPACE_RUN, lambda m: " ", None),
    ("spaces", _EDGE_SPACE, lambda m: "", None),
    (
        "ascii-punctuation",
        _ASCII_PUNCT,
        lambda m: _FULLWIDTH_PUNCT[m.group(0)],
        "made {n} ASCII punctuation marks between Chinese full-width",
    ),
    (
        "ascii-quotes",
        _ASCII_QUOTES,
        lambda m: f"“{m.group(1)}”",
        "made {n} ASCII quote pairs full-width",
    ),
)


def _garbled_runs(original: str):
    # Tone marks of inline pinyin are no damage: hide the annotations, keep offsets.
    scanned = (
        _PINYIN.sub(lambda m: " " * len(m.group(0)), original)
        if "(" in original or "（" in original
        else original
    )
    previous_end = 0
    for m in _GARBLED.finditer(scanned):
        start, end = m.span()
        if start > previous_end and _CJK_CHAR.match(original, start - 1):
            start -= 1
        previous_end = end
        run = original[start:end]
        # “为什么?怎么办?”：只有问号、又不连用的，是半角问号而非乱码
        only_questions = not _GARBLE_MARK_RE.search(run.replace("?", "")) and "??" not in run
        if not _PINYIN.fullmatch(run) and not only_questions:
            yield Warning("garbled-text", (start, end), run)


def clean(original: str) -> Cleaned:
    """Clean a decoded report; spans in the result map back to `original`."""
    text = MappedText.identity(original)
    warnings: list[Warning] = []
    garbled = list(_garbled_runs(original))
    for kind, pattern, repl, message in _REPAIRS:
        text, touched = text.sub(pattern, repl)
        if touched and message:
            first = touched[0]
            warnings.append(Warning(kind, first, message.format(n=len(touched))))
    return Cleaned(text, tuple(warnings) + tuple(garbled))
