"""extract_meeting: title, date, time of day, location, name and kind (SPEC §2, §3 Dates).

All example sentences are invented for these tests.
"""

from __future__ import annotations

import random
import time

import pytest

from meetingdoc.extract.context import Context
from meetingdoc.extract.meeting import (
    DATE_CN,
    DATE_ISO,
    DATE_TW,
    cn_number,
    extract_meeting,
    find_dates,
    headline_index,
)
from meetingdoc.mapped import MappedText


def meeting_of(text: str):
    return extract_meeting(Context(mapped=MappedText.identity(text), original=text))


# --- title ---------------------------------------------------------------

TITLES = [
    ("青山县召开防汛调度会\n6月3日上午，县长主持召开防汛调度会。", "青山县召开防汛调度会"),
    (
        "\n\n  青山县召开防汛调度会 要求压实责任  \n正文。",
        "青山县召开防汛调度会 要求压实责任",
    ),
    # 页面杂项在前：来源/发布时间行、面包屑、字体栏、日期行
    (
        "来源：青山县人民政府 发布时间：2023-02-13 10:20 浏览次数：88\n青山县召开常务会议\n正文。",
        "青山县召开常务会议",
    ),
    ("首页 > 政务动态 > 县区动态\n全县安全生产推进会召开\n正文。", "全县安全生产推进会召开"),
    ("【字体：大 中 小】\n市政府党组召开会议\n正文。", "市政府党组召开会议"),
    ("2023-05-06 09:30\n市政府召开座谈会\n正文。", "市政府召开座谈会"),
    ("当前位置：首页>新闻\n全市招商引资工作会议召开\n正文。", "全市招商引资工作会议召开"),
    ("浏览次数：1024 【大 中 小】\n【大 中 小】\n全县招商推介会召开\n正文。", "全县招商推介会召开"),
    ("打印本页 关闭窗口\n全县招商推介会召开\n正文。", "全县招商推介会召开"),
]

# 看似杂项、其实是标题的首行
NOT_FURNITURE = [
    "时间紧任务重 全县召开秋粮收购调度会",
    "来源于群众的意见 县政府召开座谈会",
    "日期临近 全市部署防汛工作",
    "大中小企业座谈会召开",
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_title(text, title):
    assert meeting_of(text).title == title


@pytest.mark.parametrize("headline", NOT_FURNITURE)
def test_title_not_skipped(headline):
    assert meeting_of(headline + "\n正文第一段。").title == headline


# --- date ----------------------------------------------------------------

DATES = [
    # 导语开头的日期
    ("全市推进会召开\n6月18日上午，全市城市更新工作推进会召开。", "--06-18"),
    # 人名后的日期 + 动词
    ("张三主持召开会议\n县委书记张三7月13日下午主持召开县委常委会会议。", "--07-13"),
    # 只有日
    ("李四出席座谈会\n省委副书记李四27日出席全省民营经济座谈会。", "---27"),
    ("国务院召开电视电话会议\n29日，国务院召开全国春耕生产电视电话会议。", "---29"),
    ("会议举行\n全省人大代表座谈会12号在省会召开。", "---12"),
    # 区间取第一天
    ("全会举行\n中共某省委第五次全体会议5日至6日在省城举行。", "---05"),
    ("全会举行\n某市委全会5—6日在市委礼堂举行。", "---05"),
    ("会议举行\n全省经济工作会议12月28日至30日在省城召开。", "--12-28"),
    # 带年份
    ("全会举行\n某县委全体会议于2014年12月19日在县城举行。", "2014-12-19"),
    # 中文数字
    ("常务会议召开\n二〇二三年十二月十九日上午，市长主持召开市政府常务会议。", "2023-12-19"),
    ("督导会议\n行政长官今日（六月十二日）上午主持防灾督导会议。", "--06-12"),
    # 发布时间给出年份
    (
        "县务会议召开\n发布时间：2023-02-13 10:20\n2月10日下午，县长主持召开县务会议。",
        "2023-02-10",
    ),
    # 只有日 + 发布日期：补上月份
    ("县务会议召开\n发布时间：2023-02-13\n10日下午，县长主持召开县务会议。", "2023-02-10"),
    # 日大于发布日：上个月
    ("县务会议召开\n发布时间：2023-03-02\n28日下午，县长主持召开县务会议。", "2023-02-28"),
    # 跨年：12月的会议、1月发布
    ("总结会召开\n12月28日上午，全县年度工作总结会召开。\n2024年1月3日", "2023-12-28"),
    # 会议名称中的年份
    ("党组会召开\n1月6日上午，县政府党组召开2025年第2次党组会议。", "2025-01-06"),
    # 文末日期行
    ("防汛会议\n今日上午，局长主持召开防汛会议。\n2024年6月12日（星期三）", "2024-06-12"),
    ("防汛会议\n昨天下午，局长主持召开防汛会议。\n发布日期：2024年6月12日", "2024-06-11"),
    # 近日：以发布日期代替
    (
        "调度会召开\n近日，全市防汛调度会在应急指挥中心召开。\n来源：应急局 时间：2023年7月5日",
        "2023-07-05",
    ),
    # 电头日期
    ("座谈会召开\n本报某地6月3日电 全省民营企业座谈会近日召开。", "--06-03"),
    # 标题里的未来日期不算，正文的日期才算
    (
        "主席会议决定11月22日至24日召开常委会会议\n政协某省委员会主席会议27日在省城召开。",
        "---27",
    ),
    # 导语第一个日期是截止日期，后面的才是会议日期
    ("会议召开\n截至5月31日，全县已完成任务七成。6月3日上午，县政府召开调度会。", "--06-03"),
    # 并列日期取第一个
    ("座谈会\n7月9日上午和10日上午，市长先后主持召开两次企业座谈会。", "--07-09"),
    # 台湾新闻稿：今（15）日、昨（14）日，括号里是日；有发布日期时补全年月
    ("县务会议\n县政府今（15）日上午召开第12次县务会议。", "---15"),
    ("院会\n行政院长昨(14)日主持院会。\n发布时间：2024-05-15", "2024-05-14"),
]

NO_DATE = [
    "县政府召开常务会议\n县长主持召开常务会议，研究部署春耕工作。",
    # 只有期限
    "调度会召开\n会议要求，各乡镇要在6月30日前完成排查任务。",
    # 只有起点、以来
    "座谈会召开\n自3月1日起，全县开展专项整治。今年1月1日以来，全县新增企业200家。",
    # 将来的会议
    "主任会议\n会议决定，县人大常委会第十次会议将于8月20日召开。",
    # 只有“近日”，没有发布日期
    "座谈会召开\n近日，县委召开民营企业座谈会。",
    # 3号会议室不是日期
    "调度会\n县政府在3号会议室召开防汛调度会。",
    # 书名号里的日期
    "会议召开\n会议学习了《关于6月1日施行新规的通知》。",
    # 括号里的数字不跟“今/昨”：不是日期
    "会议召开\n全县共有（15）日以上未处理的件数。",
    "",
    "只有一行",
]


@pytest.mark.parametrize(("text", "date"), DATES)
def test_date(text, date):
    assert meeting_of(text).date == date


@pytest.mark.parametrize("text", NO_DATE)
def test_no_date(text):
    assert meeting_of(text).date is None


TIMES = [
    ("会议\n6月18日上午，全市推进会召开。", "上午"),
    ("会议\n27日晚，县委召开紧急会议。", "晚"),
    ("会议\n3月5日晚上，县委召开专题会议。", "晚上"),
    ("会议\n县长张三7月13日下午主持召开常务会议。", "下午"),
    ("会议\n3月14日（星期四）上午9时30分，县政府召开常务会议。", "上午"),
    ("会议\n县长张三7月13日主持召开常务会议，下午继续开会。", None),
    ("会议\n县长主持召开常务会议。", None),
]


@pytest.mark.parametrize(("text", "tod"), TIMES)
def test_time_of_day(text, tod):
    assert meeting_of(text).time_of_day == tod


LOCATIONS = [
    ("会议\n3月12日上午，县政府在县政府常务会议室召开常务会议。", "县政府常务会议室"),
    ("座谈会\n某省人大常委会26日上午在北京召开立法座谈会。", "北京"),
    ("全会\n某委员会第二次全体会议11月24日在京召开。", "京"),
    ("推进会\n7月9日上午，全市攻坚推进会在市行政中心召开。", "市行政中心"),
    ("会议\n3月12日上午，县长主持召开常务会议。", None),
    # 在……上 不是地点
    ("会议\n县长在全县安全生产会议上强调，要压实责任。", None),
]


@pytest.mark.parametrize(("text", "place"), LOCATIONS)
def test_location(text, place):
    assert meeting_of(text).location == place


NAMES = [
    (
        "推进会召开\n6月18日上午，全市深入推进城市更新暨文明城市创建工作推进会召开。",
        "全市深入推进城市更新暨文明城市创建工作推进会",
        "推进会",
    ),
    (
        "书记主持会议\n书记7月13日下午主持召开省委财经委员会第二次会议并讲话。",
        "省委财经委员会第二次会议",
        "会议",
    ),
    (
        "县长主持会议\n3月2日，县长主持召开县人民政府第18次常务会议。",
        "县人民政府第18次常务会议",
        "常务会议",
    ),
    # 名称只有“第N次……”，前面补上主语机构
    (
        "常务会议\n3月12日上午，澄江县人民政府在县政府会议室召开第二十次常务会议。",
        "澄江县人民政府第二十次常务会议",
        "常务会议",
    ),
    # 光秃秃的“会议”：补上主语机构
    ("政治局会议\n某省委常委会3月30日召开会议，研究部署工作。", "某省委常委会会议", "会议"),
    # 出席X
    ("出席座谈会\n省长10日出席全省企业家座谈会并讲话。", "全省企业家座谈会", "座谈会"),
    # 在X上强调
    ("书记强调\n书记在全市民营企业座谈会上强调，要优化营商环境。", "全市民营企业座谈会", "座谈会"),
    # 引述的会议精神不是本次会议
    ("常务会议\n会议传达学习了全省经济工作会议精神。", None, None),
    ("没有会议\n今天天气晴朗。", None, None),
]


@pytest.mark.parametrize(("text", "name", "kind"), NAMES)
def test_name_and_kind(text, name, kind):
    meeting = meeting_of(text)
    assert (meeting.name, meeting.kind) == (name, kind)


def test_traditional_report_through_pipeline(pipeline):
    text = "鷺汀市召開城市品質提升推進會\n7月9日上午,鷺汀市城市品質提升攻堅推進會在市行政中心召開。"
    meeting = pipeline.analyze(text).meeting
    assert meeting.title == "鹭汀市召开城市品质提升推进会"
    assert meeting.date == "--07-09"
    assert meeting.time_of_day == "上午"
    assert meeting.name == "鹭汀市城市品质提升攻坚推进会"
    assert meeting.kind == "推进会"
    assert meeting.location == "市行政中心"


# --- helpers ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("18", 18),
        ("十", 10),
        ("十二", 12),
        ("二十七", 27),
        ("三十一", 31),
        ("廿一", 21),
        ("二〇二三", 2023),
        ("二零一四", 2014),
        ("七", 7),
    ],
)
def test_cn_number(text, value):
    assert cn_number(text) == value


def test_find_dates_forms():
    found = find_dates("2023年12月19日、3月5日至6日、27日、2024-06-12、十二月十九日")
    assert [(d.year, d.month, d.day) for d in found] == [
        (2023, 12, 19),
        (None, 3, 5),
        (None, None, 27),
        (2024, 6, 12),
        (None, 12, 19),
    ]


@pytest.mark.parametrize("text", ["第3日", "123日", "3号楼", "1号文件", "十二月份"])
def test_find_dates_rejects(text):
    assert find_dates(text) == []


def _dates_by_full_scan(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the dates find_dates keeps, found by running the date patterns over the
    whole range (what find_dates did before it searched only near 日/号 and separators)."""
    found = []
    for pattern in (DATE_CN, DATE_ISO, DATE_TW):
        for m in pattern.finditer(text, start, end):
            day = cn_number(m["day"])
            month = cn_number(m["month"]) if m["month"] else None
            if day is None or not 1 <= day <= 31 or (month is not None and not 1 <= month <= 12):
                continue
            found.append(m.span())
    found.sort(key=lambda span: span[0])
    out: list[tuple[int, int]] = []
    for span in found:
        if not out or span[0] >= out[-1][1]:
            out.append(span)
    return out


def test_find_dates_near_anchors_same_as_full_scan():
    # 只在“日/号”和分隔符附近找，结果须与整段扫描相同（随机拼出的日期样文字，含子区间）
    rng = random.Random(20240612)
    pieces = [
        *"0123456789〇零一二三四五六七八九十廿卅百千第年月日号至到—–~～-/.（）()今昨上午楼文，。在召开",
        "2023年",
        "十二月",
        "二〇二三年",
        "112年",
        "5—6日",
        "至7月2日",
        "（星期三）",
        "省委常委会召开会议研究部署工作" * 3,
    ]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        for lo, hi in ((0, len(text)), (start, end)):
            got = [(d.start, d.end) for d in find_dates(text, lo, hi)]
            assert got == _dates_by_full_scan(text, lo, hi), (text, lo, hi)


def test_headline_index_skips_furniture():
    text = "来源：某县融媒体中心\n发布时间：2023-02-13\n某县召开会议\n正文。"
    ctx = Context(mapped=MappedText.identity(text), original=text)
    assert headline_index(ctx) == 2


# --- robustness ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "会议" * 100_000,
        "12日" * 60_000,
        "在会议室召开" * 30_000,
        "今天" * 100_000,
        "二十日上午" * 30_000,
        "《" * 200_000,
        "，" * 200_000,
    ],
)
def test_long_paragraph_is_fast(body):
    text = "标题\n" + body
    start = time.perf_counter()
    meeting_of(text)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("text", ["", "\n\n", "》》《《", "?\ufffd\x00", "2023-13-45", "99月99日"])
def test_never_raises(text):
    meeting_of(text)


def test_deterministic():
    text = "会议\n发布时间：2023-02-13\n10日下午，县长在县政府会议室主持召开第5次常务会议。"
    assert meeting_of(text) == meeting_of(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("院会\n行政院今天上午召开院会。\n发布日期：112-03-09", "2023-03-09"),
        ("院会\n中华民国112年3月9日上午，行政院召开院会。", "2023-03-09"),
    ],
)
def test_taiwan_years(text, date):
    assert meeting_of(text).date == date
