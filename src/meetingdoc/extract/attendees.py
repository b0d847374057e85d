"""Extract attendees and reporters (SPEC §3).

Attendees are found in three steps, all on the cleaned Simplified text:

1. *Mentions.* A person mention is a Chinese name (surname from the cue
   table + 1-2 given characters, a compound surname + 1-2, or a `·` name)
   whose right edge is confirmed by what follows it (punctuation, a digit, a
   role or speech verb, a post such as 委员, a particle such as 在/等/就).
   Mentions are anchored by a title chain printed right before the name
   (`市委常委、宣传部长王少青`: the chain is split on `、`), continue through
   `、`/`和` lists that share the heading title (`区领导甲、乙、丙`), or stand
   bare at the start of a clause (`沈跃跃主持`), after `由`, or after a label
   such as `执行主席是`. Names once found are then matched everywhere.
   `王县长`-style back-references are folded into the full name.
2. *Roles.* Inside a sentence, mentions wait for the next role verb
   (主持/出席/讲话/列席/参加/发言 families, `dicts/attendee_cues.txt`); a clause
   made only of names and titles passes its names on to the next clause, any
   other clause drops them. `出席会议的有…`, `执行主席是…` and `听取…的汇报`
   give the role to the names after them. A speech verb right after a name
   (`X强调` / `X在会上指出`) gives 讲话.
3. *Filters.* Cited leaders (`习近平总书记…`, names after 学习/贯彻/传达 in their
   clause), people who only sent an instruction (批示/指示), photo captions,
   reporters and bare names whose only "role" is a unit's 典型发言 are left out.

Reporters come from credits: `记者 X`, `通讯员 X`, `撰稿(人) X`, `摄影 X`,
`文/X`, `图/X` and `X 摄`, several names per credit (space or `、` separated).

Known limitations:
- Names are recognised by shape (surname table + length + what follows), so
  a word that starts with a common surname and sits where a name would can
  slip through; `not_names` in the cue file lists the usual suspects. Bare
  two-character names (no title anywhere) need a role verb right after them
  or a list of names around them.
- Transliterated foreign names without `·`/`-` (马特维延科) are not recognised;
  four-character names are only compound-surname or 林郑月娥-style names.
- A title is cut at 的/由/是/了/在/有 (not in 有关, 有限公司) or a digit, and a chain stops at a part
  that does not end in a known post (titles.txt + `[title_heads]`); titles
  joined without `、` (`委员中央政法委书记`) stay one title.
- Roles follow sentence structure only: a name separated from its verb by a
  descriptive clause loses the role, and `王县长`-style back-references only
  add roles to an attendee with that surname (the first, unless one of them
  holds that post).
- Commemorated people (纪念…诞辰) are dropped for the whole document, even if
  a namesake spoke.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cache

from ..model import Attendee, Reporter
from ..resources import alternation, cue_table, word_lengths_by, word_set
from .context import Context

CUES = "attendee_cues.txt"

# 分句界（名单里的一个人/一组人之间，以及各个分句之间）
_CLAUSE_BREAK = "，,；;：:"
# 分句或句子的结束
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
# 句末（角色分配以句为单位）
_SENT_END = re.compile(r"[。！？!?]+")
# 标题链的左边界：标点、括号、引号、空白、数字
_TITLE_FLOOR = re.compile(r"[，,。；;：:！？!?（）()“”\"「」『』《》【】\[\]\s\d０-９/／|]")
# 名字右边可以直接跟的符号：标点、括号、空白、数字、书名号
_AFTER_NAME_CHAR = re.compile(r"[、，,。；;：:！？!?（）()“”\"‘’「」《\s\d０-９/／—]")
# 汉字
_HAN = re.compile(r"[\u4e00-\u9fff]")
# 全是汉字（fullmatch）
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]*")
# 少数民族/外国人名：汉字段以“·”相连，如 帕巴拉·格列朗杰
_DOT_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}(?:[·•・\-－][\u4e00-\u9fff]{1,8})+")
# _DOT_NAME 能否在此匹配（只看前 8 个字）
_DOT_NAME_START = r"[\u4e00-\u9fff]{1,6}[·•・\-－][\u4e00-\u9fff]"
# 标题链里的断点：此前的词不是职务（会议由/听取了/陪同/邀请…）；“在家”“有关”除外
_TITLE_BREAKER = re.compile(
    r"由|是|的|了|请|听取|陪同|邀请|以及|到|对|向|为|将|把|被|从|给|让|等|在(?!家)|有(?!关|限)"
)
# 标题链开头可以去掉的连接词、时间词
_TITLE_LEAD = re.compile(
    r"^(?:[和并同、]|[上下]午|晚上|上旬|中旬|下旬|日|号|其中|还有|另外|[一二三四五六七八九十百千两多]*[名位个])+"
)
# 照片说明段：图为… / 图片… / 以……摄结尾
_CAPTION = re.compile(r"^\s*[（(]?(?:图为|图片|图：|图:|上图|下图|左图|右图)|摄[）)]?\s*$")
# 讲话动词前允许的插入成分：在…时/上/中、还/也/进一步…
_SPEECH_FILLER = re.compile(
    r"(?:等)?(?:同志)?(?:在[^，,。；;：:！？]{0,30}?(?:时|上|中|后))?"
    r"(?:[，,])?(?:还|也|又|进一步|再次|最后|首先|特别|随后|同时|则|并|都|均|分别|先后)?"
)
# 人名与紧随的角色动词之间允许的成分（王勇参加 / 张三等在会上发言）
_ADJACENT_GAP = re.compile(
    r"(?:等|同志|也|还|亦|均|都|分别|先后|一同|一起|则|并|随后|最后|首先)*"
    r"(?:在[^，,。；;：:！？]{0,20}?[上中])?(?:也|还|亦|分别|先后|作了?|做了?)?"
)
# 分句界（同 _CLAUSE_BREAK）
_CLAUSE_BREAK_RE = re.compile(f"[{re.escape(_CLAUSE_BREAK)}]")
# 分句开头的前一个字：标点、括号、空白，或“由”
_CLAUSE_START_PREV = "，,。；;：:！？!?\n（( 　由"
# 名单接续：“、”“和”“与”“及”“以及”
_LIST_SEP = re.compile(r"、|以及|和|与|及")
# 分句里除人名、职务外不算内容的词（连接词、时间词）；先用字符类看一眼首字
_RESIDUE_FILLER = re.compile(
    r"(?=[以和与及等同还其另分在上下日号])"
    r"(?:以及|和|与|及|等|同志|还有|其中|另外|分别|在家|[上下]午|[日号])"
)
# 角色动词的名词用法：主持召开的会议 / 出席会议的…
_VERB_AS_NOUN = re.compile(r"(?:召开|会议|了)?的")
# “听取…的汇报”：听取之后有汇报类的词
_HEAR_REPORT = re.compile(r"汇报|说明|报告|发言")
# 两个角色动词之间不能隔着的标点
_CHAIN_BREAK = re.compile(r"[，,。；;：:！？]")


@dataclass(frozen=True)
class _Words:
    """A set of cue words, with the lengths of those that start with each character."""

    words: frozenset[str]
    lengths: dict[str, tuple[int, ...]]  # 首字 -> 以它开头的词的长度

    @classmethod
    def of(cls, words: object) -> _Words:
        ws = frozenset(w for w in words if w)  # type: ignore[attr-defined]
        return cls(ws, word_lengths_by(ws, key=lambda w: w[0]))


@dataclass(frozen=True)
class _Cues:
    surnames: frozenset[str]
    compound: frozenset[str]
    heads: frozenset[str]
    head_tails: dict[str, tuple[int, ...]]  # 末两字 -> 以它们结尾的职务的长度
    head_final: frozenset[str]
    name_start_re: re.Pattern[str]
    before_name_re: re.Pattern[str]
    posts: tuple[str, ...]
    post_set: frozenset[str]
    cited_after: re.Pattern[str]
    cited_before: re.Pattern[str]
    commemorated_after: re.Pattern[str]
    commemorated_before: re.Pattern[str]
    any_cite_after: re.Pattern[str]
    any_cite_before: re.Pattern[str]
    instruction: re.Pattern[str]
    terms: _Words
    verb_terms: _Words
    long_verb_terms: _Words
    weak_end: frozenset[str]
    soft_end: frozenset[str]
    bad_chars: frozenset[str]
    dot_bad_chars: frozenset[str]
    not_names: frozenset[str]
    role_of: dict[str, str]
    role_re: re.Pattern[str]
    role_first: re.Pattern[str] | None
    roles_in_clause: bool
    unit_speech: re.Pattern[str]
    speech_re: re.Pattern[str]
    reverse_re: re.Pattern[str]
    reverse_first: re.Pattern[str] | None
    post_re: re.Pattern[str]
    credit_re: re.Pattern[str]
    credit_first: re.Pattern[str] | None
    # _valid_name 的结果（只取决于名字本身和上面的词表），按 (名字, 名从第几个字起) 记下
    valid_memo: dict[tuple[str, int], bool] = field(default_factory=dict, compare=False, repr=False)
    # _name_shape 的结果（只取决于起点往后 4 个字），按这 4 个字记下
    shape_memo: dict[str, tuple[tuple[int, ...], bool]] = field(
        default_factory=dict, compare=False, repr=False
    )


def _words_re(table: dict[str, tuple[str, ...]], *sections: str) -> re.Pattern[str]:
    """An alternation of the cue words of some sections (never matches when empty)."""
    return re.compile(alternation(w for sec in sections for w in table.get(sec, ())) or "(?!)")


def _chars(lines: tuple[str, ...]) -> frozenset[str]:
    return frozenset(c for line in lines for c in line.split())


def _word_starts(words: object) -> re.Pattern[str] | None:
    """Matches the first character of every occurrence of `words` (None if a word is empty)."""
    ws = set(words)  # type: ignore[call-overload]
    if not ws or "" in ws:
        return None
    # 每支只吃一个字（首字 + 前瞻其余），找到的位置不会互相重叠而漏掉
    return re.compile(
        "|".join(
            re.escape(w[0]) + (f"(?={re.escape(w[1:])})" if len(w) > 1 else "") for w in sorted(ws)
        )
    )


def _scan(
    pattern: re.Pattern[str],
    first: re.Pattern[str] | None,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
) -> list[re.Match[str]]:
    """list(pattern.finditer(text, pos, endpos)), trying `pattern` only where `first` matches.

    `first` must match the first character of every match of `pattern` (which is never
    empty); None falls back to finditer."""
    endpos = len(text) if endpos is None else endpos
    if first is None:
        return list(pattern.finditer(text, pos, endpos))
    out = []
    done = pos
    for c in first.finditer(text, pos, endpos):
        k = c.start()
        if k >= done:
            m = pattern.match(text, k, endpos)
            if m:
                out.append(m)
                done = m.end()
    return out


@cache
def _cues() -> _Cues:
    table = cue_table(CUES)
    try:
        titles = word_set("titles.txt")
    except (FileNotFoundError, OSError):
        titles = frozenset()
    heads = frozenset(titles) | frozenset(table.get("title_heads", ()))
    heads = frozenset(h for h in heads if len(h) >= 2)
    posts = table.get("post_after_name", ())
    role_of: dict[str, str] = {}
    for section, words in table.items():
        if section.startswith("role:"):
            for w in words:
                role_of.setdefault(w, section[5:])
    speech = table.get("speech_verbs", ())
    terms = set(table.get("after_name", ())) | set(role_of) | set(speech) | set(posts) | heads
    # 角色动词：名词用法（的讲话、讲话精神、主持人）不算
    # “与会人员”“同与会成员国领导人”：与会 后接名词时是定语，不是角色动词
    roles = alternation(role_of).replace("与会", r"与会(?![^\W\d_并时])")
    role_re = re.compile(rf"(?<!的)(?:{roles})(?!精神|稿|要点|材料|人|词|书)")
    # 讲话动词：紧跟人名（可带称谓、插入成分）
    speech_re = re.compile(rf"(?:{alternation(speech)})(?![会议书稿])")
    chair = table.get("chair_labels", ())
    credits = table.get("reporter_credits", ())
    credit_heads = _word_starts(credits or ["记者"])
    # 角色在前、名单在后：“出席会议的（领导）有”“列席会议的”“执行主席是”“听取了”
    reverse_re = re.compile(
        r"(?P<attend>出席|参加|列席)(?:了)?(?:会议|座谈会|本次会议|今天会议|活动|会)?的"
        r"(?:[^，,。；;：:]{0,12}?(?:有|是|包括|为)[：:]?)?"
        rf"|(?P<chair>{alternation(chair) or '执行主席'})(?:是|为|[：:])"
        r"|(?P<hear>听取了?)"
    )
    unit = table.get("unit_speech", ())
    surnames = _chars(table.get("surnames", ()))
    compound = frozenset(table.get("compound_surnames", ()))
    # 能开始一个人名的字：单姓、复姓首字，或“·”名
    name_first = "".join(re.escape(c) for c in sorted(surnames | {w[0] for w in compound if w}))
    name_start = f"[{name_first}]|{_DOT_NAME_START}" if name_first else _DOT_NAME_START
    return _Cues(
        surnames=surnames,
        compound=compound,
        heads=heads,
        head_tails=word_lengths_by(heads, key=lambda h: h[-2:]),
        head_final=frozenset(h[-1] for h in heads),
        # 人名只能从这里开始：单姓、复姓首字，或“·”名
        name_start_re=re.compile(name_start),
        # 职务的末字（长、记、员…）或分句开头前的字（标点、空白、“由”）之后可能是人名的位置：
        # 职务+人名、分句开头的人名只可能出现在这里
        before_name_re=re.compile(
            "["
            + "".join(
                re.escape(c) for c in sorted({h[-1] for h in heads} | set(_CLAUSE_START_PREV))
            )
            + f"](?={name_start})"
        ),
        posts=posts,
        post_set=frozenset(posts) | heads,
        cited_after=_words_re(table, "cited_after"),
        cited_before=_words_re(table, "cited_before"),
        commemorated_after=_words_re(table, "commemorated_after"),
        commemorated_before=_words_re(table, "commemorated_before"),
        # 纪念词或引用词（一次查找先看有没有）
        any_cite_after=_words_re(table, "commemorated_after", "cited_after"),
        any_cite_before=_words_re(table, "commemorated_before", "cited_before"),
        instruction=re.compile(alternation(table.get("instruction_words", ())) or "(?!)"),
        terms=_Words.of(terms),
        verb_terms=_Words.of(set(table.get("after_name", ())) | set(role_of) | set(speech)),
        long_verb_terms=_Words.of(w for w in table.get("after_name", ()) if len(w) > 1),
        weak_end=_chars(table.get("weak_name_end", ())),
        soft_end=_chars(table.get("soft_name_end", ())),
        bad_chars=_chars(table.get("not_name_chars", ())),
        dot_bad_chars=_chars(table.get("not_dot_name_chars", ())),
        not_names=frozenset(table.get("not_names", ())),
        role_of=role_of,
        role_re=role_re,
        role_first=_word_starts(role_of),
        # 角色动词里没有分句标点，就不会跨分句
        roles_in_clause=not any(c in _CLAUSE_BREAK for w in role_of for c in w),
        unit_speech=re.compile(alternation(unit) or "(?!)"),
        speech_re=speech_re,
        reverse_re=reverse_re,
        reverse_first=_word_starts(["出席", "参加", "列席", "听取", *(chair or ["执行主席"])]),
        post_re=re.compile(alternation(posts) or "(?!)"),
        # 署名头：记者/通讯员/撰稿/摄影…，以及 文/X、图/X、文/图 X（前面是“编”“审”的不算）
        credit_re=re.compile(
            rf"(?<![编审])(?:{alternation(credits) or '记者'}"
            r"|(?<![\u4e00-\u9fff])(?:(?:文[/／]图|图[/／]文)(?=[\s：:])|[文图](?=\s*[/／|｜：:])))"
            r"\s*[：:/／|｜]?\s*"
        ),
        # 署名头的首字；“文/”“图/”式的只在非汉字之后（“文件”“图片”里的不必去试）。
        # 每支都以一个字开头（后看放在这个字之后），正则引擎才能按首字跳着找
        credit_first=re.compile(
            f"{credit_heads.pattern}|文(?<![\u4e00-\u9fff]文)|图(?<![\u4e00-\u9fff]图)"
        )
        if credit_heads
        else None,
    )


# ---------------------------------------------------------------------------
# names


# _AFTER_NAME_CHAR 只看一个字：每个字的结果记下来，不必每次跑正则
_after_name_char: dict[str, bool] = {}


def _terminates(text: str, e: int, cues: _Cues, words: _Words | None = None) -> bool:
    """Can a name end right before text[e]? (`words`: the words allowed next, default all)"""
    c = text[e : e + 1]
    if not c:  # 文末
        return True
    after = _after_name_char.get(c)
    if after is None:
        after = _after_name_char[c] = _AFTER_NAME_CHAR.match(c) is not None
    if after:
        return True
    ws = cues.terms if words is None else words
    for n in ws.lengths.get(c, ()):
        if text[e : e + n] in ws.words:
            return True
    return False


def _valid_name(name: str, given_from: int, cues: _Cues) -> bool:
    memo = cues.valid_memo
    key = (name, given_from)
    ok = memo.get(key)
    if ok is None:
        if len(memo) > 100_000:
            memo.clear()
        ok = memo[key] = _check_name(name, given_from, cues)
    return ok


def _check_name(name: str, given_from: int, cues: _Cues) -> bool:
    if name in cues.not_names or name in cues.post_set:
        return False
    if not _HAN_ONLY.fullmatch(name):
        return False
    if not cues.bad_chars.isdisjoint(name[given_from:]):
        return False
    # 姓+称谓（王县长）、称谓开头（常委会）不是名字
    for k in range(1, len(name)):
        if name[k:] in cues.post_set or name[k:] in cues.not_names:
            return False
    return not any(
        name[:k] in cues.post_set or name[:k] in cues.not_names for k in range(2, len(name))
    )


def _name_at(text: str, i: int, cues: _Cues) -> int | None:
    """End of the name starting at text[i], or None."""
    m = _DOT_NAME.match(text, i)
    if m:
        # 最后一段取多长：后面紧跟标点或角色/讲话动词的最好（艾力·买买提|出席），
        # 其次是两字以上的连接词（布朗-皮韦|共同），同一档取最长
        last_dot = max(m.group(0).rfind(c) for c in "·•・-－") + i
        best: tuple[int, int] | None = None
        for end in range(m.end(), last_dot + 1, -1):
            tail = text[last_dot + 1 : end]
            if (
                not _terminates(text, end, cues)
                or any(c in cues.dot_bad_chars for c in text[i:end])
                or cues.role_re.search(tail)
                or cues.speech_re.search(tail)
                or any(w in tail for w in cues.long_verb_terms.words)
            ):
                continue
            if (
                end >= len(text)
                or _AFTER_NAME_CHAR.match(text, end)
                or cues.role_re.match(text, end)
                or cues.speech_re.match(text, end)
            ):
                rank = 2
            else:
                rank = int(
                    bool(cues.post_re.match(text, end))
                    or _terminates(text, end, cues, words=cues.long_verb_terms)
                )
            if best is None or rank > best[0]:
                best = (rank, end)
        return best[1] if best else None
    window = text[i : i + 4]
    shape = cues.shape_memo.get(window)
    if shape is None:
        shape = _name_shape(window, cues)
    lengths, may_be_four = shape
    ok = [i + n for n in lengths if _terminates(text, i + n, cues)]
    if len(ok) == 2:
        last = text[ok[1] - 1]
        if last in cues.soft_end:
            # 魏凤和、 / 包信和先后发言 取三字；王五和李四、张三为大家 取两字
            if cues.role_re.match(text, ok[0]) or cues.speech_re.match(text, ok[0]):
                return ok[0]  # 李斌|主讲、王凯|陪同
            if _terminates(text, ok[1], cues, words=cues.verb_terms):
                return ok[1] if not _starts_name(text, ok[1], cues) else ok[0]
            return ok[0]
        return ok[0] if last in cues.weak_end else ok[1]
    if ok:
        return ok[0]
    # 港澳复姓式四字名（夫姓+本姓+名）：林郑月娥
    if may_be_four and _valid_name(window, 2, cues) and _terminates(text, i + 4, cues):
        return i + 4
    return None


def _name_shape(window: str, cues: _Cues) -> tuple[tuple[int, ...], bool]:
    """What _name_at needs to know of the 4 characters `window` at a possible name start:
    the lengths of the names window[:n] that pass _valid_name (3, 4 after a compound surname,
    2, 3 after a surname; none if no surname starts here), and whether the whole window may be
    a 4-character name of the 林郑月娥 kind (two surnames first; _valid_name still to check).
    Memoised: it depends on the window only."""
    memo = cues.shape_memo
    if len(memo) > 100_000:
        memo.clear()
    if window[:2] in cues.compound:
        lengths, given_from = (3, 4), 2
    elif window[:1] in cues.surnames:
        lengths, given_from = (2, 3), 1
    else:
        memo[window] = shape = ((), False)
        return shape
    valid = tuple(
        n for n in lengths if n <= len(window) and _valid_name(window[:n], given_from, cues)
    )
    may_be_four = given_from == 1 and window[1:2] in cues.surnames and len(window) == 4
    memo[window] = shape = (valid, may_be_four)
    return shape


def _starts_name(text: str, i: int, cues: _Cues) -> bool:
    """Does a (bare) name start at text[i]? One level only: no recursion into lists."""
    c = text[i : i + 1]
    if c not in cues.surnames and text[i : i + 2] not in cues.compound:
        return False
    for n in (2, 3):
        name = text[i : i + n]
        if len(name) == n and _valid_name(name, 1, cues) and _terminates(text, i + n, cues):
            return True
    return False


def _ends_with_head(s: str, cues: _Cues) -> bool:
    for n in cues.head_tails.get(s[-2:], ()):
        if n <= len(s) and s[-n:] in cues.heads:
            return True
    return False


def _head_ends_at(text: str, lo: int, k: int, cues: _Cues) -> bool:
    """Does a post end right before text[k] (starting at lo or later)?
    Same as _ends_with_head(text[lo:k]) without building the slice."""
    for n in cues.head_tails.get(text[k - 2 : k], ()):
        if k - n >= lo and text[k - n : k] in cues.heads:
            return True
    return False


def _title_chain(
    text: str, floor: int, name_start: int, cues: _Cues
) -> tuple[tuple[str, ...], int]:
    """Titles printed right before text[name_start] (split on 、) and where they start."""
    seg_start = max(floor, name_start - 80)
    for m in _TITLE_FLOOR.finditer(text, seg_start, name_start):
        seg_start = m.end()
    seg = text[seg_start:name_start]
    parts = seg.split("、")
    titles: list[str] = []
    start = name_start
    pos = name_start
    for idx in range(len(parts) - 1, -1, -1):
        part = parts[idx]
        part_start = pos - len(part)
        pos = part_start - 1
        cut = 0
        for m in _TITLE_BREAKER.finditer(part):
            cut = m.end()
        lead = _TITLE_LEAD.match(part, cut)
        if lead:
            cut = lead.end()
        title = part[cut:]
        if len(title) < 2 or len(title) > 40 or not _ends_with_head(title, cues):
            break
        # “吴某委员长、”：名字 + 称谓，不是职务
        e = _name_at(text, part_start + cut, cues)
        if e is not None and cues.post_re.match(text, e):
            break
        titles.append(title)
        start = part_start + cut
        if cut:
            break
    titles.reverse()
    return tuple(titles), start


# ---------------------------------------------------------------------------
# mentions


@dataclass
class _Mention:
    start: int
    end: int
    name: str  # full name; for a back-reference the surname
    titles: tuple[str, ...] = ()
    title_start: int = -1
    kind: str = "titled"  # titled | listed | bare | known | backref
    post: str = ""
    roles: list[str] = field(default_factory=list)
    speech: bool = False
    unit_only: bool = True
    cited: bool = False
    commemorated: bool = False
    adjacent: bool = False
    in_list: bool = False


def _is_clause_start(text: str, i: int, lo: int, extra: frozenset[int] = frozenset()) -> bool:
    if i <= lo or i in extra:
        return True
    return text[i - 1] in _CLAUSE_START_PREV


def _clause_starts(starts: list[int], lo: int, hi: int, extra: frozenset[int]) -> list[int]:
    """In order, every i in [lo, hi) with _is_clause_start(text, i, lo, extra), leaving out
    those after punctuation where no name can start (_name_at would give None).

    starts: in order, the positions in (lo, hi) right after punctuation where a name can start."""
    more = [k for k in extra if lo <= k < hi]
    if lo < hi:
        more.append(lo)
    if more == [lo]:  # 通常没有标签
        return [lo, *starts]
    return sorted(set(starts).union(more))


class _Taken:
    """Which characters of one paragraph text[lo:hi] already belong to a mention."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo = lo
        self.flags = bytearray(max(0, hi - lo) + 1)

    def at(self, k: int) -> bool:
        k -= self.lo
        return 0 <= k < len(self.flags) and bool(self.flags[k])

    def free(self, s: int, e: int) -> bool:
        """No character of text[s:e] taken."""
        return self.flags.find(1, max(0, s - self.lo), max(0, e - self.lo)) < 0

    def set(self, s: int, e: int, value: bool = True) -> None:
        a, b = max(0, s - self.lo), max(0, min(len(self.flags), e - self.lo))
        self.flags[a:b] = (b"\x01" if value else b"\x00") * max(0, b - a)


def _follow_list(
    text: str, m: _Mention, hi: int, cues: _Cues, taken: _Taken, title_starts: set[int]
) -> list[_Mention]:
    """Names continuing a list after m (`、乙、丙`, `和乙`), sharing m's titles."""
    out: list[_Mention] = []
    end = m.end
    while end < hi:
        sep = _LIST_SEP.match(text, end)
        if not sep:
            break
        j = sep.end()
        if j in title_starts or j >= hi or taken.at(j):
            break
        e = _name_at(text, j, cues)
        if e is None or e > hi or not taken.free(j, e):
            break
        kind = "listed" if m.kind in ("titled", "listed") else m.kind
        nxt = _Mention(j, e, text[j:e], m.titles, m.title_start, kind)
        out.append(nxt)
        taken.set(j, e)
        end = e
    return out


def _find_mentions(text: str, lo: int, hi: int, cues: _Cues, labels: bool = True) -> list[_Mention]:
    """All person mentions in text[lo:hi] (one paragraph).

    labels False: the caller knows that no list label (出席会议的有…) starts in the paragraph."""
    taken = _Taken(lo, hi)
    mentions: list[_Mention] = []
    # 可能开始人名的位置，一次找出：职务末字之后（第 1 步），分句开头（第 2 步）
    after_head: list[int] = []
    after_punct: list[int] = []
    for b in cues.before_name_re.finditer(text, lo, hi + 8):  # 前瞻最多看 8 个字
        i = b.end()
        if i >= hi:
            break
        c = text[i - 1]
        if c in cues.head_final and i - 1 > lo:
            after_head.append(i)
        if c in _CLAUSE_START_PREV:
            after_punct.append(i)
    # 1) 职务 + 人名
    anchored: list[_Mention] = []
    for i in after_head:  # text[i - 1] 是职务末字
        c = text[i]
        if (
            c not in cues.surnames
            and text[i : i + 2] not in cues.compound
            and not _DOT_NAME.match(text, i)
        ):
            continue
        if not _head_ends_at(text, lo, i, cues):
            continue
        if _head_ends_at(text, lo, i + 1, cues):
            continue  # 这个字还是职务的一部分（委员|长）
        e = _name_at(text, i, cues)
        if e is None or e > hi:
            continue
        anchored.append(_Mention(i, e, text[i:e]))
    floor = lo
    title_starts: set[int] = set()
    for m in anchored:
        if not taken.free(m.start, m.end):
            continue
        m.titles, m.title_start = _title_chain(text, floor, m.start, cues)
        if not m.titles:
            continue
        mentions.append(m)
        title_starts.add(m.title_start)
        taken.set(m.title_start, m.end)
        floor = m.end
    for m in list(mentions):
        mentions.extend(_follow_list(text, m, hi, cues, taken, title_starts))
    # 2) 分句开头的人名（可成串：孙某、胡某、刘某出席）；“执行主席是”“出席会议的有”之后也算
    after_label = (
        frozenset(r.end() for r in _scan(cues.reverse_re, cues.reverse_first, text, lo, hi))
        if labels
        else frozenset()
    )
    i = lo
    for k in _clause_starts(after_punct, lo, hi, after_label):
        if k < i:
            continue  # 已在上一串名单里
        i = k
        if taken.at(i):
            continue
        if k == lo and not cues.name_start_re.match(text, k):
            continue  # 段首多半不是人名（_name_at 会给 None）
        e = _name_at(text, i, cues)
        if e is None or e > hi or not taken.free(i, e):
            continue
        head = _Mention(i, e, text[i:e], kind="bare")
        rest = _follow_list(text, head, hi, cues, taken, title_starts)
        group = [head, *rest]
        last = group[-1].end
        # 名单后面紧跟的不是人名（鹿邑、郸城、川汇区）：整串不取
        if _LIST_SEP.match(text, last) and not text.startswith(("以及", "和", "与", "及"), last):
            for r in rest:
                taken.set(r.start, r.end, False)
            i = e
            continue
        if len(group) > 1:
            for g in group:
                g.in_list = True
        mentions.extend(group)
        taken.set(i, e)
        i = last
    # 3) 姓 + 称谓 的回指（王县长、李书记）
    for m in cues.post_re.finditer(text, lo + 1, hi):
        s = m.start() - 1
        if text[s] not in cues.surnames:
            continue
        if m.group() == "代表" or taken.at(s) or taken.at(m.start()):
            continue
        if s > lo and _HAN.match(text[s - 1]) and not _is_clause_start(text, s, lo):
            prev = text[max(lo, s - 2) : s]
            if not (prev.endswith(("和", "与", "及", "、")) or prev in ("会上", "随后", "最后")):
                continue
        mentions.append(_Mention(s, s + 1, text[s], kind="backref", post=m.group(0)))
        taken.set(s, m.end())
    mentions.sort(key=lambda x: x.start)
    return mentions


def _known_hits(
    text: str, names: list[str], paras: list[tuple[int, int]]
) -> list[list[tuple[str, int]]]:
    """Every occurrence of the names inside each paragraph, in the order _add_known takes them:
    longest names first, each name's occurrences (overlapping ones too) in text order."""
    para_starts = [s for s, _ in paras]
    hits: list[list[tuple[str, int]]] = [[] for _ in paras]
    # 整篇找一遍，再分到各段：比逐段逐名去找省得多
    for name in sorted(names, key=len, reverse=True):
        k = text.find(name) if name else -1
        while k >= 0:
            p = bisect_right(para_starts, k) - 1
            if p >= 0 and k + len(name) <= paras[p][1]:
                hits[p].append((name, k))
            k = text.find(name, k + 1)
    return hits


def _add_known(
    text: str,
    lo: int,
    hi: int,
    mentions: list[_Mention],
    hits: list[tuple[str, int]],
    cues: _Cues,
) -> list[_Mention]:
    """Further occurrences (`hits`, from _known_hits) of names already found anywhere in the
    document. `mentions` are sorted by start, and so is the list returned."""
    if not hits:
        return mentions
    own = {(m.start, m.end) for m in mentions}
    taken: _Taken | None = None
    out = list(mentions)
    for name, k in hits:
        e = k + len(name)
        if (k, e) in own:
            continue  # 就是已找到的那一处（多半如此）
        if taken is None:
            taken = _Taken(lo, hi)
            for m in mentions:
                taken.set(min(m.start, m.title_start) if m.title_start >= 0 else m.start, m.end)
        if not taken.free(k, e):
            continue
        # 不是更长名字的一部分
        if k > lo and text[k - 1] in cues.surnames and _name_at(text, k - 1, cues) == e:
            continue
        if e < hi and not _terminates(text, e, cues) and _name_at(text, k, cues) not in (None, e):
            continue
        out.append(_Mention(k, e, name, kind="known"))
        taken.set(k, e)
    if len(out) > len(mentions):
        out.sort(key=lambda x: x.start)
    return out


# ---------------------------------------------------------------------------
# roles


def _between(ms: list[_Mention], starts: list[int], s: int, e: int) -> list[_Mention]:
    """The mentions (sorted by start) that start inside [s, e)."""
    return ms[bisect_left(starts, s) : bisect_left(starts, e)]


def _clause_spans(text: str, s: int, e: int) -> list[tuple[int, int]]:
    spans = []
    start = s
    for m in _CLAUSE_BREAK_RE.finditer(text, s, e):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, e))
    return spans


def _residue(text: str, s: int, e: int, ms: list[_Mention]) -> int:
    """CJK characters of text[s:e] outside the mentions and their titles."""
    # 人名连同职务所占的区间（同一名单里的人共用职务，区间会重叠）之外的各段
    spans = [(max(m.title_start if m.title_start >= 0 else m.start, s), min(m.end, e)) for m in ms]
    if len(spans) > 1:
        spans.sort()
    kept = []
    pos = s
    for a, b in spans:
        if a < b:
            if a > pos:
                kept.append(text[pos:a])
            pos = max(pos, b)
    kept.append(text[pos:e])
    rest = _RESIDUE_FILLER.sub("", "".join(kept))
    return len(_HAN.findall(rest))


def _assign_roles(
    text: str,
    s: int,
    e: int,
    ms: list[_Mention],
    cues: _Cues,
    verbs: bool = True,
    labels: bool = True,
    instructions: bool = True,
) -> None:
    """Give roles to the mentions of one sentence text[s:e].

    verbs / labels / instructions False: the caller knows that no role verb / list label /
    instruction word can be found here, so they are not looked for."""
    spans = _clause_spans(text, s, e)
    if cues.roles_in_clause:
        # 角色动词里没有分句标点：整句找一遍，与逐个分句去找结果相同；找不到的，句中哪里都没有
        role_verbs = _scan(cues.role_re, cues.role_first, text, s, e) if verbs else []
        maybe_verb = bool(role_verbs)
    else:
        maybe_verb = verbs and (
            cues.role_first is None or cues.role_first.search(text, s, e) is not None
        )
        role_verbs = (
            [v for cs, ce in spans for v in _scan(cues.role_re, cues.role_first, text, cs, ce)]
            if maybe_verb
            else []
        )
    # 整句里没有名单标记的开头，就不必逐个分句去找
    any_label = labels and (
        cues.reverse_first is None or cues.reverse_first.search(text, s, e) is not None
    )
    if role_verbs or any_label:
        _clause_roles(text, s, e, ms, spans, role_verbs, any_label, cues, instructions)
    else:
        # 没有角色动词、名单标记，谁也得不到角色：只需看谁是被引用的
        _mark_citations(text, ms, spans, cues, instructions)
    _speech_roles(text, e, ms, cues, maybe_verb)


def _clause_roles(
    text: str,
    s: int,
    e: int,
    ms: list[_Mention],
    spans: list[tuple[int, int]],
    role_verbs: list[re.Match[str]],
    any_label: bool,
    cues: _Cues,
    instructions: bool,
) -> None:
    """Roles from the role verbs (`role_verbs`, in order) and list labels of the clauses
    `spans` of the sentence text[s:e], and citations."""
    starts = [m.start for m in ms]
    pending: list[_Mention] = []
    last_group: list[_Mention] = []
    last_verb_end = -1
    reverse_role: str | None = None
    reverse_whole_sentence = False
    next_verb = 0
    for cs, ce in spans:
        in_clause = _between(ms, starts, cs, ce)
        # 事件按位置排；同一位置先角色动词，再名单标记，最后人名
        events: list[tuple[int, int, int, re.Match[str] | _Mention]] = [
            (m.start, 2, k, m) for k, m in enumerate(in_clause)
        ]
        first_verb = next_verb
        while next_verb < len(role_verbs) and role_verbs[next_verb].start() < ce:
            next_verb += 1
        if next_verb > first_verb:
            events += [(v.start(), 0, 0, v) for v in role_verbs[first_verb:next_verb]]
        if any_label:
            events += [
                (r.start(), 1, 0, r)
                for r in _scan(cues.reverse_re, cues.reverse_first, text, cs, ce)
            ]
        if len(events) > len(in_clause):
            events.sort()  # (位置, 种类) 各不相同，不会比到后面的对象
        clause_had_verb = False
        covered = -1
        for _pos, kind, _k, obj in events:
            if kind == 2:
                m = obj  # type: ignore[assignment]
                cite = _citation(text, cs, m, cues, instructions)
                if cite:
                    m.cited = True
                    m.commemorated = m.commemorated or cite == "commemorated"
                elif reverse_role:
                    _give(m, reverse_role, unit=False, adjacent=True)
                else:
                    pending.append(m)
                continue
            if kind == 1:
                role = _reverse_role(text, obj, e, cues)  # type: ignore[arg-type]
                if role:
                    reverse_role, reverse_whole_sentence = role
                covered = max(covered, obj.end())  # type: ignore[union-attr]
                continue
            v: re.Match[str] = obj  # type: ignore[assignment]
            if v.start() < covered or _VERB_AS_NOUN.match(text[v.end() : v.end() + 4]):
                continue  # 主持召开的会议 / 出席会议的…（名单标记已处理）
            role = cues.role_of[v.group(0)]
            unit = bool(cues.unit_speech.match(text, max(s, v.start() - 2)))
            if pending:
                for m in pending:
                    _give(m, role, unit, _adjacent(text, m, v.start(), cues))
                last_group, pending = pending, []
                clause_had_verb = True
            elif last_group and _chained(text, last_verb_end, v.start()):
                for m in last_group:
                    _give(m, role, unit, False)
            last_verb_end = v.end()
        if not reverse_whole_sentence:
            reverse_role = None
        # 只有名字和职务的分句把人名传给下一分句；别的分句丢掉
        if pending and not clause_had_verb and _residue(text, cs, ce, in_clause) > 2:
            pending = []


def _speech_roles(text: str, e: int, ms: list[_Mention], cues: _Cues, maybe_verb: bool) -> None:
    """讲话 for the mentions of a sentence ending at e that a speech verb follows (称谓、
    “在…时” may come between). maybe_verb False: no role verb anywhere in the sentence."""
    for m in ms:
        if m.cited:
            continue
        k = m.end + len(m.post) if m.kind == "backref" else m.end
        if m.kind != "backref":
            post = cues.post_re.match(text, k)
            if post:
                m.post = post.group(0)
                k = post.end()
        filler = _SPEECH_FILLER.match(text, k, e)
        after_filler = filler.end() if filler else k
        # 插入成分为空时两处是同一位置，看一次就够
        for kk in (after_filler, k) if after_filler != k else (k,):
            sv = cues.speech_re.match(text, kk, e) or (
                maybe_verb and cues.role_re.match(text, kk, e)
            )
            if sv and cues.role_of.get(sv.group(0), "讲话") == "讲话":
                m.speech = True
                _give(m, "讲话", unit=False, adjacent=True)
                break


def _mark_citations(
    text: str, ms: list[_Mention], spans: list[tuple[int, int]], cues: _Cues, instructions: bool
) -> None:
    """Mark the cited mentions of a sentence (the clauses `spans`), as _assign_roles does."""
    clause_starts = [cs for cs, _ in spans]
    for m in ms:
        cs = clause_starts[bisect_right(clause_starts, m.start) - 1]
        cite = _citation(text, cs, m, cues, instructions)
        if cite:
            m.cited = True
            m.commemorated = m.commemorated or cite == "commemorated"


def _reverse_role(text: str, r: re.Match[str], e: int, cues: _Cues) -> tuple[str, bool] | None:
    """Role and scope (whole sentence?) of a label that puts the role before the names."""
    if r.lastgroup == "attend":
        role = cues.role_of.get(r.group("attend"), "出席")
        return role, r.group(0)[-1] in "有是括为：:"
    if r.lastgroup == "chair":
        return "主持", True
    if _HEAR_REPORT.search(text[r.end() : e]):
        return "发言", False
    return None


def _adjacent(text: str, m: _Mention, verb_start: int, cues: _Cues) -> bool:
    """Is the role verb right after the name (王勇参加 / 张三等在会上发言)?"""
    k = m.end
    post = cues.post_re.match(text, k)
    if post:
        k = post.end()
    return bool(_ADJACENT_GAP.fullmatch(text, k, verb_start))


def _give(m: _Mention, role: str, unit: bool, adjacent: bool) -> None:
    if role not in m.roles:
        m.roles.append(role)
    if not unit:
        m.unit_only = False
    if adjacent:
        m.adjacent = True


def _chained(text: str, prev_end: int, start: int) -> bool:
    """Is a second role verb joined to the previous one (主持会议并讲话)?"""
    if prev_end < 0 or start < prev_end:
        return False
    gap = text[prev_end:start]
    return len(gap) <= 40 and not _CHAIN_BREAK.search(gap)


def _citation(
    text: str, clause_start: int, m: _Mention, cues: _Cues, instructions: bool = True
) -> str | None:
    """'commemorated', 'cited' or None: is the name only cited, not taking part?

    instructions False: the caller knows the text has no instruction word (批示…)."""
    after = text[m.end : m.end + 8]
    left = m.title_start if m.title_start >= 0 else m.start
    lo = max(clause_start, left - 60)
    # 先一次看有没有任何纪念/引用词，通常没有
    if cues.any_cite_after.match(after) or cues.any_cite_before.search(text, lo, left):
        if cues.commemorated_after.match(after) or cues.commemorated_before.search(text, lo, left):
            return "commemorated"
        if cues.cited_after.match(after) or cues.cited_before.search(text, lo, left):
            return "cited"
    if not instructions:
        return None
    brk = _CLAUSE_END.search(text, m.end, m.end + 120)
    clause_end = brk.start() if brk else min(len(text), m.end + 120)
    return "cited" if cues.instruction.search(text, m.end, clause_end) else None


# ---------------------------------------------------------------------------
# public


def _paragraphs(ctx: Context) -> list[tuple[int, int]]:
    out = []
    for p in ctx.paragraphs:
        # _CAPTION 的第一支只在段首；第二支要有“摄”
        if _CAPTION.match(p.text) or ("摄" in p.text and _CAPTION.search(p.text)):
            continue
        out.append((p.start, p.end))
    return out


def _sentences(text: str, s: int, e: int) -> list[tuple[int, int]]:
    out = []
    start = s
    for m in _SENT_END.finditer(text, s, e):
        out.append((start, m.end()))
        start = m.end()
    if start < e:
        out.append((start, e))
    return out


def extract_attendees(ctx: Context) -> tuple[Attendee, ...]:
    """People who took part in the meeting, in order of first mention."""
    text = ctx.text
    if not text.strip():
        return ()
    cues = _cues()
    paras = _paragraphs(ctx)
    reporter_names = {r.name for r in extract_reporters(ctx)}
    # 段里有没有名单标记（出席会议的有…）的开头：段里找不到的，段中各句也找不到
    labels = [
        cues.reverse_first is None or cues.reverse_first.search(text, s, e) is not None
        for s, e in paras
    ]
    found: list[list[_Mention]] = [
        _find_mentions(text, s, e, cues, has_labels)
        for (s, e), has_labels in zip(paras, labels, strict=True)
    ]
    names = sorted(
        {m.name for ms in found for m in ms if m.kind != "backref" and m.name not in reporter_names}
    )
    all_mentions: list[_Mention] = []
    hits = _known_hits(text, names, paras)
    # 全文没有批示、指示一类的词（多数如此），就不必对每个人名去找
    instructions = cues.instruction.search(text) is not None
    for (s, e), ms, known, has_labels in zip(paras, found, hits, labels, strict=True):
        ms = _add_known(text, s, e, ms, known, cues)
        if not ms:
            continue
        starts = [m.start for m in ms]
        # 段里找不到的，段中各句也找不到
        verbs = cues.role_first is None or cues.role_first.search(text, s, e) is not None
        for ss, se in _sentences(text, s, e):
            in_sentence = _between(ms, starts, ss, se)
            if in_sentence:
                _assign_roles(text, ss, se, in_sentence, cues, verbs, has_labels, instructions)
        all_mentions.extend(ms)
    headline_end = ctx.headline.end if ctx.headline else 0
    people: dict[str, _Person] = {}
    backrefs: list[_Mention] = []
    for m in all_mentions:
        if m.kind == "backref":
            backrefs.append(m)
        elif m.name not in reporter_names:
            person = people.get(m.name)
            if person is None:
                person = people[m.name] = _Person(m.name)
            person.add(m, m.start >= headline_end)
    attendees = {n: p for n, p in people.items() if p.is_attendee()}
    # 回指：姓 + 称谓（王县长）并入已有的同姓与会者，优先职务里含这个称谓的
    for b in backrefs:
        if b.cited or not b.roles:
            continue
        same = [n for n in attendees if n.startswith(b.name)]
        if same:
            pick = next((n for n in same if any(b.post in t for t in attendees[n].titles)), same[0])
            attendees[pick].add_roles(b.roles)
    out = sorted(attendees.values(), key=lambda p: p.first.start if p.first else 0)
    return tuple(
        Attendee(
            name=p.name,
            titles=p.titles,
            roles=tuple(p.roles),
            span=ctx.span(p.first.start, p.first.end) if p.first else (0, 0),
        )
        for p in out
    )


@dataclass
class _Person:
    """Everything the mentions of one name say about that person."""

    name: str
    first: _Mention | None = None
    titles: tuple[str, ...] = ()
    titles_from_body: bool = False
    roles: list[str] = field(default_factory=list)
    titled: bool = False
    commemorated: bool = False
    evidence: bool = False  # 至少一处可信的角色证据
    long_or_post: bool = False

    def add_roles(self, roles: list[str]) -> None:
        for r in roles:
            if r not in self.roles:
                self.roles.append(r)

    def add(self, m: _Mention, in_body: bool) -> None:
        if m.commemorated:
            self.commemorated = True
        if m.cited:
            return
        if self.first is None:
            self.first = m
        if m.titles and (not self.titles or (in_body and not self.titles_from_body)):
            self.titles, self.titles_from_body = m.titles, in_body
        if m.kind in ("titled", "listed"):
            self.titled = True
        self.add_roles(m.roles)
        long = len(self.name) >= 3 or bool(m.post)
        self.long_or_post = self.long_or_post or long
        speech_only = m.speech and m.roles == ["讲话"]
        if (
            m.roles
            and not m.unit_only
            and (m.adjacent or m.in_list or long)
            and not (speech_only and not long)
        ):
            self.evidence = True

    def is_attendee(self) -> bool:
        if not self.roles or self.commemorated or self.first is None:
            return False
        if self.titled:
            return True
        # 不带职务、只“发言”的两字“人名”多半是地名（商水、沈丘作了发言）
        if set(self.roles) == {"发言"} and not self.long_or_post:
            return False
        return self.evidence


# ---------------------------------------------------------------------------
# reporters

# 署名里名字之间的分隔
_CREDIT_SEP = re.compile(r"\s*[、,，/／]\s*|\s+")
# 署名名字后可跟：空白、括号、标点、摄、报道、下一个署名头
_CREDIT_END = re.compile(
    r"\s|$|[）)】\]、,，。；;/／|｜]|摄|报道|发自|记者|通讯员|撰稿|实习生|编辑|校对|审核|审稿|责编"
)


# 名字在前的摄影署名：（张三 摄）、李四摄
_PHOTO_CREDIT = re.compile(
    r"(?:^|(?<=[（(\s：:/]))([^\s（(）)]{2,8}?)\s*摄(?:影)?(?=[）)\s]|$)", re.M
)


def _credit_name(text: str, i: int, cues: _Cues) -> int | None:
    m = _DOT_NAME.match(text, i)
    if m and _CREDIT_END.match(text, m.end()):
        return m.end()
    two = text[i : i + 2]
    given_from = 2 if two in cues.compound else 1
    # 署名“记者 向雨桐”：空格隔开的署名里，不常见的姓也收
    spaced_byline = i > 0 and text[i - 1] == " "
    if given_from == 1 and text[i : i + 1] not in cues.surnames and not spaced_byline:
        return None
    for n in (given_from + 1, given_from + 2, 4):
        if n < given_from + 1 or i + n > len(text):
            continue
        name = text[i : i + n]
        if not _HAN_ONLY.fullmatch(name) or name in cues.not_names:
            continue
        if not cues.bad_chars.isdisjoint(name[given_from:]):
            continue
        if _CREDIT_END.match(text, i + n):
            return i + n
    return None


def extract_reporters(ctx: Context) -> tuple[Reporter, ...]:
    """Reporter, correspondent, writer and photographer credits."""
    text = ctx.text
    cues = _cues()
    out: list[Reporter] = []
    seen: set[str] = set()

    def add(s: int, e: int) -> None:
        name = text[s:e]
        if name not in seen:
            seen.add(name)
            out.append(Reporter(name=name, span=ctx.span(s, e)))

    for m in _scan(cues.credit_re, cues.credit_first, text):
        j = m.end()
        while j < len(text):
            e = _credit_name(text, j, cues)
            if e is None:
                break
            add(j, e)
            sep = _CREDIT_SEP.match(text, e)
            if not sep or sep.end() == e:
                break
            j = sep.end()
            if (
                cues.credit_re.match(text, j)
                or text.startswith(("摄", "报道"), e)
                or text.startswith(("摄", "报道"), j)
            ):
                break
    # “（张三 摄）”“李四摄”：名字在前的摄影署名
    for m in _PHOTO_CREDIT.finditer(text) if "摄" in text else ():
        s = m.start(1)
        e = _credit_name(text, s, cues)
        if e is not None and e <= m.end(1) and text[e : m.end(1)].strip() == "":
            add(s, e)
    return tuple(sorted(out, key=lambda r: r.span))
