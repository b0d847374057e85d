"""Extract principles (SPEC §3): guiding principles, policies, themes and approaches.

Rules (cue words in dicts/principle_cues.txt):

- `以X为Y`, Y a principle noun (方针, 原则, 主题, 主线, 引领, 指导, 中心, 根本…);
  means such as 抓手/载体/重点/契机 are not principles;
- `坚持X`: X runs to the end of its clause (quotes kept whole); `坚持“X”的Y` and
  `坚持X方针/原则` give value X and kind Y; a `坚持以A促B，以B带A` pair stays one
  principle;
- `按照/沿着/本着 X(的)要求/原则/思路/理念`, when X is a quoted or listed slogan or
  an approach rather than a superior's instruction; `按照A导向、B导向`;
- `秉持/遵循/树牢/牢固树立 X` (X to the end of the clause);
- `贯彻/践行 X理念`;
- `把X作为基本方略/根本遵循/行动指南`.

Principles are read from the body only (never the headline). Overlapping
matches keep the outermost one (`坚持以X为引领` is one 坚持 principle), and a
value is reported once per document, at its first mention.

Known limitations: X of `坚持X` ends at the next ，/。/；/：, so a principle
written over several comma clauses is cut (except the `以…，以…` pair); 坚持
followed by an ordinary verb phrase is still reported (the golds list them);
unquoted `X的原则` without a cue verb before it is not found; items are split
only for quoted lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Principle
from ..resources import alternation, cue_table
from .context import Context

# 引号内的一段文字（可含逗号），按一个整体处理
_QUOTED = r"(?:“[^“”\n]{0,80}”|「[^「」\n]{0,80}」|『[^『』\n]{0,80}』)"
# 分句内的一个单位：一段引文，或一个非分句标点的字
_CH = rf"(?:{_QUOTED}|[^，。；！？：,;!?:\n])"
# 引号字符（值里去掉）
_QUOTE_CHARS = "“”「」『』‘’"
# 紧接在 坚持 等前面、表明并非动词的字（一贯坚持的、所坚持 已由后续规则排除）
_NOT_VERB_BEFORE = "所"


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return cue_table("principle_cues.txt")


@dataclass(frozen=True)
class _Patterns:
    frame: re.Pattern[str]
    frame_ext: re.Pattern[str]
    adhere: re.Pattern[str]
    pair: re.Pattern[str]
    accord: re.Pattern[str]
    accord_orient: re.Pattern[str]
    follow: re.Pattern[str]
    idea: re.Pattern[str]
    take_as: re.Pattern[str]
    quoted_kind: re.Pattern[str]
    plain_kind: re.Pattern[str]
    plain_kind_de: re.Pattern[str]
    adhere_strip: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    c = _cues()
    kinds = alternation(c["frame_kinds"])
    return _Patterns(
        # 以X为Y：以“安全、整洁”为方针 / 以推动高质量发展为主题（X 不跨分句、不含另一个 以）
        # （“以”前不能是 所可予… ；先认“以”再回看，查找更快）
        frame=re.compile(
            rf"以(?<![所可予加难得用足]以)(?P<x>(?:{_QUOTED}|[^，。；！？：,;!?:\n以]){{1,40}}?)"
            rf"为(?P<y>{kinds})"
        ),
        # 为根本动力 / 为根本目的：可延伸的 Y 后面的名词
        frame_ext=re.compile(r"[\u4e00-\u9fff]{1,4}?(?=[，。；、和与及,;]|$)"),
        # 坚持X：X 到分句末（引文整体）
        adhere=re.compile(
            rf"(?:{alternation(c['adhere'])})(?!{alternation(c['adhere_skip'])})(?P<x>{_CH}{{1,80}})"
        ),
        # 以A促B，以B带A：坚持 后成对的第二个“以…”分句（不含“为”，否则是另一个 以X为Y）
        pair=re.compile(
            rf"以(?:{_QUOTED}|[^，。；！？：,;!?:\n为]){{1,40}}(?=[，。；！？：,;!?:\n]|$)"
        ),
        # 按照/沿着/本着 X 的要求/原则/思路
        accord=re.compile(
            rf"(?P<verb>{alternation(c['accord'])})(?P<x>{_CH}{{1,60}}?)(?P<de>的)?"
            rf"(?P<k>{alternation(c['accord_kinds'])})"
        ),
        # 按照需求导向、问题导向
        accord_orient=re.compile(
            rf"(?:{alternation(c['accord'])})(?P<x>[\u4e00-\u9fff]{{2,6}}导向(?:、[\u4e00-\u9fff]{{2,6}}导向){{0,6}})"
        ),
        # 秉持/遵循/树牢/牢固树立 X（X 到分句末）
        follow=re.compile(rf"(?P<verb>{alternation(c['follow'])})(?!的)(?P<x>{_CH}{{1,80}})"),
        # 贯彻新发展理念：动词 + X理念
        idea=re.compile(
            rf"(?P<verb>{alternation(c['idea_verbs'])})(?P<x>[^，。；！？：,;!?:\n]{{1,20}}?理念)"
        ),
        # 把X作为基本方略/根本遵循
        take_as=re.compile(rf"把(?P<x>{_CH}{{1,40}}?)作为(?P<k>{alternation(c['take_as_kinds'])})"),
        # “X”的Y / “X”方针：引文值 + 类别名词
        quoted_kind=re.compile(
            rf"^(?P<v>{_QUOTED})(?:(?P<de>的)(?P<k1>[^“”「」『』]{{1,10}})|(?P<k2>[^“”「」『』的]{{0,8}}(?:{alternation(c['kind_nouns'])})))$"
        ),
        # X方针 / X的原则：不加引号时可拆出的类别名词
        plain_kind=re.compile(rf"^(?P<v>.{{2,}}?)的?(?P<k>{alternation(c['kind_nouns'])})$"),
        # X的思路 / X的要求：仅在“的”之后拆出
        plain_kind_de=re.compile(
            rf"^(?P<v>.{{2,}}?)的(?P<k>{alternation(c['kind_nouns_after_de'])})$"
        ),
        # 坚持和完善X：去掉“和V”
        adhere_strip=re.compile(rf"^(?:{alternation(c['adhere_strip'])})"),
    )


def _unquote(text: str) -> str:
    return "".join(ch for ch in text if ch not in _QUOTE_CHARS).strip()


def _is_quoted(text: str) -> bool:
    return re.fullmatch(_QUOTED, text) is not None


def _items(x: str, value: str) -> tuple[str, ...]:
    """Items of a quoted list (split on 、 and ，), else the value alone."""
    if _is_quoted(x.strip()):
        parts = [p.strip() for p in re.split(r"[、，,]", value) if p.strip()]
        if len(parts) > 1:
            return tuple(parts)
    return (value,)


def _split_kind(x: str, default_kind: str, plain: bool) -> tuple[str, str, str]:
    """(value, kind, x-without-kind) of a 坚持/树牢 object: “X”的Y, X方针, or X itself."""
    p = _patterns()
    m = p.quoted_kind.match(x)
    if m:
        kind = m.group("k1") or m.group("k2")
        return _unquote(m.group("v")), kind, m.group("v")
    if plain and not _is_quoted(x):
        for pat in (p.plain_kind, p.plain_kind_de):
            m = pat.match(x)
            if m and _unquote(m.group("v")):
                return _unquote(m.group("v")), m.group("k"), m.group("v")
    return _unquote(x), default_kind, x


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    value: str
    kind: str
    items: tuple[str, ...]


@cache
def _cue_set(section: str) -> frozenset[str]:
    return frozenset(_cues().get(section, ()))


def _frame(text: str, base: int) -> list[_Found]:
    p = _patterns()
    extendable = _cue_set("frame_extendable")
    skip = _cue_set("frame_skip_values")
    out = []
    for m in p.frame.finditer(text):
        x = m.group("x")
        value = _unquote(x)
        if not value or value in skip:
            continue
        kind, end = m.group("y"), m.end()
        if kind in extendable:
            ext = p.frame_ext.match(text, end)
            if ext:
                kind, end = kind + ext.group(0), ext.end()
        out.append(_Found(base + m.start(), base + end, value, kind, _items(x, value)))
    return out


def _adhere(text: str, base: int) -> list[_Found]:
    p = _patterns()
    out = []
    for m in p.adhere.finditer(text):
        if m.start() > 0 and text[m.start() - 1] in _NOT_VERB_BEFORE:
            continue
        x, end = m.group("x"), m.end()
        # 坚持以A促B，以B带A：成对的“以…”分句算一条
        if x.startswith("以") and text.startswith("，以", end):
            nxt = p.pair.match(text, end + 1)
            if nxt:
                x = x + "，" + nxt.group(0)
                end = nxt.end()
        x = p.adhere_strip.sub("", x)
        value, kind, core = _split_kind(x, "坚持", plain=True)
        if len(value) < 2:
            continue
        out.append(_Found(base + m.start(), base + end, value, kind, _items(core, value)))
    return out


def _accord(text: str, base: int) -> list[_Found]:
    p = _patterns()
    skip = _cues().get("accord_skip", ())
    skip_unlisted = _cues().get("accord_skip_unlisted", ())
    out = []
    for m in p.accord.finditer(text):
        x = m.group("x")
        quoted = _is_quoted(x)
        value = _unquote(x)
        if not value or (x.startswith("的") and not quoted):
            continue
        listed = "、" in x
        if not quoted:
            if any(w in x for w in skip) or (not listed and any(w in x for w in skip_unlisted)):
                continue
            if not (listed or m.group("de")):
                continue
        out.append(_Found(base + m.start(), base + m.end(), value, m.group("k"), _items(x, value)))
    if "导向" not in text:
        return out  # accord_orient 只认 X导向
    for m in p.accord_orient.finditer(text):
        value = m.group("x")
        out.append(_Found(base + m.start(), base + m.end(), value, "导向", (value,)))
    return out


def _follow(text: str, base: int) -> list[_Found]:
    p = _patterns()
    out = []
    for m in p.follow.finditer(text):
        # 牢固树立并贯彻…理念：交给 X理念 规则
        if m.group("x")[0] in "并和":
            continue
        value, kind, core = _split_kind(m.group("x"), m.group("verb"), plain=False)
        if len(value) < 2:
            continue
        out.append(_Found(base + m.start(), base + m.end(), value, kind, _items(core, value)))
    for m in p.idea.finditer(text):
        value = _unquote(m.group("x"))
        out.append(_Found(base + m.start("x"), base + m.end(), value, "理念", (value,)))
    for m in p.take_as.finditer(text):
        x = m.group("x")
        value = _unquote(x)
        out.append(_Found(base + m.start(), base + m.end(), value, m.group("k"), _items(x, value)))
    return out


_NON_WORD = re.compile(r"[\W_]+")


def _norm(value: str) -> str:
    return _NON_WORD.sub("", value)


def extract_principles(ctx: Context) -> tuple[Principle, ...]:
    """Principles stated in the body of the report, in order of first mention."""
    found: list[_Found] = []
    for para in ctx.body:
        for rule in (_adhere, _frame, _accord, _follow):
            found.extend(rule(para.text, para.start))
    # 重叠时保留最外层（起点最早、最长）的一条
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[_Found] = []
    last_end = -1
    for f in found:
        if f.start >= last_end:
            kept.append(f)
            last_end = f.end
    out = []
    seen: set[str] = set()
    text = ctx.text
    for f in kept:
        key = _norm(f.value)
        if not key or key in seen:
            continue
        seen.add(key)
        out.append(
            Principle(text[f.start : f.end], f.kind, f.value, f.items, ctx.span(f.start, f.end))
        )
    return tuple(out)
