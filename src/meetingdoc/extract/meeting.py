"""Extract the meeting itself: title, name, kind, date, time of day, place (SPEC §2, §3).

Rules, in brief:

- title: the first non-empty line that is not page furniture (来源/发布时间 lines,
  breadcrumbs, 【字体】 bars, bare date lines).
- date: the first date in the lead (the first body paragraphs, then the headline)
  that is in a meeting context: it opens a clause (`6月18日上午，…`) or a meeting
  verb follows it in the same clause (`7月13日下午主持召开…`, `27日在京召开`).
  Dates after 将于/拟于/决定/截至 or before 前/以来/起 are skipped (future sessions,
  deadlines, periods). The year comes from the date itself, from `YYYY年第N次` or
  from a publication line (`发布时间：…`, a bare date line, `…日电`); with a
  publication date a day-only date also gets its month. Without a dated lead,
  `今天/今日/昨天` are resolved against the publication date, and `近日/日前` or no
  time word at all fall back to the publication date itself (null without one).
- time of day: the cue right after the chosen date.
- location: `在X召开/举行/主持…` in the sentence of the date (or the lead).
- name/kind: a phrase ending in a meeting-kind cue, delimited by a verb before it
  (`主持召开X`, `出席X`) or followed by `[日期][在某地]召开/举行`; kind is the longest
  cue ending the name.

Dates may be Arabic, Chinese numerals (二〇二三年十二月十九日), ISO (2023-02-13) or
Taiwan ROC years (112年3月9日, 112-03-09). Only the first 600 characters of the
first three lead paragraphs are searched for the date and the name.

Known limitations: a lead that dates a cited earlier event before the meeting
itself takes that earlier date; month inference from the publication date assumes
the meeting was at most a month before publication; Chinese-numeral day-only
dates (`二十七日`) need a time-of-day word right after them; a bare name such as
`会议` is prefixed with its subject only when the subject ends in an organisation
word; a session and its sitting (`X会议…举行第四次全体会议`) are joined only when
the sitting follows in the same clause.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..model import Meeting
from ..resources import alternation, cue_table, grouped_alternation, word_lengths_by
from .context import Context, Unit, split_sentences

CUE_FILE = "meeting_cues.txt"

_CN_DIGITS = "〇零一二三四五六七八九"
# 年：2023年、二〇二三年、（民国）112年（台湾纪年，后面必须有月）
_YEAR = rf"(?P<year>(?:19|20)\d{{2}}|[{_CN_DIGITS}]{{4}}|1[01]\d(?=年\d))年"
# 月：6月、06月、十二月
_MONTH = r"(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
# 日的数字：18、08、十九、二十七、廿一
_DAY_NUM = r"3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九]"
# 日：18日、18号、5—6日（取5日；不含 3号楼、1号文件 之类）
_DAY = (
    rf"(?P<day>{_DAY_NUM})(?:[至到—–~～-](?:{_DAY_NUM})(?=[日号]))?"
    r"(?:日|号(?![楼馆院厅室线令文台库位码]))"
)
# 区间的后一天：至6日、—6日、至7月2日（只取前一天）
_RANGE_END = (
    r"(?:[至到—–~～-]{1,2})(?:(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)?"
    rf"(?:{_DAY_NUM})[日号]"
)
# 中文日期的第一个字（先用一个字符类看一眼，不是这些字就不必再试下去）
_DATE_CN_FIRST = rf"(?=[\d{_CN_DIGITS}十廿卅])"
# 中文日期：[年][月]日[至日]，前面不能紧接数字或“第”
DATE_CN = re.compile(
    rf"{_DATE_CN_FIRST}"
    rf"(?<!第)(?:(?<!\d)(?=\d)|(?<![{_CN_DIGITS}十百千万])(?=[{_CN_DIGITS}十廿卅]))"
    rf"(?:{_YEAR})?(?:{_MONTH})?{_DAY}(?:{_RANGE_END})?"
)
# 数字日期：2023-02-13、2023/2/13、2023.02.13、112-03-09（台湾纪年）；年份以 1 或 2 开头
DATE_ISO = re.compile(
    r"(?=[12])"
    r"(?<![\d-])(?P<year>(?:19|20)\d{2}|1[01]\d)(?P<sep>[-/.])(?P<month>1[0-2]|0?[1-9])(?P=sep)"
    r"(?P<day>3[01]|[12]\d|0?[1-9])(?!\d)"
)
# 台湾新闻稿的日期：今（15）日、昨（14）日——括号里是日，没有年月
DATE_TW = re.compile(
    r"(?<=[今昨])[（(](?P<day>3[01]|[12]\d|0?[1-9])[）)]日(?P<month>(?!))?(?P<year>(?!))?"
)
# 并列的第二个日期：和10日、及10日上午
CHAINED_DATE = re.compile(rf"[和及、与](?:{_MONTH.replace('?P<month>', '')})?(?:{_DAY_NUM})[日号]")
# 日期后的星期：（星期四）、（周四）
WEEKDAY = re.compile(r"[（(]?(?:星期|周)[一二三四五六日天][）)]?")
# 钟点：9时、9点30分、9:30
CLOCK = re.compile(r"\d{1,2}(?:[时点](?:\d{1,2}分|半)?|[:：]\d{2})")
# 会议名称中的年份：2025年第12次党组会
YEAR_OF_SESSION = re.compile(r"(?<!\d)((?:19|20)\d{2})年第[\d一二三四五六七八九十百]+次")
# 钟点、星期等日期行的附属成分（判断一行是否只是日期）
_DATELINE_REST = re.compile(
    r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?|[（(]?(?:星期|周)[一二三四五六日天][）)]?|[\s，。、:：/|（）()-]"
)
# 面包屑导航：首页 > 新闻 > …
BREADCRUMB = re.compile(r"[>＞»›]\s*\S+\s*[>＞»›]|^\s*首页\s*[>＞»›/]")
# 字号栏：大 中 小
FONT_BAR = re.compile(r"[【\[]\s*大\s*中\s*小\s*[】\]]|大\s+中\s+小")
# 分句边界
CLAUSE_END = re.compile(r"[，。；！？：\n]")
# 图片说明：图为…、…摄
CAPTION = re.compile(r"^(?:图为|图片|（?图）)|摄\s*[）)]?\s*$")
# 一行中的汉字
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# 书名号、引号内的内容（找会议名称的边界时遮住）
QUOTED = re.compile(r"《[^《》\n]{0,120}》|“[^“”\n]{0,60}”")
# 主语之后的日期、时段或“在”（主语到此为止）
SUBJECT_END = re.compile(
    rf"{DATE_CN.pattern}|在|当地时间|[上下]午|晚上|[今昨当]天|[今昨当近]日|日前"
)
# 以序号开头的会议名称（第N次、2025年第N次），前面可补上机构名
ORDINAL_START = re.compile(r"(?:(?:19|20)\d{2}年)?第")
# 会议名称、日期只在导语段落开头这么多字内查找
NAME_WINDOW = 600
LEAD_WINDOW = 600
# 会议名称前的机构名的结尾（“中共中央政治局召开会议”→ 中共中央政治局会议）
ORG_END = re.compile(
    r"(?:政治局|常务委员会|常委会|委员会|国务院|政府|党组|党委|党工委|人大|政协|纪委|监委"
    r"|领导小组|小组|主席团|会议|局|厅|委|办|院|部|署|公司|集团)$"
)


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: text[start:end] (a range keeps its first day)."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int
    chinese_day: bool = False


@dataclass(frozen=True)
class _Patterns:
    kinds: re.Pattern[str]
    kind_words: tuple[str, ...]
    tod: re.Pattern[str]
    verbs: re.Pattern[str]
    future: re.Pattern[str]
    prefix_negative: re.Pattern[str]
    vague: re.Pattern[str]
    after_negative: re.Pattern[str]
    name_stop: re.Pattern[str]
    stops_resync: bool
    name_verb: re.Pattern[str]
    name_after: re.Pattern[str]
    place: re.Pattern[str]
    today: re.Pattern[str]
    pub_key: re.Pattern[str]
    furniture: re.Pattern[str]


# 会议名称左边界里的标点（name_stop 的一支）
_STOP_PUNCT = "，。；：！？、\n（）()"
_STOP_PUNCT_RE = re.compile(f"[{_STOP_PUNCT}]")


@cache
def cues() -> dict[str, tuple[str, ...]]:
    """The cue table dicts/meeting_cues.txt."""
    return cue_table(CUE_FILE)


@cache
def patterns() -> _Patterns:
    """Patterns built from the cue table (compiled once per process)."""
    c = cues()
    kinds = grouped_alternation(c["kinds"])
    tod = alternation(c["time_of_day"])
    date = DATE_CN.pattern
    stop_first = sorted(
        {w[0] for w in (*c["name_verbs"], *c["time_of_day"], "当地时间", "在", "于", "了")}
    )
    return _Patterns(
        # 会议类型名词，后接名称边界（标点、并、上、时、日期、召开……）
        kinds=re.compile(
            rf"(?:{kinds})(?=[，。；：！？、\s（(”]|$|并|上|时|于|在|召开|举行|开幕|闭幕|隆重"
            rf"|结束|\d|[一二三四五六七八九十]+日|[今昨当本]天|[今昨当]日|暨|和|及|期间)"
        ),
        kind_words=tuple(sorted(set(c["kinds"]), key=len, reverse=True)),
        # 时段词：上午、下午、晚……
        tod=re.compile(rf"(?:{tod})"),
        # 日期后同一分句内的会议动词
        verbs=re.compile(rf"(?:{alternation(c['meeting_verbs'])})"),
        # 日期所在分句中日期之前的将来、建议标记
        future=re.compile(rf"(?:{alternation(c['future_markers'])})"),
        # 紧接日期之前的截止、起点标记
        prefix_negative=re.compile(rf"(?:{alternation(c['date_prefix_negative'])})$"),
        # 不给日期的时间词：日前、近日
        vague=re.compile(rf"(?:{alternation(c['vague_time'])})"),
        # 日期后的期限、起点标记
        after_negative=re.compile(rf"(?:{alternation(c['after_date_negative'])})"),
        # 会议名称的左边界：动词、日期、时段、标点、在/于/了
        # 先用一个字符类看一眼是不是某个边界（或日期）的第一个字，不是就不必逐支去试
        name_stop=re.compile(
            rf"(?=[\d{_CN_DIGITS}十廿卅{_STOP_PUNCT}{re.escape(''.join(stop_first))}])"
            rf"(?:{alternation(c['name_verbs'])}|{date}|当地时间|{tod}|[{_STOP_PUNCT}]|在|于|了)"
        ),
        # 别的边界词都不含这些标点时，每个标点处必是一个边界，可从最后一个标点找起
        stops_resync=not any(
            ch in word for word in (*c["name_verbs"], *c["time_of_day"]) for ch in _STOP_PUNCT
        ),
        # 会议名称前的动词（主持召开、出席……）
        name_verb=re.compile(rf"(?:{alternation(c['name_verbs'])})"),
        # 会议名称后的“[日期][时段][在某地]召开/举行”
        name_after=re.compile(
            rf"(?:{date})?(?:当地时间)?(?:{tod})?(?:\d{{1,2}}[时点])?"
            rf"(?:在[^，。；！？\n]{{1,20}}?|于[^，。；！？\n]{{1,30}}?)?"
            rf"(?:{alternation(c['name_after'])})"
        ),
        # 在X召开/举行/主持：X 为地点
        place=re.compile(
            r"在(?P<place>[^，。；：！？、\s“”《》在同与和跟向对]{1,20}?)"
            rf"(?:{alternation(c['place_verbs'])})"
        ),
        # 今天、昨天……
        today=re.compile(rf"(?:{alternation(c['today_words'])})"),
        # 页面信息行的“关键词：”
        pub_key=re.compile(rf"(?:{alternation(c['publication_keys'])})\s*[：:]"),
        # 标题前的页面杂项行
        furniture=re.compile(
            rf"^\s*(?:(?:{alternation(c['furniture_starts'])})\s*(?:[：:>＞»›】/|]|$)"
            rf"|{alternation(c['furniture_phrases'])})"
        ),
    )


def cn_number(text: str) -> int | None:
    """Value of a small number in Arabic or Chinese digits (二〇二三, 十九, 廿一)."""
    if text.isdigit():
        return int(text)
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits["零"] = 0
    if all(c in digits for c in text):
        return int("".join(str(digits[c]) for c in text))
    tens = {"十": 1, "廿": 2, "卅": 3}
    if text and text[0] in tens:
        rest = text[1:]
        return tens[text[0]] * 10 + (digits.get(rest, 0) if rest else 0)
    if len(text) >= 2 and text[1] == "十" and text[0] in digits:
        rest = text[2:]
        return digits[text[0]] * 10 + (digits.get(rest, 0) if rest else 0)
    return None


def _may_hold(text: str, start: int, end: int, pattern: re.Pattern[str]) -> bool:
    """Cheap pre-check: a Chinese date ends in 日/号, a numeric one has a -/. separator."""
    if pattern is DATE_CN:
        return text.find("日", start, end) >= 0 or text.find("号", start, end) >= 0
    if pattern is DATE_TW:
        return text.find("）日", start, end) >= 0 or text.find(")日", start, end) >= 0
    return (
        text.find("-", start, end) >= 0
        or text.find("/", start, end) >= 0
        or text.find(".", start, end) >= 0
    )


# 日期正则以断言开头，正则引擎只能逐字去试，很慢；所以只在“锚字”附近的窗口里找。
# 中文日期（及台湾的“今（15）日”）必含“日”或“号”，匹配连同前后要看的字都落在第一个
# “日/号”之前 15 字（年 5、月 3、日 3、“至6” 4）、之后 27 字（日/号 1、后看 1、“至7月2日”
# 9……）之内；数字日期必含分隔符，落在第一个分隔符之前 4 字、之后 12 字之内。窗口再放宽些。
_CN_DATE_ANCHORS = ("日", "号")
_CN_DATE_WINDOW = (24, 40)
_ISO_DATE_ANCHORS = ("-", "/", ".")
_ISO_DATE_WINDOW = (10, 20)


def _anchor_windows(
    text: str, start: int, end: int, anchors: tuple[str, ...], window: tuple[int, int]
) -> list[tuple[int, int]]:
    """Spans of text[start:end] around every anchor character (window[0] before it,
    window[1] after it), merged where they overlap or touch."""
    positions = []
    for anchor in anchors:
        q = text.find(anchor, start, end)
        while q >= 0:
            positions.append(q)
            q = text.find(anchor, q + 1, end)
    positions.sort()
    before, after = window
    spans: list[tuple[int, int]] = []
    for q in positions:
        lo, hi = max(start, q - before), min(end, q + after)
        if spans and lo <= spans[-1][1]:
            spans[-1] = (spans[-1][0], hi)
        else:
            spans.append((lo, hi))
    return spans


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date written in text[start:end], in order."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    cn_windows = _anchor_windows(text, start, end, _CN_DATE_ANCHORS, _CN_DATE_WINDOW)
    for pattern, windows in (
        (DATE_CN, cn_windows),
        (DATE_ISO, _anchor_windows(text, start, end, _ISO_DATE_ANCHORS, _ISO_DATE_WINDOW)),
        (DATE_TW, cn_windows if _may_hold(text, start, end, DATE_TW) else []),
    ):
        # 每个窗口里的匹配与整段一次找出的相同：匹配都在窗口内，也不会跨窗口
        matches = [m for lo, hi in windows for m in pattern.finditer(text, lo, hi)]
        for m in matches:
            day = cn_number(m["day"])
            month = cn_number(m["month"]) if m["month"] else None
            year = cn_number(m["year"]) if m["year"] else None
            if year is not None and year < 200:  # 民国纪年
                year += 1911
            if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
                continue
            found.append(DateMention(m.start(), m.end(), year, month, day, not m["day"].isdigit()))
    found.sort(key=lambda d: d.start)
    # 数字日期与中文日期重叠时保留先出现者
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


def is_publication_line(text: str) -> bool:
    """A page-info line (`发布时间：2023-02-13`) or a bare dateline (`2024年6月12日（星期三）`)."""
    if len(text) > 200:  # 页面信息行都很短
        return False
    if ("年" not in text or "月" not in text) and not _may_hold(text, 0, len(text), DATE_ISO):
        return False  # 带年月的日期：中文日期含“年”和“月”，数字日期有分隔符
    dates = [d for d in find_dates(text) if d.year is not None and d.month is not None]
    if not dates:
        return False
    if patterns().pub_key.search(text):
        return True
    rest = text
    for d in reversed(dates):
        rest = rest[: d.start] + rest[d.end :]
    rest = _DATELINE_REST.sub("", rest)
    return len(rest) <= 6 and not patterns().verbs.search(rest)


def is_furniture(text: str) -> bool:
    """Page furniture that can stand before the headline."""
    if not HAS_CJK.search(text):
        return True
    return bool(
        patterns().furniture.search(text)
        or (_may_be_breadcrumb(text) and BREADCRUMB.search(text))
        or (len(text) <= 40 and FONT_BAR.search(text))
        or is_publication_line(text)
    )


def _may_be_breadcrumb(text: str) -> bool:
    """Cheap pre-check for BREADCRUMB: it needs one of its arrows or 首页."""
    return ">" in text or "＞" in text or "»" in text or "›" in text or "首页" in text


def headline_index(ctx: Context) -> int | None:
    """Index in ctx.paragraphs of the real headline (the first line that is not furniture)."""
    paragraphs = ctx.paragraphs
    for i, p in enumerate(paragraphs[:8]):
        if not is_furniture(p.text):
            return i
    return 0 if paragraphs else None


def body_units(ctx: Context) -> list[Unit]:
    """Paragraphs after the real headline (furniture before it excluded)."""
    i = headline_index(ctx)
    return [] if i is None else ctx.paragraphs[i + 1 :]


def _lead(body: list[Unit], n: int = 3) -> list[Unit]:
    """The first n body paragraphs that are neither page info nor photo captions."""
    out = []
    for p in body:
        # CAPTION 的第一支只在段首；第二支要有“摄”
        if (
            is_furniture(p.text)
            or CAPTION.match(p.text)
            or ("摄" in p.text and CAPTION.search(p.text))
        ):
            continue
        out.append(p)
        if len(out) == n:
            break
    return out


def _skip_after_date(text: str, pos: int) -> tuple[int, str | None]:
    """Position after a closing bracket, a weekday, a time-of-day word and a clock time."""
    pats = patterns()
    if text.startswith(("）", ")"), pos):
        pos += 1
    m = WEEKDAY.match(text, pos)
    if m:
        pos = m.end()
    tod = None
    m = pats.tod.match(text, pos)
    if m:
        tod = m.group(0)
        pos = m.end()
    m = CLOCK.match(text, pos)
    if m:
        pos = m.end()
    return pos, tod


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Start of the clause holding pos (after the last ，。；！？：), at most 60 back."""
    start = max(lo, pos - 60)
    for m in CLAUSE_END.finditer(text, start, pos):
        start = m.end()
    return start


# 时间词前是分句开头：标点、括号、空白，或电头（讯、消息、当地时间、今日（）
_OPENS_CLAUSE = re.compile(r"(?:[：，。；）)】\s]|讯|消息|当地时间|今日（|今天（)$")


def _meeting_context(text: str, start: int, pos: int, lo: int) -> bool:
    """Does the moment text[start:pos) open a clause, or precede a meeting verb in its clause?"""
    pats = patterns()
    if pos < len(text) and text[pos] in "，,":
        before = text[max(lo, start - 8) : start]
        if start == lo or _OPENS_CLAUSE.search(before):
            return True
    # 同一分句内的会议动词；日期后紧跟逗号时看下一分句（温家宝31日下午，在…主持）
    begin = pos + 1 if pos < len(text) and text[pos] in "，," else pos
    clause = CLAUSE_END.search(text, begin, min(len(text), begin + 40))
    stop = clause.start() if clause else min(len(text), begin + 40)
    verb = pats.verbs.search(text, begin, stop)
    if verb is None:
        return False
    # 逗号后的“将……出席”是预告
    return begin == pos or "将" not in text[begin : verb.start()]


def _date_context(text: str, d: DateMention, lo: int) -> tuple[bool, str | None]:
    """(is this a meeting date, the time-of-day word after it)."""
    pats = patterns()
    pos, tod = _skip_after_date(text, d.end)
    # 并列的日期：7月9日上午和10日上午
    chained = CHAINED_DATE.match(text, pos)
    if chained:
        pos, _ = _skip_after_date(text, chained.end())
    if pats.prefix_negative.search(text, max(lo, d.start - 4), d.start):
        return False, tod
    if pats.future.search(text, _clause_start(text, lo, d.start), d.start):
        return False, tod
    if pats.after_negative.match(text, pos):
        return False, tod
    if d.chinese_day and d.month is None and tod is None:
        return False, tod
    if d.month is None and text.startswith("号", d.end - 1) and tod is None:
        # 只有“N号”：需要紧接动词或地点
        if not (pats.verbs.match(text, pos) or text.startswith("在", pos)):
            return False, tod
    return _meeting_context(text, d.start, pos, lo), tod


@dataclass(frozen=True)
class _Moment:
    """When the lead says the meeting took place: a date, 今天/昨天, or 近日 (no date)."""

    kind: str  # date | today | vague
    start: int
    mention: DateMention | None
    word: str
    tod: str | None


def _first_moment(text: str, unit: Unit) -> _Moment | None:
    """The first date or relative time word of a paragraph that is in a meeting context."""
    pats = patterns()
    found: list[_Moment] = []
    end = min(unit.end, unit.start + LEAD_WINDOW)
    for d in find_dates(text, unit.start, end):
        if _inside_title(text, unit.start, d.start):
            continue
        ok, tod = _date_context(text, d, unit.start)
        if ok:
            found.append(_Moment("date", d.start, d, "", tod))
            break
    for kind, pattern in (("today", pats.today), ("vague", pats.vague)):
        for m in pattern.finditer(text, unit.start, end):
            if _inside_title(text, unit.start, m.start()) or text.startswith("（", m.end()):
                continue  # 今日（六月十二日）：以括号里的日期为准
            pos, tod = _skip_after_date(text, m.end())
            if tod or _meeting_context(text, m.start(), pos, unit.start):
                found.append(_Moment(kind, m.start(), None, m.group(0), tod))
                break
    return min(found, key=lambda x: x.start) if found else None


def _pick_moment(ctx: Context, lead: list[Unit], headline: Unit | None) -> _Moment | None:
    """The first meeting-context moment of the lead, else a date of the headline."""
    for unit in lead:
        found = _first_moment(ctx.text, unit)
        if found is not None:
            return found
    if headline is not None:
        found = _first_moment(ctx.text, headline)
        if found is not None and found.kind == "date":
            return found
    return None


def _inside_title(text: str, lo: int, pos: int) -> bool:
    """Is pos inside 《…》 (counted from lo)?"""
    prefix = text[max(lo, pos - 200) : pos]
    return prefix.rfind("《") > prefix.rfind("》")


def _publication_date(
    ctx: Context, head: int, body: list[Unit], lead: list[Unit]
) -> DateMention | None:
    """Date of a publication line (anywhere) or a `…日电` dateline in the lead.

    head: headline_index(ctx)."""
    for p in [*ctx.paragraphs[:head], *body]:
        if is_publication_line(p.text):
            for d in find_dates(ctx.text, p.start, p.end):
                if d.year is not None and d.month is not None:
                    return d
    for p in lead:
        end = min(p.end, p.start + LEAD_WINDOW)
        if ctx.text.find("电", p.start, end + 1) < 0:
            continue  # 没有“电”字，就没有“…日电”
        for d in find_dates(ctx.text, p.start, end):
            if d.month is not None and ctx.text.startswith("电", d.end):
                return d
    return None


def _session_year(units: list[Unit]) -> int | None:
    """The year of a `2025年第12次…` session named in the headline or lead."""
    for u in units:
        m = YEAR_OF_SESSION.search(u.text) if "年第" in u.text else None
        if m:
            return int(m.group(1))
    return None


def _iso(year: int | None, month: int | None, day: int) -> str:
    if month is None:
        return f"---{day:02d}"
    if year is None:
        return f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _resolve(d: DateMention, pub: DateMention | None, session_year: int | None) -> str:
    """ISO form of the meeting date, completing the year and month where sound."""
    year, month, day = d.year, d.month, d.day
    if month is None and pub is not None and pub.month is not None and pub.year is not None:
        month, year = pub.month, pub.year
        if day > pub.day:  # 发布前一个月的日期
            month, year = (12, year - 1) if month == 1 else (month - 1, year)
        try:
            datetime.date(year, month, day)
        except ValueError:  # 推算出的日期不存在（2月31日）：只报日
            return _iso(None, None, day)
        return _iso(year, month, day)
    if year is None and month is not None:
        if session_year is not None:
            year = session_year
        elif pub is not None and pub.year is not None and pub.month is not None:
            year = pub.year if (month, day) <= (pub.month, pub.day) else pub.year - 1
    return _iso(year, month, day)


def _relative(word: str, pub: DateMention | None) -> str | None:
    """今天/昨天 resolved with the publication date."""
    if pub is None or pub.year is None or pub.month is None:
        return None
    try:
        day = datetime.date(pub.year, pub.month, pub.day)
    except ValueError:
        return None
    if word.startswith("昨"):
        day -= datetime.timedelta(days=1)
    return day.isoformat()


def _location(ctx: Context, units: list[Unit], at: int | None) -> str | None:
    """`在X召开/举行…` in the sentence at position `at`, else in the first sentence of units."""
    sentences: list[Unit] = []
    for unit in units:
        if len(unit.text) <= LEAD_WINDOW:
            found = ctx.sentences(unit)  # the same split, shared with other extractors
        else:
            found = split_sentences(unit.text[:LEAD_WINDOW], unit.start)
        if at is not None and unit.start <= at < unit.end:
            sentences.extend(s for s in found if s.start <= at < s.end)
        sentences.extend(found[:1])
    for sentence in sentences:
        m = patterns().place.search(ctx.text, sentence.start, sentence.end)
        if m and not find_dates(m["place"]):
            return m["place"]
    return None


def _mask_quotes(text: str) -> str:
    """Same-length copy with the inside of 《…》 and “…” blanked (no stops inside)."""
    if "《" not in text and "“" not in text:
        return text
    return QUOTED.sub(lambda m: m.group(0)[0] + "〓" * (len(m.group(0)) - 2) + m.group(0)[-1], text)


@dataclass(frozen=True)
class _Name:
    name: str
    kind: str
    bare: bool


def _kind_of(name: str) -> str | None:
    """The longest kind word ending name (same-length words cannot both end it)."""
    words, by_tail, single = _kind_index()
    # 只试以 name 末两字结尾的类型词的长度
    for n in by_tail.get(name[-2:], ()):
        if len(name) >= n and name[-n:] in words:
            return name[-n:]
    return name[-1:] if name[-1:] in single else None


@cache
def _kind_index() -> tuple[frozenset[str], dict[str, tuple[int, ...]], frozenset[str]]:
    """The kind words; by their last two characters, the lengths of those ending so
    (longest first); and the one-character kind words."""
    words = frozenset(patterns().kind_words)
    longer = (k for k in words if len(k) >= 2)
    by_tail = word_lengths_by(longer, key=lambda k: k[-2:], longest_first=True)
    return words, by_tail, frozenset(k for k in words if len(k) == 1)


def _names_in(unit: Unit) -> Iterator[_Name]:
    """Meeting names in one paragraph, in order (found as they are asked for)."""
    pats = patterns()
    masked = _mask_quotes(unit.text[:NAME_WINDOW])
    puncts: list[int] | None = None
    for m in pats.kinds.finditer(masked):
        ks, ke = m.span()
        lo = max(0, ks - 60)
        # 只要最后一个边界：从 lo 起往后找到的边界，过了最后一个标点就与从那个标点找起的相同
        if puncts is None:
            puncts = [p.start() for p in _STOP_PUNCT_RE.finditer(masked)]
        k = bisect_left(puncts, ks) - 1
        scan_from = puncts[k] if pats.stops_resync and k >= 0 and puncts[k] >= lo else lo
        stops = list(pats.name_stop.finditer(masked, scan_from, ks))
        stop = stops[-1] if stops else None
        if stop is not None:
            start = stop.end()
            before = stop.group(0)
        elif lo == 0:
            start, before = 0, ""
        else:
            continue  # 名称过长，不可信
        after_ok = bool(pats.name_after.match(masked, ke))
        verb_before = bool(pats.name_verb.fullmatch(before))
        on_stage = before == "在" and masked.startswith("上", ke)
        if not (after_ok or verb_before or on_stage):
            continue
        name = unit.text[start:ke].strip().removeprefix("的")
        kind = _kind_of(name)
        if not name or kind is None:
            continue
        if name == kind or ORDINAL_START.match(name):
            subject = _subject(unit.text, stop)
            if subject:
                name = subject + name
        yield _Name(name, kind, name == kind)


def _subject(text: str, stop: re.Match[str] | None) -> str | None:
    """`中共中央政治局3月30日召开会议` -> 中共中央政治局 (an organisation before 召开).

    stop: the name boundary right before the meeting name."""
    if stop is None or stop.group(0) not in ("召开", "举行", "召开了", "举行了"):
        return None
    end = stop.start()
    begin = 0
    for m in CLAUSE_END.finditer(text, 0, end):
        begin = m.end()
    cut = SUBJECT_END.search(text, begin, end)
    subject = text[begin : cut.start() if cut else end].strip()
    if 2 <= len(subject) <= 20 and ORG_END.search(subject):
        return subject
    return None


def _name(ctx: Context, lead: list[Unit], headline: Unit | None) -> _Name | None:
    """The first name that is not bare among the candidates of the first two lead paragraphs
    and the headline (or the candidate right after it, when that completes it); else the first
    candidate. Candidates are found lazily: the search stops once the answer is known."""
    units = [*lead[:2], *([headline] if headline else [])]
    first: _Name | None = None
    named: _Name | None = None
    for c in (n for unit in units for n in _names_in(unit)):
        if named is not None:
            # “X会议……举行第四次全体会议”：取补全了的后一个名称
            return c if c.name.startswith(named.name) and not c.bare else named
        if first is None:
            first = c
        if not c.bare:
            named = c
    return named or first


def extract_meeting(ctx: Context) -> Meeting:
    """The meeting object (title, name, kind, date, time of day, location)."""
    try:
        return _extract(ctx)
    except (ValueError, IndexError, KeyError, TypeError):  # pragma: no cover - defensive
        title = ctx.headline.text.strip() if ctx.headline else None
        return Meeting(title=title)


def _extract(ctx: Context) -> Meeting:
    index = headline_index(ctx)
    if index is None:
        return Meeting()
    headline = ctx.paragraphs[index]
    body = ctx.paragraphs[index + 1 :]
    lead = _lead(body)
    pub = _publication_date(ctx, index, body, lead)
    session_year = _session_year([headline, *lead[:1]])

    date = tod = None
    moment = _pick_moment(ctx, lead, headline)
    if moment is not None:
        tod = moment.tod
    if moment is not None and moment.mention is not None:
        date = _resolve(moment.mention, pub, session_year)
    elif moment is not None and moment.kind == "today":
        date = _relative(moment.word, pub)
    elif pub is not None:
        date = _resolve(pub, None, None)

    named = _name(ctx, lead, headline)
    return Meeting(
        title=headline.text.strip() or None,
        name=named.name if named else None,
        kind=named.kind if named else None,
        date=date,
        time_of_day=tod,
        location=_location(ctx, [*lead[:1], headline], moment.start if moment else None),
    )
