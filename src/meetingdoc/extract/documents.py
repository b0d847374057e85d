"""Extract the documents a report names in 《…》 (SPEC §2 `documents`).

Every distinct 《…》 title in the body (not the headline, not page-info lines)
is listed once, in order of first mention. `title` is the text inside the outer
brackets (a nested 《…》 or 〈…〉 stays part of it); `span` covers the whole
《…》 of the first mention. `action` is the verb that governs the title in its
clause (`会议审议通过了《A》和《B》` gives 审议通过 to both; `会议通过的《X》` gives
通过), taken from the cue
section `[document_actions]` of dicts/meeting_cues.txt; when a title is
mentioned several times the first governing verb found is kept.

Known limitations: titles of newspapers, journals and programmes are left out
only when the title ends in a media word (日报, 杂志…) or is followed by one
(《求是》杂志); a verb separated from the title by more than 了/过/并, a
conjunction or other titles (`审议了关于…的《X》`) is not found; a title longer
than 200 characters or broken across lines is not recognised; short back
references (《规划》 after 《…规划（2018-2022年）》) are listed as their own titles.
"""

from __future__ import annotations

import re
from functools import cache

from ..model import DocumentRef
from ..resources import alternation
from .context import Context
from .meeting import body_units, cues, is_furniture

# 书名：《…》，允许一层嵌套的《…》
TITLE = re.compile(r"《(?P<title>(?:[^《》\n]|《[^《》\n]{1,100}》){1,200})》")
# 书名号内容整体遮住（找分句边界、去掉并列书名时用）
_TITLE_ANY = re.compile(r"《(?:[^《》\n]|《[^《》\n]{1,100}》){0,200}》")
# 括注：（草案）、（修订稿）
_PAREN_NOTE = re.compile(r"[（(][^（）()\n]{0,30}[）)]")
# 分句边界（书名号外）
_CLAUSE_END = re.compile(r"[，。；：！？\n]")
# 并列连接词与空白，位于动词和书名之间
_JOINERS = "、和及与以及等 "


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    c = cues()
    # 支配书名的动词，后可接 了/过/并/的，位于分句末尾（书名之前）
    verb = re.compile(rf"(?P<verb>{alternation(c['document_actions'])})(?:了|过|并|的)?$")
    # 书名后紧接的报刊、栏目词
    media_after = re.compile(rf"(?:{alternation(c['media_suffix'])})")
    return verb, media_after, c["media_title_ends"]


def _action(masked: str, lo: int, start: int) -> str | None:
    """The verb governing the title that starts at masked[start] (clause from lo)."""
    verb, _, _ = _patterns()
    clause = max(lo, start - 80)
    for m in _CLAUSE_END.finditer(masked, clause, start):
        clause = m.end()
    prefix = _TITLE_ANY.sub("", masked[clause:start])
    prefix = _PAREN_NOTE.sub("", prefix)
    prefix = prefix.rstrip(_JOINERS)
    for joiner in ("以及", "及"):
        prefix = prefix.removesuffix(joiner)
    m = verb.search(prefix)
    return m["verb"] if m else None


def _masked(text: str) -> str:
    """Same-length copy with the inside of every 《…》 blanked."""
    return _TITLE_ANY.sub(lambda m: "《" + "〓" * (len(m.group(0)) - 2) + "》", text)


def extract_documents(ctx: Context) -> tuple[DocumentRef, ...]:
    """Distinct 《…》 titles of the body, in order, with their governing verb."""
    _, media_after, media_ends = _patterns()
    order: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    actions: dict[str, str | None] = {}
    for unit in body_units(ctx):
        if "《" not in unit.text or is_furniture(unit.text):
            continue  # 没有书名号的段落没有书名
        masked = _masked(unit.text)
        for m in TITLE.finditer(unit.text):
            title = m["title"].strip()
            if not title or title.endswith(media_ends) or media_after.match(unit.text, m.end()):
                continue
            action = _action(masked, 0, m.start())
            if title not in spans:
                order.append(title)
                spans[title] = (unit.start + m.start(), unit.start + m.end())
                actions[title] = action
            elif actions[title] is None:
                actions[title] = action
    return tuple(DocumentRef(t, actions[t], ctx.span(*spans[t])) for t in order)
