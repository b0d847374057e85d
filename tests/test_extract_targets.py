"""Targets (SPEC §3): honours, named places to build, outcomes to secure, quantified goals."""

from __future__ import annotations

import time

import pytest
from conftest import letters

from meetingdoc.extract.context import Context
from meetingdoc.extract.targets import extract_targets
from meetingdoc.mapped import MappedText

HEAD = "某市召开城市建设推进会\n"


def targets(text: str):
    ctx = Context(mapped=MappedText.identity(text), original=text)
    return extract_targets(ctx)


def pairs(text: str) -> list[tuple[str, str]]:
    return [(t.name, t.kind) for t in targets(text)]


POSITIVE = [
    # 荣誉：创建/争创 “X”，每个引文一项
    ("要全力创建“国家卫生城市”，补齐短板。", [("国家卫生城市", "创建")]),
    (
        "要以争创“全国双拥模范城”“省级园林城市”为抓手，提升品质。",
        [("全国双拥模范城", "争创"), ("省级园林城市", "争创")],
    ),
    ("要巩固“国家卫生县城”创建成果。", [("国家卫生县城", "巩固")]),
    # 建设/打造 + 处所、地位名称
    ("要加快打造区域物流枢纽，拓展腹地。", [("区域物流枢纽", "打造")]),
    (
        "着力建设创新城市、开放城市和智慧城市。",
        [("创新城市", "建设"), ("开放城市", "建设"), ("智慧城市", "建设")],
    ),
    ("要建设山清水秀的美丽乡村，改善人居环境。", [("美丽乡村", "建设")]),
    ("努力把开发区打造成为全省先进制造业基地。", [("全省先进制造业基地", "打造")]),
    ("在加快建设滨海名城中展现新作为。", [("滨海名城", "建设")]),
    # 不带引号的先进县、示范村（数量词不算名称）
    (
        "要争创全省平安建设先进县，打造一批乡村振兴示范村。",
        [("全省平安建设先进县", "争创"), ("乡村振兴示范村", "打造")],
    ),
    # 结果：确保/力争 X 到分句末
    ("要倒排工期，确保年底前项目全部竣工。", [("年底前项目全部竣工", "确保")]),
    ("力争6月底前完成主体工程。", [("6月底前完成主体工程", "力争")]),
    # 确保A、确保B；并列的短分句各算一项
    (
        "确保校园安全稳定、确保师生健康。",
        [("校园安全稳定", "确保"), ("师生健康", "确保")],
    ),
    ("确保物资供应充足、交通运输畅通。", [("物资供应充足", "确保"), ("交通运输畅通", "确保")]),
    # 主语是名词并列时不拆
    ("确保人员、资金、设备等及时到位。", [("人员、资金、设备等及时到位", "确保")]),
    # 量化指标
    ("要推动全市空气优良天数比例达到85%以上。", [("全市空气优良天数比例达到85%以上", "指标")]),
    ("今年力争完成固定资产投资150亿元。", [("完成固定资产投资150亿元", "力争")]),
    (
        "全年目标是新增城镇就业1.2万人，城镇登记失业率控制在4%以内。",
        [("城镇登记失业率控制在4%以内", "指标")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE)
def test_positive(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert pairs(HEAD + sentence) == expected


NEGATIVE = [
    # 描述不是名称
    ("要打造整洁有序的优美环境。", "优美环境"),
    ("要加快建设现代物流体系。", "现代物流体系"),
    # 项目、活动、工程不是目标
    ("要扎实推进“城市更新行动”，实施畅通工程。", "城市更新行动"),
    ("要创建“文明交通示范工程”。", "文明交通示范工程"),
    # 建设 作名词
    ("要推进海绵城市建设，完善排水设施。", "海绵城市"),
    ("城市建设是全市的中心工作。", "中心"),
    # 巩固 + 非荣誉的口号
    ("要巩固“两不愁三保障”成果。", "两不愁三保障"),
    # 保证/确保 作名词或在条件框架里
    ("为全年工作提供有力保证、坚强支撑。", "坚强支撑"),
    ("在确保安全的前提下加快进度。", "安全的前提下加快进度"),
    ("努力争取更多政策支持。", "取更多政策支持"),
    ("要明确保护范围。", "护范围"),
    ("这一做法确保了工程质量。", "工程质量"),
    # 已完成的数字是叙述
    ("上半年全市已完成投资80亿元。", "完成投资80亿元"),
    ("一季度地区生产总值增长6.5%，保持在目标区间。", "增长6.5%"),
    # 引号里的 确保 不算
    ("要落实“确保安全、确保畅通”的要求。", "安全"),
]


@pytest.mark.parametrize(("sentence", "absent"), NEGATIVE)
def test_negative(sentence: str, absent: str) -> None:
    names = [letters(n) for n, _ in pairs(HEAD + sentence)]
    assert letters(absent) not in names
    assert names == []


def test_headline_not_mined() -> None:
    text = "某市召开推进会 加快打造魅力江城\n会议部署了有关工作。"
    assert targets(text) == ()


def test_repeated_name_reported_once_at_first_mention() -> None:
    text = HEAD + "要创建“全国文明城市”。各区要积极参与，合力创建“全国文明城市”。"
    (t,) = targets(text)
    assert t.name == "全国文明城市"
    assert t.span[0] < text.index("。")


def test_text_is_the_clause() -> None:
    (t,) = targets(HEAD + "要以创建“国家森林城市”为抓手，推进绿化。")
    assert t.text == "要以创建“国家森林城市”为抓手"
    assert t.kind == "创建"


def test_spans_ground_items() -> None:
    text = HEAD + "".join(s for s, _ in POSITIVE)
    found = targets(text)
    assert len(found) >= len(POSITIVE)
    for t in found:
        start, end = t.span
        assert letters(t.name) in letters(text[start:end])
        assert text[start:end] == t.text


def test_traditional_input_spans(pipeline) -> None:
    text = "某市召開推進會\n會議要求，要加快建設區域性物流樞紐，確保年底前項目全部投產。"
    report = pipeline.analyze(text)
    assert [(t.name, t.kind) for t in report.targets] == [
        ("区域性物流枢纽", "建设"),
        ("年底前项目全部投产", "确保"),
    ]
    for t in report.targets:
        start, end = t.span
        passage = pipeline.converter.convert_string(text[start:end])
        assert letters(t.name) in letters(passage)


@pytest.mark.parametrize(
    "text",
    ["", "一行", "\n\n", "标题\n确保", "标题\n创建“", "标题\n建设城市、", "标题\n达到5%"],
)
def test_never_raises(text: str) -> None:
    assert isinstance(targets(text), tuple)


@pytest.mark.parametrize(
    "unit", ["确保建设魅力港城达到95%以上创建“国家", "建设城市、", "要增长5%、", "确保A、"]
)
def test_long_paragraph_is_fast(unit: str) -> None:
    text = "标题\n" + unit * (200_000 // len(unit))
    start = time.perf_counter()
    targets(text)
    assert time.perf_counter() - start < 1.0


def test_deterministic() -> None:
    text = HEAD + "".join(s for s, _ in POSITIVE)
    assert targets(text) == targets(text)
