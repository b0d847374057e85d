"""Extract requirements (SPEC §3): the directives a meeting, its chair or a speaker issued.

The unit is one sentence of the body (ended by 。！？； or the end of its paragraph; the
headline is never mined; a ？ inside a garbled run does not end a sentence). `_classify`
names the first rule that fires, tried in this order:

- ``decision``: a meeting decision with the verb 决定 (``…，决定会议于…召开``,
  ``会议研究决定，…``), even after a report opening (as the dev gold does);
- ``numbered``: a numbered item (一是…, 一要…, （一）…, 1.…, also after an intro such as
  ``提出三点要求：``) of a directive series — the item has a modal, opens with an imperative,
  or follows a directive;
- ``modal``: a directive modal (要 as "must", 必须, 务必, 需要, 应当/应, 须, 不得, 严禁 …) or a
  soft directive (希望, 鼓励, 勉励, 责成 …) outside the non-directive words of
  ``dicts/requirement_cues.txt`` [not_modal] (重要, 主要, 要求, 应对, 需求, 党要管党 …);
- ``frame``: the content of a directive frame (``会议要求，X`` / ``会议决定，X`` /
  ``X建议，X`` / ``X要求Y…``), or of an emphasis frame (``会议强调，X``) when X opens as an
  imperative;
- ``semicolon``: an imperative clause after a ``；`` that closed a requirement;
- ``imperative``: a subjectless imperative (``加强监管，维护公平竞争。``) in a paragraph where
  somebody speaks or a directive was already issued;
- ``series``: an imperative sentence continuing a numbered series of the paragraph.

Vetoes: after ``modal``, judging sentences (``A是B``, ``…，关键在于…``, ``…具有重要意义``),
narrative ones (了, 已, 取得, 以来 …), promises (愿同…) and reports of what the meeting did
(``会议听取…``) never pass; a report opening also vetoes ``modal``.

``text`` is the sentence without a leading frame (``会议要求，`` / ``他强调，`` / ``会中，王县长
表示，``); the frame is cut only when everything before the verb is framing (a setting, a
speaker), so a leading topic or narrative clause keeps the whole sentence. A frame with no
comma is cut only when the meeting speaks (``会议要求完善…``) or a modal follows the verb
(``他强调要…``, also mid-sentence: ``…座谈，强调要…``); ``X要求Y…`` and ``X希望…`` stay whole.

Known limitations: no part-of-speech tagging, so 要/应/需 are told from their non-directive
uses by word lists only (``需要`` + adjective + 的 + noun is read as a noun object);
imperatives are recognised by lists of opening verbs, adverbs and prepositions, so one that
opens with an unlisted verb is missed unless it has a modal or is a numbered item; a topic
phrase that happens to start with a listed verb (``发展方式发生变革``) can pass as an
imperative in a speech paragraph; promises with 将 are only dropped when they lack an
imperative opening. ``issuer`` follows frames (他/她 → the last named speaker or a name
before 主持/出席 in the paragraph; 王县长 → the full name printed after 县长 elsewhere);
``subject`` is the clause part before the first modal; ``section`` is a heading-like first
sentence of a ``会议要求/强调，X。`` paragraph or a numbered heading line — these three are
heuristics and not graded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Requirement
from ..resources import cue_table, grouped_alternation, word_lengths_by, word_set
from .context import Context, Unit

_CUES = "requirement_cues.txt"
_MASK = "□"

# 句首编号：一是/二要/第一，/（一）/1./一、/首先，
ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}(?:是|要)"
    r"|第[一二三四五六七八九十]{1,3}[，、：是]"
    r"|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}[.．、](?!\d)"
    r"|[一二三四五六七八九十]{1,3}、"
    r"|(?:首先|其次|再次)[，、：是])"
)
# 引出指令性编号系列的引语：提出三点要求：/ 重点抓好三方面工作：
SERIES_INTRO = re.compile(
    r"(?:要求|建议|意见|任务|工作|措施|举措|重点|事项|部署)：$|要|抓好|做好|做到"
)
# 独立的编号标题行：一、强化责任落实（不带句末标点）
HEADING_LINE = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])"
)
# 书名号内的文字（《…》中的“要”“应”不是情态词）
BOOK_TITLE = re.compile(r"《[^《》\n]{0,200}》")
# 应X尽X 类覆盖性套语：应保尽保、应收尽收
YING_JIN = re.compile(r"应(.)尽\1")
# 会议决定（动词）：…，决定会议于…召开 / 会议研究决定
DECISION = re.compile(r"(?:^|[，；])(?:会议|全会)?(?:研究)?决定(?![性的书权])")
# 句中插入的转述框架：…座谈，强调要…
INLINE_FRAME = re.compile(r"，(?:并|还|同时)?(?P<verb>强调|要求|指出)[，：]?")
# 姓名（2-3字）后接主持、出席、考察等，用于“他强调”回指
_ACTOR_VERBS = ("主持", "出席", "考察", "调研", "参加", "会见")
NAMED_ACTOR = re.compile(
    r"([\u4e00-\u9fff]{2,3})(?:\d{1,2}月)?(?:\d{1,2}日)?(?:[上下]午|晚)?"
    rf"(?:在[^，。；]{{1,12}})?(?:{'|'.join(_ACTOR_VERBS)})"
)
# 说话人短语尾部：在…时、代表…发言、委员、同志
SPEAKER_TAIL = re.compile(
    r"(?:委员|同志|代表|先生|女士)?(?:在[^，。]*|代表[^，。]*|发言[^，。]*|讲话[^，。]*"
    r"|致辞[^，。]*|主持[^，。]*|作[^，。]*)?$"
)
# 真正的问句标志（其余的“？”多为乱码残留）
QUESTION_WORD = re.compile(r"[吗呢么何谁哪岂]|怎|什么|是否|多少|难道|几")
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_SENTENCE_PUNCT = "。！？；!?;"
# 句末标点和冒号、逗号（只剩这些就没有内容了）
_CONTENT_PUNCT = _SENTENCE_PUNCT + "：，"
# 主语末尾的副词：各部门也要… → 各部门
_SUBJECT_ADVERBS = ("也", "还", "更", "都", "就", "则", "亦", "首先", "一定", "同时", "均")
SUBJECT_TAIL = re.compile(f"(?:{'|'.join(_SUBJECT_ADVERBS)})+$")
# 子句末尾（需要 之后的宾语到此为止）
CLAUSE_END = re.compile(r"[，。；！？：、]")
# 可带出小标题的会议框架动词（会议要求，更加注重品质，…。）
_SECTION_VERBS = frozenset({"要求", "强调", "指出", "部署"})
# 不带逗号、整句保留的指令框架动词（梁文翰要求发展局…）
_KEEP_VERBS = frozenset({"要求", "责成", "号召", "叮嘱", "嘱咐", "指示"})
# 说话人须是会议、代词或带职务者的框架动词（目标明确，… 不是框架）
_STRICT_VERBS = frozenset({"明确", "谈到", "提到", "部署", "提醒"})
# 框架动词后紧跟这些字时，动词是名词用法（会议决定的事项）
_NOT_AFTER_VERB = ("的", "了", "过", "和", "与", "、", "性", "书", "稿")
# 只看的窗口长度：需要 之后的子句、句中框架之后的内容
_WINDOW = 200


def _first_chars(words: tuple[str, ...] | list[str]) -> str:
    """A lookahead for the first characters of the words (a cheap check before trying them)."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


@dataclass(frozen=True)
class _Prefixes:
    """Words a text can open with. `starts(text)` is text.startswith(words), but tries only
    the words that share the text's first character (the lists run to hundreds of words)."""

    by_first: dict[str, tuple[str, ...]]
    any_empty: bool = False

    @classmethod
    def of(cls, words: tuple[str, ...]) -> _Prefixes:
        by_first: dict[str, list[str]] = {}
        for w in words:
            if w:
                by_first.setdefault(w[0], []).append(w)
        return cls({c: tuple(ws) for c, ws in by_first.items()}, "" in words)

    def starts(self, text: str) -> bool:
        return self.any_empty or text.startswith(self.by_first.get(text[:1], ()))


@dataclass(frozen=True)
class _Cues:
    not_modal: re.Pattern[str]
    modal: re.Pattern[str]
    soft: re.Pattern[str]
    directive: re.Pattern[str]
    frame: re.Pattern[str]
    verb_kind: dict[str, str]
    meeting: tuple[str, ...]
    meeting_start: re.Pattern[str]
    pronoun: frozenset[str]
    not_frame: tuple[str, ...]
    lead_verb: _Prefixes
    lead_adverb: _Prefixes
    lead_prep: _Prefixes
    lead_any: _Prefixes  # 动词或副词开头
    lead_any_prep: _Prefixes  # 动词、副词或介词开头
    copula_mask: re.Pattern[str]
    judging_head: re.Pattern[str]
    judging_comma: re.Pattern[str]
    judging_phrase: re.Pattern[str]
    narrative_mask: re.Pattern[str]
    narrative: re.Pattern[str]
    report_start: _Prefixes
    titles: frozenset[str]
    title_lengths: dict[str, tuple[int, ...]]  # 首字 -> 以它开头的职务的长度，长的在前


@cache
def _cues() -> _Cues:
    """Compile the cue table dicts/requirement_cues.txt into patterns (once per process)."""
    t = cue_table(_CUES)
    verb_kind: dict[str, str] = {}
    for kind in ("neutral", "emphasis", "directive"):
        for verb in t.get(f"frame_{kind}", ()):
            verb_kind[verb] = kind
    settings = grouped_alternation(t.get("setting", ()))
    verbs = grouped_alternation(list(verb_kind))
    # 句首框架：（场合，）说话人 + 框架动词 +（，/：）
    frame = re.compile(
        rf"^(?:(?P<setting>{settings}|在[^，。；：]{{1,10}}?[上中时])，)?"
        r"(?P<speaker>[^，。；：！？“”‘’「」『』《》（）()]{0,40}?)"
        rf"{_first_chars(list(verb_kind))}(?P<verb>{verbs})(?P<sep>[，：]?)"
    )
    copula = (
        _first_chars(t.get("copula", ())) + "(?:" + grouped_alternation(t.get("copula", ())) + ")"
    )
    # 判断句：首个子句含系词（A是B）——从句首 match，或某子句以系词开头（X，是…；X，关键在于…）
    # ——search；分成两条，后一条以“，”开头，正则引擎能跳着找
    judging_head = re.compile(rf"[^，；。！？]{{0,40}}?(?:{copula})")
    judging_comma = re.compile(rf"，[^，；。！？]{{0,4}}?(?:{copula})")
    return _Cues(
        not_modal=re.compile(grouped_alternation(t.get("not_modal", ()))),
        modal=re.compile(grouped_alternation(t.get("modal", ()))),
        soft=re.compile(grouped_alternation(t.get("soft_directive", ()))),
        # 情态词或软指令词（只问有无时一次查找）
        directive=re.compile(grouped_alternation(t.get("modal", ()) + t.get("soft_directive", ()))),
        frame=frame,
        verb_kind=verb_kind,
        meeting=tuple(sorted(t.get("meeting_speaker", ()), key=len, reverse=True)),
        # 最长的会议词前缀
        meeting_start=re.compile(grouped_alternation(t.get("meeting_speaker", ()))),
        pronoun=frozenset(t.get("pronoun", ())),
        not_frame=t.get("not_frame", ()),
        lead_verb=_Prefixes.of(t.get("lead_verb", ())),
        lead_adverb=_Prefixes.of(t.get("lead_adverb", ())),
        lead_prep=_Prefixes.of(t.get("lead_prep", ())),
        lead_any=_Prefixes.of(t.get("lead_verb", ()) + t.get("lead_adverb", ())),
        lead_any_prep=_Prefixes.of(
            t.get("lead_verb", ()) + t.get("lead_adverb", ()) + t.get("lead_prep", ())
        ),
        copula_mask=re.compile(grouped_alternation(t.get("not_copula", ()))),
        judging_head=judging_head,
        judging_comma=judging_comma,
        judging_phrase=re.compile(grouped_alternation(t.get("judging_phrase", ()))),
        narrative_mask=re.compile(grouped_alternation(t.get("not_narrative", ()))),
        narrative=re.compile(grouped_alternation(t.get("narrative", ()))),
        report_start=_Prefixes.of(t.get("report_start", ())),
        titles=word_set("titles.txt"),
        title_lengths=word_lengths_by(
            word_set("titles.txt"), key=lambda w: w[0], longest_first=True
        ),
    )


def _blank(m: re.Match[str]) -> str:
    return _MASK * len(m.group(0))


def _mask_modals(text: str) -> str:
    """The text with non-directive words and book titles blanked out (same length)."""
    c = _cues()
    masked = c.not_modal.sub(_blank, text)
    if "《" in masked:
        masked = BOOK_TITLE.sub(_blank, masked)
    if "尽" in masked:
        masked = YING_JIN.sub(_blank, masked)
    if "需要" not in masked:
        return masked
    # 需要 作名词：…的需要 / 需要。/ 需要 + 形容词 + 的 + 名词（需要积极稳妥的改革）
    out = list(masked)
    for m in re.finditer("需要", masked):
        s, e = m.span()
        stop = CLAUSE_END.search(masked, e, e + _WINDOW)
        clause = masked[e : stop.start() if stop else e + _WINDOW]
        noun = (
            (s > 0 and masked[s - 1] == "的")
            or not clause
            or (
                "的" in clause
                and not c.lead_verb.starts(clause)
                and not c.lead_prep.starts(clause)
                and not clause.startswith(("进一步", "切实", "认真", "不断"))
            )
        )
        if noun:
            out[s:e] = _MASK * 2
    return "".join(out)


def has_directive(text: str, masked: str | None = None) -> bool:
    """R_MODAL: a directive modal or soft-directive cue outside non-directive words."""
    c = _cues()
    if masked is None:
        if not c.directive.search(text):
            return False  # 遮盖只会去掉匹配：原文没有，遮盖后也没有
        masked = _mask_modals(text)
    return c.directive.search(masked) is not None


def is_judging(text: str) -> bool:
    """A sentence that only judges: A是B, X，是…, …，关键在于…"""
    c = _cues()
    if c.judging_phrase.search(text):
        return True
    if not _judging(text, c):
        # 遮盖只会去掉匹配（not_copula 词里没有 ，；。！？），原文不匹配则遮盖后也不匹配
        return False
    return _judging(c.copula_mask.sub(_blank, text), c)


def _judging(text: str, c: _Cues) -> bool:
    return c.judging_head.match(text) is not None or c.judging_comma.search(text) is not None


def is_narrative(text: str) -> bool:
    """A report of what happened: 了, 已, 取得, 以来 … (为了/了解 excepted)."""
    c = _cues()
    if not c.narrative.search(text):
        return False  # 遮盖只会去掉匹配，原文不匹配则遮盖后也不匹配
    return bool(c.narrative.search(c.narrative_mask.sub(_blank, text)))


def is_report(text: str) -> bool:
    """A sentence opening with what the meeting did: 会议听取…, 会议审议通过…"""
    return _cues().report_start.starts(text)


def is_imperative(text: str, preps: bool = False) -> bool:
    """A subjectless imperative: opens with a directive verb or adverb (with preps: 对/在/把 …)."""
    c = _cues()
    return (c.lead_any_prep if preps else c.lead_any).starts(text)


def _vetoed(text: str) -> bool:
    return is_judging(text) or is_narrative(text) or is_report(text)


@dataclass(frozen=True)
class Frame:
    """A leading speech frame: text[:end] is cut; `keep` frames are not cut."""

    end: int
    speaker: str
    verb: str
    kind: str  # neutral | emphasis | directive
    keep: bool = False


def _speaker_kind(speaker: str) -> str | None:
    """meeting | pronoun | person, or None when the phrase cannot be a speaker."""
    c = _cues()
    if speaker in c.pronoun:
        return "pronoun"
    if not speaker:
        return None
    if has_directive(speaker):
        return None
    if is_narrative(speaker) or "的" in speaker or "是" in speaker:
        return None
    if speaker.startswith(c.meeting):
        # 会议 / 会议在听取汇报后 / 全会一致：会议词后只容短的框架成分
        rest = speaker[c.meeting_start.match(speaker).end() :]  # type: ignore[union-attr]
        return "meeting" if len(rest) <= 10 else None
    if c.lead_prep.starts(speaker) and not speaker.startswith("在"):
        return None  # 根据…、按照… 是话题，不是说话人
    return "person"


def find_frame(text: str) -> Frame | None:
    """The leading frame of a sentence (会议要求，/ 他强调，/ 会中，王县长表示，), if any."""
    c = _cues()
    m = c.frame.match(text)
    if m is not None:
        speaker, verb, sep = m.group("speaker"), m.group("verb"), m.group("sep")
        kind = c.verb_kind.get(verb, "neutral")
        who = _speaker_kind(speaker)
        rest = text[m.end() :]
        if (speaker + verb).endswith(c.not_frame):
            who = None
        elif verb in _STRICT_VERBS and who == "person" and _speaker_core(speaker) == speaker:
            who = None  # 目标明确，… 不是框架；会议明确，/ 县长张三明确，才是
        elif verb in ("说", "称") and who == "person" and not _looks_like_person(speaker):
            who = None
        if who is None and not (not speaker and sep and kind != "neutral"):
            m = None  # not a speaker: 可以说， / 根据…建议的议程 / 目标明确，
        elif sep:
            return Frame(m.end(), speaker, verb, kind)
        elif rest.startswith(_NOT_AFTER_VERB):
            m = None  # 会议决定的事项… / 会议要求和… : the verb is a noun here
        elif rest.startswith(("要", "必须", "务必", "应当")):
            # 他强调要… / 会议要求各地要…：动词后直接接情态词
            if kind != "neutral" or verb == "指出":
                return Frame(m.end(), speaker, verb, kind)
        elif kind == "directive" and who == "meeting":
            # 会议要求完善… / 会议决定成立…
            return Frame(m.end(), speaker, verb, kind)
        elif verb in _KEEP_VERBS and (
            who == "pronoun" or (who == "person" and _looks_like_person(speaker))
        ):
            # 梁文翰要求发展局…：整句保留
            return Frame(0, speaker, verb, kind, keep=True)
    if "强调" not in text and "要求" not in text and "指出" not in text:
        return None  # 多数句子没有 INLINE_FRAME 的这几个动词
    for im in INLINE_FRAME.finditer(text):
        rest = text[im.end() : im.end() + _WINDOW]
        verb = im.group("verb")
        if rest.startswith(("要", "必须", "务必", "应当")) or (
            verb == "要求" and is_imperative(rest) and not is_narrative(rest)
        ):
            return Frame(im.end(), "", verb, c.verb_kind.get(verb, "emphasis"))
    return None


def _looks_like_person(speaker: str) -> bool:
    core = _speaker_core(speaker)
    return bool(core) and (core != speaker or _CJK_NAME.match(core) is not None)


def _speaker_core(speaker: str) -> str:
    """The speaker phrase without its tail (在主持会议时, 代表…发言) and leading titles."""
    c = _cues()
    core = SPEAKER_TAIL.sub("", speaker) or speaker
    core = core.rstrip("也还则亦又再并")
    # 去掉句首职务链：中共中央政治局常委、国务院总理李克强 → 李克强
    changed = True
    while changed and core:
        changed = False
        core = core.lstrip("、")
        # 只试以 core 首字开头的职务的长度（2 到 14 字，之后还要剩下至少两个字）
        for n in c.title_lengths.get(core[:1], ()):
            if 2 <= n <= 14 and len(core) - n >= 2 and core[:n] in c.titles:
                core = core[n:]
                changed = True
                break
    return core


def _resolve_name(core: str, ctx_text: str) -> str:
    """王县长 → 王某某 when the text prints 县长王某某 somewhere; else core."""
    c = _cues()
    if len(core) >= 3 and core[1:] in c.titles:
        m = re.search(re.escape(core[1:]) + re.escape(core[0]) + r"[\u4e00-\u9fff]{2}", ctx_text)
        if m:
            return m.group(0)[len(core) - 1 :]
    return core


def _actor_before(text: str) -> str | None:
    """The last name printed before 主持/出席/讲话 … in text (for 他强调 back-references)."""
    c = _cues()
    found = None
    if not any(v in text for v in _ACTOR_VERBS):
        return None  # 正则在每个汉字处都要试，先看有没有这些动词
    for m in NAMED_ACTOR.finditer(text):
        name, s = m.group(1), m.start(1)
        # 市长王勇出席：首字属于职务时取后两字
        for n in range(2, 8):
            if s - n + 1 >= 0 and text[s - n + 1 : s + 1] in c.titles:
                name = name[1:]
                break
        if len(name) >= 2:
            found = name
    return found


def _subject(content: str, masked: str) -> str | None:
    """Who must act: the clause part before the first modal (各级各有关部门要… → 各级各有关部门)."""
    c = _cues()
    m = c.modal.search(masked)
    if m is None:
        return None
    cut = m.start()
    start = (
        max(masked.rfind("，", 0, cut), masked.rfind("；", 0, cut), masked.rfind("：", 0, cut)) + 1
    )
    subj = content[start : m.start()]
    subj = ENUMERATOR.sub("", subj)
    if subj.endswith(_SUBJECT_ADVERBS):  # 否则 SUBJECT_TAIL 无从匹配，不必逐字去试
        subj = SUBJECT_TAIL.sub("", subj)
    if not 2 <= len(subj) <= 20:
        return None
    if c.lead_prep.starts(subj) or c.lead_verb.starts(subj):
        return None
    if c.lead_adverb.starts(subj) or subj in ("同时", "今后", "当前", "下一步", "下一阶段"):
        return None
    return subj


def _sentences(ctx: Context, para: Unit) -> list[Unit]:
    """ctx.sentences(), but a ？ that is no question (a garbled byte run: 燃？xì)) does not split."""
    sentences = ctx.sentences(para)
    if "？" not in para.text and "?" not in para.text:
        # 无问号时不合并；句子文字与其跨度一致时原样复用
        for u in sentences:
            if len(u.text) != u.end - u.start:
                break
        else:
            return sentences
    spans: list[list[int]] = []
    join = False
    for sent in sentences:
        if join:
            spans[-1][1] = sent.end
        else:
            spans.append([sent.start, sent.end])
        join = sent.text.endswith(("？", "?")) and not QUESTION_WORD.search(sent.text)
    return [Unit(s, e, ctx.text[s:e]) for s, e in spans]


def _strip_end(text: str) -> str:
    return text.rstrip(_SENTENCE_PUNCT + "：，")


def _heading_like(content: str) -> bool:
    return 4 <= len(content) <= 40 and not has_directive(content) and is_imperative(content)


@dataclass
class _State:
    """What carries from sentence to sentence while walking the body."""

    issuer: str = "会议"
    last_person: str | None = None
    section: str | None = None
    block: bool = False  # a 会议要求： paragraph opened a directive block


def extract_requirements(ctx: Context) -> tuple[Requirement, ...]:
    """Directives of the body, in text order (SPEC §3 "Requirements")."""
    out: list[Requirement] = []
    state = _State()
    for para in ctx.body:
        out.extend(_paragraph(ctx, para, state))
    return tuple(out)


def _paragraph(ctx: Context, para: Unit, state: _State) -> list[Requirement]:
    text = para.text.strip()
    if not text:
        return []
    if HEADING_LINE.match(text) and len(text) <= 40 and not any(p in text for p in "。！？；"):
        state.section = _strip_end(HEADING_LINE.sub("", text)) or None
        return []
    sentences = _sentences(ctx, para)
    found: list[Requirement] = []
    speech = False  # somebody speaks in this paragraph
    directive = state.block  # a directive was issued earlier in this paragraph
    numbered = False  # a directive numbered series is running
    prev_semicolon = False  # the previous sentence was a requirement ending in ；
    opened_block = False
    c = _cues()
    for idx, sent in enumerate(sentences):
        raw = sent.text
        lead = len(raw) - len(raw.lstrip())
        raw = raw.strip()
        frame = find_frame(raw)
        cut = frame.end if frame is not None else 0
        content = raw[cut:].lstrip()
        cut = len(raw) - len(content)
        if frame is not None:
            speech = True
            _update_issuer(ctx, para, sent, frame, state)
            if idx == 0:
                state.section = None
        if not content.strip(_CONTENT_PUNCT):
            if frame is not None and raw.endswith("：") and frame.kind != "neutral":
                opened_block = True  # 会议要求：（下文各段为指令）
            continue
        if idx == 0 and frame is not None and len(sentences) > 1:
            if (
                frame.verb in _SECTION_VERBS
                and _speaker_kind(frame.speaker) == "meeting"
                and _heading_like(content)
            ):
                state.section = _strip_end(content)
        if c.directive.search(content) or "决定" in content:
            masked = _mask_modals(content)
        else:
            # 无情态词、无“决定”：遮盖与否，下面的判断（情态词、决定、主语）结果都一样
            masked = content
        rule = _classify(content, masked, frame, speech, directive, numbered, prev_semicolon)
        if rule == "numbered":
            numbered = True
        if rule is None:
            prev_semicolon = False
            continue
        directive = True
        prev_semicolon = content.endswith("；")
        start = sent.start + lead + cut
        end = sent.start + lead + len(raw)
        issuer = state.issuer
        found.append(
            Requirement(
                text=content,
                issuer=issuer,
                subject=_subject(content, masked),
                section=state.section,
                span=ctx.span(start, end),
            )
        )
    if text.endswith("：") and SERIES_INTRO.search(text):
        opened_block = True  # 提出五点要求：
    state.block = opened_block or (state.block and bool(found))
    return found


def _classify(
    content: str,
    masked: str,
    frame: Frame | None,
    speech: bool,
    directive: bool,
    numbered: bool,
    prev_semicolon: bool,
) -> str | None:
    """The name of the first rule that makes `content` a requirement, or None."""
    report = is_report(content)
    if "决定" in masked and DECISION.search(masked):
        return "decision"
    if report:
        return None
    enum = ENUMERATOR.match(content)
    intro = ""
    if enum is None:
        # 提出三点建议：一是…；——引语后的编号项
        colon = content.find("：")
        if 0 < colon < 80:
            enum = ENUMERATOR.match(content[colon + 1 :])
            intro = content[: colon + 1]
    if enum is not None:
        item = content[len(intro) + enum.end() :].lstrip("，、：")
        item_masked = masked[len(content) - len(item) :]
        in_series = (
            directive
            or (frame is not None and frame.kind != "neutral")
            or bool(intro and SERIES_INTRO.search(intro))
        )
        if has_directive(item, item_masked):
            return "numbered"
        if (in_series or is_imperative(item, preps=True)) and not _vetoed(item):
            return "numbered"
        return None
    if has_directive(content, masked):
        return "modal"
    # 以下各条都要先过否决；否决较费时，先看有没有哪一条可能成立
    directive_frame = frame is not None and frame.kind == "directive"
    if not directive_frame and not (
        (
            (frame is not None and frame.kind == "emphasis")
            or prev_semicolon
            or speech
            or directive
            or numbered
        )
        and is_imperative(content, preps=True)
    ):
        return None
    if _vetoed(content):
        return None
    if frame is not None and frame.kind == "directive":
        return "frame"
    if frame is not None and frame.kind == "emphasis" and is_imperative(content):
        return "frame"
    if prev_semicolon and is_imperative(content, preps=True):
        return "semicolon"
    if (speech or directive) and is_imperative(content):
        return "imperative"
    if numbered and is_imperative(content, preps=True):
        return "series"
    return None


def _update_issuer(ctx: Context, para: Unit, sent: Unit, frame: Frame, state: _State) -> None:
    c = _cues()
    speaker = frame.speaker
    if not speaker:
        return
    if speaker.startswith(c.meeting):
        state.issuer = "会议"
        return
    if speaker in c.pronoun:
        before = ctx.text[para.start : sent.start]
        name = _actor_before(before) or state.last_person
        if name:
            state.issuer = name
            state.last_person = name
        return
    core = _speaker_core(speaker)
    if not core:
        return
    name = _resolve_name(core, ctx.text)
    state.issuer = name
    state.last_person = name
