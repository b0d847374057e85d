"""Principles (SPEC §3): 以X为Y, 坚持X, 按照X的要求, 秉持/树牢 X, X理念, 把X作为基本方略."""

from __future__ import annotations

import time

import pytest
from conftest import letters

from meetingdoc.extract.context import Context
from meetingdoc.extract.principles import extract_principles
from meetingdoc.mapped import MappedText

HEAD = "某县召开县政府常务会议\n"


def principles(text: str):
    ctx = Context(mapped=MappedText.identity(text), original=text)
    return extract_principles(ctx)


def pairs(text: str) -> list[tuple[str, str]]:
    return [(p.value, p.kind) for p in principles(text)]


POSITIVE = [
    # 以X为Y
    ("会议要求，要以乡村全面振兴为主题，扎实做好春耕。", [("乡村全面振兴", "主题")]),
    ("各部门要以“便民、高效、透明”为方针，优化服务。", [("便民、高效、透明", "方针")]),
    ("要以改善民生为根本目的，办好实事。", [("改善民生", "根本目的")]),
    ("全县上下以群众满意为导向，推进整改。", [("群众满意", "导向")]),
    ("要以为民服务为宗旨，改进作风。", [("为民服务", "宗旨")]),
    # 坚持X（到分句末）
    ("要坚持规划先行，稳步推进旧城改造。", [("规划先行", "坚持")]),
    ("必须坚持“一张图管到底”，不得随意变更。", [("一张图管到底", "坚持")]),
    ("要坚持“先急后缓、分步实施”的原则，抓好项目。", [("先急后缓、分步实施", "原则")]),
    ("要坚持“早发现、早处置”的工作理念。", [("早发现、早处置", "工作理念")]),
    ("坚持依法行政、科学决策方针，提高效能。", [("依法行政、科学决策", "方针")]),
    # 坚持以X为引领：一条，不另出 以X为Y
    ("要坚持以党建为引领，带动基层治理。", [("以党建为引领", "坚持")]),
    # 坚持以A促B，以B带A：成对的一条
    ("要坚持以产业促就业，以就业带增收，稳住基本盘。", [("以产业促就业，以就业带增收", "坚持")]),
    # 坚持把X作为Y
    ("要坚持把安全生产作为头等大事。", [("把安全生产作为头等大事", "坚持")]),
    # 按照/沿着/本着 X 的要求/原则/思路
    ("按照“一村一策、分类推进”的要求，抓好整治。", [("一村一策、分类推进", "要求")]),
    ("要按照统一规划、分期建设的原则，推进园区建设。", [("统一规划、分期建设", "原则")]),
    ("要沿着城乡融合的思路，推进县域发展。", [("城乡融合", "思路")]),
    ("要按照目标导向、结果导向，细化任务。", [("目标导向、结果导向", "导向")]),
    # 秉持/树牢/牢固树立
    ("各部门要牢固树立“一盘棋”意识，形成合力。", [("一盘棋意识", "牢固树立")]),
    ("要秉持“服务至上、群众第一”的原则，做好接待。", [("服务至上、群众第一", "原则")]),
    # X理念
    ("要完整、准确、全面贯彻新发展理念，推动转型。", [("新发展理念", "理念")]),
    # 把X作为基本方略
    ("要把依法治县作为基本方略，提升治理水平。", [("依法治县", "基本方略")]),
    # 叙述句中的原则同样收录
    ("今年以来，全县以“净化、绿化、亮化”为方针，完成改造十处。", [("净化、绿化、亮化", "方针")]),
    # 繁体输入已转为简体，标点全角
    ("会议强调，要坚持稳中求进，抓好落实。", [("稳中求进", "坚持")]),
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_positive(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(HEAD + sentence) == expected


NEGATIVE = [
    # 手段词：抓手、载体、重点、契机、牵引
    ("要以项目建设为抓手，拉动投资。", "项目建设"),
    ("要以机构改革为契机，转变职能。", "机构改革"),
    ("要以完善制度为重点，补齐短板。", "完善制度"),
    ("要以重大项目为牵引，带动产业升级。", "重大项目"),
    # 以X为核心的 等称谓
    ("在以王某同志为核心的县委领导下，工作取得新进展。", "王某同志"),
    # 以此为指导：代词
    ("各部门要以此为指导，抓好落实。", "此"),
    # 以A带B：不是 以X为Y
    ("要以产业升级带动就业增长。", "产业升级带动就业增长"),
    # 坚持不懈、坚持下去、一贯坚持的
    ("要坚持不懈抓好安全生产。", "抓好安全生产"),
    ("这项工作要一直坚持下去。", "下去"),
    ("这是我们一贯坚持的工作方法。", "工作方法"),
    # 按照上级部署/规定：服从安排，不是方针
    ("要按照县委的要求，做好疫情防控。", "县委"),
    ("要按照上级部署要求，抓好落实。", "上级部署"),
    ("会议要求，各部门要按照法律规定办理。", "法律规定"),
    # 树立（非牢固树立）…理念、X原则不带动词
    ("要引导群众树立绿色消费理念。", "绿色消费理念"),
    ("对违反民主集中制原则的行为要严肃处理。", "民主集中制"),
    # 把X作为一般定位（不是基本方略/根本遵循）
    ("要把招商引资作为“一号工程”来抓。", "招商引资"),
    # 遵循 作名词
    ("这为做好工作提供了重要遵循。", "重要遵循"),
]


@pytest.mark.parametrize(("sentence", "absent"), NEGATIVE)
def test_negative(sentence: str, absent: str) -> None:
    values = [letters(v) for v, _ in pairs(HEAD + sentence)]
    assert letters(absent) not in values
    assert values == []


def test_headline_not_mined() -> None:
    text = "县政府召开常务会议 坚持项目为王 以改革为引领\n会议研究了有关事项。"
    assert principles(text) == ()


def test_duplicate_value_reported_once() -> None:
    text = HEAD + "要坚持问题导向，查找短板。各乡镇也要坚持问题导向，逐项整改。"
    assert pairs(text) == [("问题导向", "坚持")]


def test_items_split_quoted_list() -> None:
    (p,) = principles(HEAD + "要以“稳产、增收、惠民”为主线，推进工作。")
    assert p.items == ("稳产", "增收", "惠民")
    assert p.text == "以“稳产、增收、惠民”为主线"
    (q,) = principles(HEAD + "要坚持规划先行，推进工作。")
    assert q.items == ("规划先行",)


def test_spans_ground_items() -> None:
    text = HEAD + "".join(s for s, _ in POSITIVE)
    found = principles(text)
    assert len(found) >= len(POSITIVE) - 2
    for p in found:
        start, end = p.span
        assert letters(p.value) in letters(text[start:end])
        assert text[start:end] == p.text


def test_traditional_input_spans(pipeline) -> None:
    text = "某縣召開推進會\n會議強調，要堅持「生態優先、綠色發展」，以人民滿意為導向，推進建設。"
    report = pipeline.analyze(text)
    assert [(p.value, p.kind) for p in report.principles] == [
        ("生态优先、绿色发展", "坚持"),
        ("人民满意", "导向"),
    ]
    for p in report.principles:
        start, end = p.span
        passage = pipeline.converter.convert_string(text[start:end])
        assert letters(p.value) in letters(passage)


@pytest.mark.parametrize(
    "text",
    ["", "一行", "\n\n", "标题\n坚持", "标题\n以为", "标题\n按照“", "标题\n坚持“未闭合，以"],
)
def test_never_raises(text: str) -> None:
    assert isinstance(principles(text), tuple)


def test_long_paragraph_is_fast() -> None:
    text = "标题\n" + "坚持以人民为中心按照“安全的要求牢固树立把" * 8000
    start = time.perf_counter()
    principles(text)
    assert time.perf_counter() - start < 1.0


def test_deterministic() -> None:
    text = HEAD + "".join(s for s, _ in POSITIVE)
    assert principles(text) == principles(text)
