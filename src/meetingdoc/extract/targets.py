"""Extract targets (SPEC §3): the named goals a meeting sets.

Rules (cue words in dicts/target_cues.txt), applied clause by clause (a
clause ends at ，。；！？： outside quotes) in the body:

- honour: `创建/争创/巩固 “X”“Y”` gives one target per quoted name (kind = verb);
- named thing to build or become: `打造/建设/创建 X` where X ends in a noun of
  place or standing (城市, 港城, 示范区, 高地, 中心, 枢纽, 基地, 品牌…) or is a short
  `美丽/平安…` name; a `、/和` list gives one target per name; a modifier ending
  in 的 is dropped (`建设绿色发展的美丽中部` → 美丽中部);
- outcome: `确保/力争/保证 X`, X to the end of the clause; `确保A、确保B` and a
  `、` list of clause-like outcomes give one target each;
- quantified: `X达到95%以上`, `完成投资120亿元` in a directive sentence (kind 指标).

Named programs (X工程, X行动, X计划…) are not targets. Each name is reported
once, at its first mention; `text` is the clause it came from and `span` the
clause's span.

Known limitations: the headline is not mined; `确保A，B` (a second outcome
after a comma without a new 确保) gives only A; names are recognised only by
their last word, so a place name or standing noun missing from the cue list is
not found; quantified targets need Arabic digits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Target
from ..resources import alternation, cue_table
from .context import Context, Unit

# 引号内的一段文字（可含逗号），按一个整体处理
_QUOTED = r"(?:“[^“”\n]{0,80}”|「[^「」\n]{0,80}」|『[^『』\n]{0,80}』)"
# 分句：引文整体，或非分句标点的字
_CLAUSE = re.compile(rf"(?:{_QUOTED}|[^，。；！？：,;!?:\n\s　])+")
# 引号字符
_QUOTE_CHARS = "“”「」『』‘’"
# 最长、最短名称
_MAX_NAME = 16
_MIN_NAME = 4


@cache
def _cues() -> dict[str, tuple[str, ...]]:
    return cue_table("target_cues.txt")


@dataclass(frozen=True)
class _Patterns:
    honour: re.Pattern[str]
    keep: re.Pattern[str]
    keep_after: re.Pattern[str]
    complement: re.Pattern[str]
    quoted: re.Pattern[str]
    build: re.Pattern[str]
    suffix_end: re.Pattern[str]
    suffixes: tuple[str, ...]
    prefix_name: re.Pattern[str]
    boundary: re.Pattern[str]
    separator: re.Pattern[str]
    forbidden: re.Pattern[str]
    allowed: re.Pattern[str]
    modifier_forbidden: re.Pattern[str]
    strip_lead: re.Pattern[str]
    program: re.Pattern[str]
    outcome: re.Pattern[str]
    outcome_repeat: re.Pattern[str]
    outcome_frame: re.Pattern[str]
    predicate_start: re.Pattern[str]
    quota: re.Pattern[str]
    quota_lead: re.Pattern[str]
    quota_directive: re.Pattern[str]
    quota_past: re.Pattern[str]
    trigger: re.Pattern[str]


@cache
def _patterns() -> _Patterns:
    c = _cues()
    sep = alternation(c["name_separators"])
    outcome = alternation(c["outcome_verbs"])
    not_after = "".join(c.get("outcome_not_after", ()))
    not_after = rf"(?<![{re.escape(not_after)}])" if not_after else ""
    return _Patterns(
        # 创建“国家森林城市”“国家生态园林城市”：荣誉动词 + 一个或几个引文
        honour=re.compile(
            rf"(?P<verb>{alternation(c['honour_verbs'])})(?P<q>(?:{_QUOTED}(?:{sep})?){{1,8}})"
        ),
        # 巩固“国家卫生县城”：保持类动词 + 引文
        keep=re.compile(
            rf"(?P<verb>{alternation(c['keep_verbs'])})(?P<q>(?:{_QUOTED}(?:{sep})?){{1,8}})"
        ),
        # 引文后的 称号/创建成果
        keep_after=re.compile(rf"(?:{alternation(c['keep_after'])})"),
        # 打造成为 / 建设好：动词补语
        complement=re.compile(rf"(?:{alternation(c['verb_complements'])})"),
        # 一个引文
        quoted=re.compile(_QUOTED),
        # 打造/建设 + 名称
        build=re.compile(rf"(?P<verb>{alternation(c['build_verbs'])})"),
        # 以处所、地位名词结尾
        suffix_end=re.compile(rf"(?:{alternation(c['place_suffixes'])})$"),
        suffixes=tuple(c["place_suffixes"]),
        # 美丽中国 / 平安乡村：前缀 + 二字，其后须是标点、并列连词或 中/上/为
        prefix_name=re.compile(
            rf"(?:{alternation(c['name_prefixes'])})[\u4e00-\u9fff]{{2}}(?=$|[中上为]|{sep})"
        ),
        # 名称之后可紧跟的字样
        boundary=re.compile(rf"$|(?:{sep}|{alternation(c['name_boundary'])})"),
        # 并列名称之间的连接
        separator=re.compile(rf"(?:{sep})"),
        # 名称内不会出现的字样
        forbidden=re.compile(alternation(c["name_forbidden"])),
        # 含禁用字的名称用词
        allowed=re.compile(alternation(c["name_allowed"])),
        # 修饰语中不会出现的字样
        modifier_forbidden=re.compile(alternation(c["modifier_forbidden"])),
        # 名称前的数量词
        strip_lead=re.compile(rf"(?:{alternation(c['name_strip_lead'])})"),
        # 项目、活动名（不是目标）
        program=re.compile(rf"(?:{alternation(c['program_suffixes'])})$"),
        # 确保/力争/保证 + 结果
        outcome=re.compile(rf"{not_after}(?P<verb>{outcome})(?!{alternation(c['outcome_skip'])})"),
        # 确保A、确保B：重复的结果动词
        outcome_repeat=re.compile(rf"、(?={outcome})"),
        # 在确保X的基础上：条件框架的结尾
        outcome_frame=re.compile(rf"(?:{alternation(c['outcome_frame_end'])})"),
        # 并列谓语的开头
        predicate_start=re.compile(rf"(?:{alternation(c['outcome_predicate_starts'])})"),
        # 量化指标：动词 + 至多十字 + 数字 + 单位 + 以上/以内
        quota=re.compile(
            rf"(?P<verb>{alternation(c['quota_verbs'])})[^，。；！？\d]{{0,10}}?"
            rf"\d+(?:[.,]\d+)*\s*(?:%|％|‰|[万亿千百]*(?:{alternation(c['quota_units'])}))"
            r"(?:[－\-~～至到]\d+(?:\.\d+)?%?)?(?:以上|以内|左右|以下)?"
        ),
        # 量化指标名称开头的情态词、推动词
        quota_lead=re.compile(rf"^(?:{alternation(c['quota_lead'])})+"),
        # 目标性字样
        quota_directive=re.compile(alternation(c["quota_directive"])),
        # 叙述性字样
        quota_past=re.compile(alternation(c["quota_past"])),
        # 任一规则的动词（不含这些动词的句子、分句不会产生目标）
        trigger=re.compile(
            alternation(
                c["honour_verbs"]
                + c["keep_verbs"]
                + c["build_verbs"]
                + c["outcome_verbs"]
                + c["quota_verbs"]
            )
        ),
    )


def _unquote(text: str) -> str:
    return "".join(ch for ch in text if ch not in _QUOTE_CHARS).strip()


@dataclass(frozen=True)
class _Found:
    start: int  # of the name in ctx.text, for ordering
    name: str
    kind: str
    clause: Unit


def _name_at(s: str, i: int) -> int:
    """End of the longest place/standing name starting at s[i], or -1."""
    p = _patterns()
    limit = min(len(s), i + _MAX_NAME)
    for j in range(limit, i + _MIN_NAME - 1, -1):
        cand = s[i:j]
        if not cand.endswith(p.suffixes) or not p.boundary.match(s, j):
            continue
        if any(ch in _QUOTE_CHARS for ch in cand) or p.forbidden.search(p.allowed.sub("", cand)):
            continue
        return j
    m = p.prefix_name.match(s, i)
    if m and not p.forbidden.search(m.group(0)):
        return m.end()
    return -1


def _names_after(s: str, i: int) -> list[tuple[int, int]]:
    """Spans of a name (or a 、/和 list of names) right after a build verb at s[i]."""
    p = _patterns()
    out: list[tuple[int, int]] = []
    pos = i
    while pos < len(s):
        lead = p.strip_lead.match(s, pos)
        if lead:
            pos = lead.end()
        end = _name_at(s, pos)
        if end < 0 and not out:
            # 建设绿色发展的美丽中部：跳过以“的”结尾的修饰语
            de = s.find("的", pos, pos + _MAX_NAME)
            if de > pos and not p.modifier_forbidden.search(s, pos, de):
                end = _name_at(s, de + 1)
                pos = de + 1
        if end < 0:
            break
        out.append((pos, end))
        sep = p.separator.match(s, end)
        if not sep:
            break
        pos = sep.end()
    return out


# 名称规范化：去掉标点、空白
_NON_WORD = re.compile(r"[\W_]+")


def _has_quote(s: str) -> bool:
    """Whether s has an opening quote (text without one has no quotation)."""
    return "“" in s or "「" in s or "『" in s


def _quoted_mask(s: str) -> list[bool]:
    """True for characters inside a quotation."""
    mask = [False] * len(s)
    if not _has_quote(s):
        return mask
    for m in _patterns().quoted.finditer(s):
        if m.end() - m.start() > 2:
            mask[m.start() + 1 : m.end() - 1] = [True] * (m.end() - m.start() - 2)
    return mask


def _honour(clause: Unit) -> list[_Found]:
    p = _patterns()
    out: list[_Found] = []
    if not _has_quote(clause.text):
        return out  # 荣誉名称都在引号内
    for pat, keep in ((p.honour, False), (p.keep, True)):
        for m in pat.finditer(clause.text):
            after_keep = p.keep_after.match(clause.text, m.end()) is not None
            for q in p.quoted.finditer(m.group("q")):
                name = _unquote(q.group(0))
                if len(name) < 2 or p.program.search(name):
                    continue
                # 巩固/保持 只收荣誉名称（巩固“两不愁三保障”不是目标）
                if keep and not (after_keep or p.suffix_end.search(name)):
                    continue
                start = clause.start + m.start("q") + q.start()
                out.append(_Found(start, name, m.group("verb"), clause))
    return out


def _build(clause: Unit) -> list[_Found]:
    p = _patterns()
    s = clause.text
    out: list[_Found] = []
    if not p.build.search(s):
        return out
    mask = _quoted_mask(s)
    for m in p.build.finditer(s):
        if mask[m.start()] or s.startswith("的", m.end()):
            continue
        comp = p.complement.match(s, m.end())
        for a, b in _names_after(s, comp.end() if comp else m.end()):
            name = s[a:b]
            if not p.program.search(name):
                out.append(_Found(clause.start + a, name, m.group("verb"), clause))
    return out


def _outcome(clause: Unit) -> list[_Found]:
    p = _patterns()
    s = clause.text
    if not p.outcome.search(s):
        return []
    mask = _quoted_mask(s)
    m = next((m for m in p.outcome.finditer(s) if not mask[m.start()]), None)
    if not m:
        return []
    rest = s[m.end() :]
    # 在确保X的前提下…：条件框架，不是目标
    frame = p.outcome_frame.search(rest)
    if frame and (frame.end() == len(rest) or "在" in s[: m.start()]):
        return []
    out = []
    offset = m.end()
    # 确保A、确保B
    chunks: list[tuple[int, str, str]] = []
    pos = 0
    for sep in p.outcome_repeat.finditer(rest):
        chunks.append((pos, rest[pos : sep.start()], m.group("verb")))
        pos = sep.end()
    chunks.append((pos, rest[pos:], m.group("verb")))
    for pos, chunk, verb in chunks:
        vm = p.outcome.match(chunk)
        if vm:
            verb, pos, chunk = vm.group("verb"), pos + vm.end(), chunk[vm.end() :]
        if "了" in chunk:
            continue
        parts = chunk.split("、")
        # 件件有着落、事事有回音：各部分都是带主语的短分句时分开
        if (
            len(parts) > 1
            and all(5 <= len(_unquote(x)) <= 12 for x in parts)
            and not any(p.predicate_start.match(x) for x in parts[1:])
        ):
            sub = 0
            for part in parts:
                out.append(_Found(clause.start + offset + pos + sub, _unquote(part), verb, clause))
                sub += len(part) + 1
        elif len(_unquote(chunk)) >= 3:
            out.append(_Found(clause.start + offset + pos, _unquote(chunk), verb, clause))
    return out


def _quota(clause: Unit, directive: int | None) -> list[_Found]:
    """Quantified targets of a clause; `directive` is where the sentence's first
    目标性字样 stands in ctx.text (None when it has none)."""
    p = _patterns()
    s = clause.text
    if directive is None or p.quota_past.search(s):
        return []  # 无目标性字样时没有指标
    mask = _quoted_mask(s)
    out = []
    for m in p.quota.finditer(s):
        if mask[m.start()] or mask[m.end() - 1]:
            continue
        # 目标性字样须出现在指标之前（之后才出现的是对已有数字的叙述）
        if directive is None or directive >= clause.start + m.end():
            continue
        lead = p.quota_lead.match(s)
        start = lead.end() if lead else 0
        if m.start() - start > _MAX_NAME or start > m.start():
            start = m.start()
        name = _unquote(s[start : m.end()])
        out.append(_Found(clause.start + start, name, "指标", clause))
    return out


def _clauses(sentence: Unit) -> list[Unit]:
    """Clauses of the sentence that hold a rule verb (the others give no target)."""
    trigger = _patterns().trigger
    return [
        Unit(sentence.start + m.start(), sentence.start + m.end(), m.group(0))
        for m in _CLAUSE.finditer(sentence.text)
        if trigger.search(m.group(0))
    ]


def extract_targets(ctx: Context) -> tuple[Target, ...]:
    """Targets the meeting sets, in order of first mention in the body."""
    p = _patterns()
    found: list[_Found] = []
    for para in ctx.body:
        for sentence in ctx.sentences(para):
            if not p.trigger.search(sentence.text):
                continue  # 没有任何规则的动词
            d = p.quota_directive.search(sentence.text)
            directive = sentence.start + d.start() if d else None
            for clause in _clauses(sentence):
                named = _honour(clause) + _build(clause)
                outcomes = _outcome(clause)
                # 确保创建“X”：收名称 X，不再收整个结果
                outcomes = [o for o in outcomes if not any(n.name in o.name for n in named)]
                found.extend(named + outcomes)
                if not outcomes:
                    found.extend(_quota(clause, directive))
    found.sort(key=lambda f: f.start)
    out = []
    seen: set[str] = set()
    for f in found:
        key = _NON_WORD.sub("", f.name)
        if len(key) < 2 or key in seen:
            continue
        seen.add(key)
        c = f.clause
        out.append(Target(f.name, f.kind, c.text, ctx.span(c.start, c.end)))
    return tuple(out)
