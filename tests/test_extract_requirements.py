"""Requirements (SPEC §3): one table of positive and negative cases per named rule.

All example sentences are invented for these tests (fictional counties and people).
"""

from __future__ import annotations

import time

import pytest
from conftest import letters

from meetingdoc.clean import clean
from meetingdoc.extract.context import Context
from meetingdoc.extract.requirements import (
    extract_requirements,
    find_frame,
    has_directive,
    is_imperative,
    is_judging,
    is_narrative,
)
from meetingdoc.mapped import MappedText

HEAD = "某县召开县政府常务会议\n"


def _reqs(pipeline, body: str):
    return pipeline.analyze(HEAD + body).requirements


def _texts(pipeline, body: str) -> list[str]:
    return [r.text for r in _reqs(pipeline, body)]


# ---------------------------------------------------------------- R_MODAL
MODAL_POSITIVE = [
    ("会议要求，各乡镇要加快推进秸秆综合利用。", ["各乡镇要加快推进秸秆综合利用。"]),
    ("县长李明强调，必须守住不发生规模性返贫底线。", ["必须守住不发生规模性返贫底线。"]),
    ("各部门务必在月底前完成台账整理。", ["各部门务必在月底前完成台账整理。"]),
    ("各部门须加紧完成斜坡巡查。", ["各部门须加紧完成斜坡巡查。"]),
    ("严禁在水源保护区内新建排污口。", ["严禁在水源保护区内新建排污口。"]),
    ("各单位应当建立值班台账。", ["各单位应当建立值班台账。"]),
    (
        "全面推进依法行政，需要加强对执法人员的培训。",
        ["全面推进依法行政，需要加强对执法人员的培训。"],
    ),
    ("希望广大企业家坚定信心，加大研发投入。", ["希望广大企业家坚定信心，加大研发投入。"]),
    ("他鼓励青年干部到基层一线锻炼成长。", ["他鼓励青年干部到基层一线锻炼成长。"]),
    ("各乡镇要紧盯目标任务，不断提升服务水平。", ["各乡镇要紧盯目标任务，不断提升服务水平。"]),
]

MODAL_NEGATIVE = [
    "会议指出，粮食安全是头等大事，也是重要的民生工程。",
    "会议传达学习了全省工作会议精神和主要领导讲话要求。",
    "会议认为，近年来全县坚持党要管党方针，党风政风持续好转。",
    "全县应急管理体系日趋完善，供应保障能力稳步提升。",
    "全面推进依法治县，需要积极稳妥的体制改革。",
    "群众对改善居住条件充满期望。",
    "会议学习了《公务员应知应会手册》。",
    "防汛工作容不得半点松懈。",
]


@pytest.mark.parametrize(("body", "expected"), MODAL_POSITIVE)
def test_modal_positive(pipeline, body, expected):
    assert _texts(pipeline, body) == expected


@pytest.mark.parametrize("body", MODAL_NEGATIVE)
def test_modal_negative(pipeline, body):
    assert _texts(pipeline, body) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("各单位要压实责任", True),
        ("必须守住底线", True),
        ("希望大家再接再厉", True),
        ("这是一项重要任务", False),
        ("主要负责人出席", False),
        ("适应新形势的需要", False),
        ("党要管党", False),
        ("会议要求", False),
    ],
)
def test_has_directive(text, expected):
    assert has_directive(text) is expected


# ---------------------------------------------------------------- R_FRAME
FRAME_POSITIVE = [
    ("会议要求，更加注重品质，全面提升城市功能。", ["更加注重品质，全面提升城市功能。"]),
    (
        "会议决定，成立县防汛抗旱指挥部，由副县长张伟任指挥长。",
        ["成立县防汛抗旱指挥部，由副县长张伟任指挥长。"],
    ),
    ("会议要求完善农村供水设施，提高自来水普及率。", ["完善农村供水设施，提高自来水普及率。"]),
    ("王芳委员发言建议，加快建设区域医疗中心。", ["加快建设区域医疗中心。"]),
    ("梁振华要求各区于月底前完成排水管网清淤。", ["梁振华要求各区于月底前完成排水管网清淤。"]),
    ("会议强调，压实属地责任，确保各项措施落到实处。", ["压实属地责任，确保各项措施落到实处。"]),
]

FRAME_NEGATIVE = [
    "会议强调，安全生产是发展的底线。",
    "会议指出，2024年是攻坚之年。",
    "会议强调，全县经济运行总体平稳，多数指标好于预期。",
    "会议强调，加强生态保护取得了明显成效。",
    "根据市委建议的议程，会议审议了三个文件。",
]


@pytest.mark.parametrize(("body", "expected"), FRAME_POSITIVE)
def test_frame_positive(pipeline, body, expected):
    assert _texts(pipeline, body) == expected


@pytest.mark.parametrize("body", FRAME_NEGATIVE)
def test_frame_negative(pipeline, body):
    assert _texts(pipeline, body) == []


# ---------------------------------------------------------------- R_DECISION
def test_decision_positive(pipeline):
    body = "会议审议通过了县城总体规划修编方案，决定提请县人大常委会审议。"
    assert _texts(pipeline, body) == [body]


@pytest.mark.parametrize(
    "body",
    [
        "会议审议通过了关于调整机构设置的决定。",
        "会议认为，这一决定性成果来之不易。",
    ],
)
def test_decision_negative(pipeline, body):
    assert _texts(pipeline, body) == []


# ---------------------------------------------------------------- R_NUMBERED
NUMBERED_POSITIVE = [
    (
        "会议要求，要抓好三项工作。一是加强组织领导。二是强化督查考核。",
        ["要抓好三项工作。", "一是加强组织领导。", "二是强化督查考核。"],
    ),
    (
        "（一）构建现代农业体系。在全县推广稻渔综合种养。",
        ["（一）构建现代农业体系。", "在全县推广稻渔综合种养。"],
    ),
    (
        "县委书记对下步工作提出三点要求：一是提高站位，强化责任担当；二是狠抓落实。",
        ["县委书记对下步工作提出三点要求：一是提高站位，强化责任担当；", "二是狠抓落实。"],
    ),
    ("会议要求：\n一是加强组织领导，明确责任分工。\n二是强化督导检查。", None),
]

NUMBERED_NEGATIVE = [
    "今年以来，全县经济呈现三个特点：一是工业生产稳中有升；二是消费市场持续回暖。",
    "会议听取了两项汇报。一是全县财政收支情况。",
]


@pytest.mark.parametrize(("body", "expected"), NUMBERED_POSITIVE)
def test_numbered_positive(pipeline, body, expected):
    got = _texts(pipeline, body)
    if expected is None:
        expected = ["一是加强组织领导，明确责任分工。", "二是强化督导检查。"]
    assert got == expected


@pytest.mark.parametrize("body", NUMBERED_NEGATIVE)
def test_numbered_negative(pipeline, body):
    assert _texts(pipeline, body) == []


def test_series_continues_only_with_imperatives(pipeline):
    body = "会议要求，一要加强预算管理。细化预算编制。县财政局将在年底前报告执行情况。"
    assert _texts(pipeline, body) == ["一要加强预算管理。", "细化预算编制。"]


# ---------------------------------------------------------------- R_SEMICOLON
def test_semicolon_positive(pipeline):
    body = "要加强源头管控，对重点企业实行驻场监管；对一般企业开展随机抽查。"
    assert _texts(pipeline, body) == [
        "要加强源头管控，对重点企业实行驻场监管；",
        "对一般企业开展随机抽查。",
    ]


def test_semicolon_negative(pipeline):
    body = "要加强源头管控；全县空气质量持续改善。"
    assert _texts(pipeline, body) == ["要加强源头管控；"]


# ---------------------------------------------------------------- R_IMPERATIVE
def test_imperative_positive(pipeline):
    body = "张县长说，项目建设是发展的生命线。加强要素保障，加快项目落地。"
    assert _texts(pipeline, body) == ["加强要素保障，加快项目落地。"]


@pytest.mark.parametrize(
    "body",
    [
        "张县长说，项目建设是发展的生命线。加强要素保障是当务之急。",
        "会议听取了各乡镇汇报。加强统筹调度。",
        "张县长说，优化营商环境没有最好、只有更好。",
        "他说，推进全域旅游，对县域经济转型具有重要意义。",
    ],
)
def test_imperative_negative(pipeline, body):
    assert _texts(pipeline, body) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("加强监管", True),
        ("切实提高站位", True),
        ("对重点企业监管", False),
        ("政府加强监管", False),
    ],
)
def test_is_imperative(text, expected):
    assert is_imperative(text) is expected


# ---------------------------------------------------------------- vetoes
@pytest.mark.parametrize(
    ("text", "judging", "narrative"),
    [
        ("坚持绿色发展，是县域发展的根本出路。", True, False),
        ("抓好安全生产，关键在于压实责任。", True, False),
        ("实事求是推进各项工作。", False, False),
        ("全县完成了年度目标。", False, True),
        ("为了群众利益，要加快施工。", False, False),
        ("近年来，全县加大投入。", False, True),
    ],
)
def test_vetoes(text, judging, narrative):
    assert is_judging(text) is judging
    assert is_narrative(text) is narrative


@pytest.mark.parametrize(
    "body",
    ["县政府将继续加大投入，改善群众出行条件。", "中方愿同各方加强合作。", "李明主持会议。"],
)
def test_promises_and_reports_are_not_requirements(pipeline, body):
    assert _texts(pipeline, body) == []


def test_headline_is_not_mined(pipeline):
    report = pipeline.analyze("会议要求各地要抓好春耕生产\n会议听取了汇报。")
    assert report.requirements == ()


# ---------------------------------------------------------------- frames and text
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("会中，王县长表示，各乡镇要压实责任。", "各乡镇要压实责任。"),
        ("县长刘洋在主持会议时强调，要抓好春耕生产。", "要抓好春耕生产。"),
        ("在听取各单位汇报后，会议指出，各单位要加强协作。", None),
        ("县长刘洋到项目工地调研，强调要加快施工进度。", "要加快施工进度。"),
        ("可以说，各单位要加强协作。", "可以说，各单位要加强协作。"),
        ("会议要求，一是加强组织领导；", "一是加强组织领导；"),
        ("会议决定的事项要抓紧落实。", None),
    ],
)
def test_frame_cut(pipeline, body, expected):
    got = _texts(pipeline, body)
    assert got == [expected if expected is not None else body]


@pytest.mark.parametrize(
    ("sentence", "verb", "end"),
    [
        ("会议要求，加强领导。", "要求", 5),
        ("他强调要抓好落实。", "强调", 3),
        ("会中，王县长表示，要加强协作。", "表示", 9),
    ],
)
def test_find_frame(sentence, verb, end):
    frame = find_frame(sentence)
    assert frame is not None and frame.verb == verb and frame.end == end


@pytest.mark.parametrize("sentence", ["目标明确，措施有力。", "各部门要按照会议要求，抓好落实。"])
def test_find_frame_negative(sentence):
    frame = find_frame(sentence)
    assert frame is None or frame.end == 0


# ---------------------------------------------------------------- issuer, subject, section
def test_issuer_subject_section(pipeline):
    body = (
        "县委副书记、县长刘洋主持会议并讲话。他强调，各级各部门要抓好春耕生产。\n"
        "会议要求，更加注重品质，提升城市功能。要加快老旧小区改造。\n"
        "二、强化组织保障\n"
        "要建立联席会议制度。"
    )
    reqs = _reqs(pipeline, body)
    assert [r.issuer for r in reqs] == ["刘洋", "会议", "会议", "会议"]
    assert reqs[0].subject == "各级各部门"
    assert reqs[2].subject is None
    assert reqs[2].section == "更加注重品质，提升城市功能"
    assert reqs[3].section == "强化组织保障"


def test_issuer_back_reference(pipeline):
    body = "县长王立新出席会议。\n会中，王县长表示，各乡镇要压实责任。"
    assert [r.issuer for r in _reqs(pipeline, body)] == ["王立新"]


# ---------------------------------------------------------------- script, spans, robustness
def test_traditional_input(pipeline):
    report = pipeline.analyze("某縣召開防汛會議\n會議要求，各單位要加強防汛值守。")
    assert [r.text for r in report.requirements] == ["各单位要加强防汛值守。"]


def test_garbled_question_mark_does_not_split(pipeline):
    body = "要排查道路、燃?xì)狻⒐┡潘?、防洪等设施短板。"
    assert len(_reqs(pipeline, body)) == 1


@pytest.mark.parametrize(
    "original",
    [
        HEAD + "會議強調(diào),要加強防汛值守,確保安全度汛。一是壓實責任；二是強化巡查。",
        HEAD + "会中，王县长表示，各乡镇要压实责任；对重点企业实行驻场监管。",
    ],
)
def test_spans_ground_items(pipeline, original):
    report = pipeline.analyze(original)
    assert report.requirements
    for r in report.requirements:
        s, e = r.span
        passage = pipeline.converter.convert_string(clean(original[s:e]).text.text)
        assert letters(r.text) in letters(passage)


@pytest.mark.parametrize(
    "text", ["", "\n\n", "只有一行标题", "标题\n？？？；；；。。。", "标题\n" + "要" * 5000]
)
def test_never_raises(text):
    ctx = Context(mapped=MappedText.identity(text), original=text)
    assert isinstance(extract_requirements(ctx), tuple)


def test_long_paragraph_is_fast():
    text = "标题\n" + "会议要求各单位加强领导抓好落实确保安全" * 11000  # ~200 KB, no punctuation
    ctx = Context(mapped=MappedText.identity(text), original=text)
    start = time.perf_counter()
    extract_requirements(ctx)
    assert time.perf_counter() - start < 1.0


def test_deterministic(pipeline):
    body = "会议要求，要抓好三项工作。一是加强组织领导。二是强化督查考核。"
    assert _reqs(pipeline, body) == _reqs(pipeline, body)


@pytest.mark.parametrize("unit", ["需要", "？", "，强调", "会议要求，", "一是"])
def test_repeated_units_stay_fast(unit):
    text = "标题\n" + unit * (200_000 // len(unit))
    ctx = Context(mapped=MappedText.identity(text), original=text)
    start = time.perf_counter()
    extract_requirements(ctx)
    assert time.perf_counter() - start < 2.0  # sentence splitting (context.py) dominates
