"""Attendees and reporters (SPEC §3): sentences written for these tests, in the genre."""

from __future__ import annotations

import time

import pytest

from meetingdoc.extract.attendees import extract_attendees, extract_reporters
from meetingdoc.extract.context import Context
from meetingdoc.mapped import MappedText
from meetingdoc.pipeline import Pipeline

HEAD = "某县召开县政府常务会议\n"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def people(pipeline: Pipeline, body: str) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    report = pipeline.analyze(HEAD + body)
    return {a.name: (a.titles, a.roles) for a in report.attendees}


def names(pipeline: Pipeline, body: str) -> list[str]:
    return [a.name for a in pipeline.analyze(HEAD + body).attendees]


# --- positive: who is found, with which titles --------------------------------------------

POSITIVE = [
    # 职务链用“、”分开；每人一条链，人与人之间用“，”
    (
        "市长张国栋，市委常委、宣传部长刘晓燕，副市长陈立新，市政府秘书长赵文斌出席会议。",
        {
            "张国栋": ("市长",),
            "刘晓燕": ("市委常委", "宣传部长"),
            "陈立新": ("副市长",),
            "赵文斌": ("市政府秘书长",),
        },
    ),
    # 长职务链，复合职务以词尾识别
    (
        "省委常委、常务副省长、省深化改革委员会副主任孙志远出席会议。",
        {"孙志远": ("省委常委", "常务副省长", "省深化改革委员会副主任")},
    ),
    # 职务领起名单：名单里每个人都得到职务
    (
        "区领导黄志坚、林方、马丽参加会议。",
        {"黄志坚": ("区领导",), "林方": ("区领导",), "马丽": ("区领导",)},
    ),
    (
        "县委常委周春生、吴炜，副县长郑丽丽、冯强列席会议。",
        {
            "周春生": ("县委常委",),
            "吴炜": ("县委常委",),
            "郑丽丽": ("副县长",),
            "冯强": ("副县长",),
        },
    ),
    # 会议由…主持
    ("会议由县委副书记、县长李晓明主持。", {"李晓明": ("县委副书记", "县长")}),
    # 出席会议的还有：…
    (
        "出席会议的还有：县委常委、组织部长周敏，副县长吴刚。",
        {"周敏": ("县委常委", "组织部长"), "吴刚": ("副县长",)},
    ),
    # 无职务的名单 + 角色动词
    ("何志明、罗青、唐海波出席。", {"何志明": (), "罗青": (), "唐海波": ()}),
    # 分句开头的人名 + 角色动词
    ("谢建国主持，邓小红出席。", {"谢建国": (), "邓小红": ()}),
    # 复姓、带“·”的名字
    ("欧阳明华同志主持会议。", {"欧阳明华": ()}),
    ("自治区副主席艾力·买买提出席会议。", {"艾力·买买提": ("自治区副主席",)}),
    ("阿不来提·阿不都热依木、吴海出席。", {"阿不来提·阿不都热依木": (), "吴海": ()}),
    ("会议由买买提-吐尔逊副主任主持。", {"买买提-吐尔逊": ()}),
    (
        "县长马建华同外方代表罗伯特-布朗共同主持会议。",
        {"马建华": ("县长",), "罗伯特-布朗": ("外方代表",)},
    ),
    # 第三个字是“主”“发”等：看后面是不是角色动词
    ("县委常委、宣传部长李斌主讲专题党课。", {"李斌": ("县委常委", "宣传部长")}),
    ("副县长王乾发出席会议。", {"王乾发": ("副县长",)}),
    # 职务放在名字后面不是职务
    ("高志强副县长主持会议。", {"高志强": ()}),
    # 讲话人（名字 + 称谓 + 强调/指出）
    (
        "政协委员曹立群指出，要加强协商。陶文杰委员表示，要多做调研。",
        {"曹立群": ("政协委员",), "陶文杰": ()},
    ),
    # 魏某和、：名字以“和”结尾
    ("副市长钱丰和、蒋立出席会议。", {"钱丰和": ("副市长",), "蒋立": ("副市长",)}),
    # 王某和有关部门负责人：这里的“和”是连词
    ("副县长韩勇和有关部门负责人参加会议。", {"韩勇": ("副县长",)}),
    # 繁体输入（姓名里的“乾”保持不变）
    (
        "縣長林美珍今（5）日主持縣務會議，副縣長王乾發出席。",
        {"林美珍": ("县长",), "王乾发": ("副县长",)},
    ),
    # 港澳职务
    ("行政长官李明远今日出席行政会议。", {"李明远": ("行政长官",)}),
    # 企业负责人：“有限公司”里的“有”不断开职务
    (
        "座谈会上，青川机械制造有限公司董事长吕方平、县商会会长石晓峰作发言。",
        {"吕方平": ("青川机械制造有限公司董事长",), "石晓峰": ("县商会会长",)},
    ),
    (
        "远岭软件股份有限公司创始人韦一舟作发言。",
        {"韦一舟": ("远岭软件股份有限公司创始人",)},
    ),
    # 与会 作谓语（台湾、港澳稿常见）
    (
        "副县长陈志明、秘书长林淑芬及各局处首长与会。",
        {"陈志明": ("副县长",), "林淑芬": ("秘书长",)},
    ),
]


@pytest.mark.parametrize(("body", "expected"), POSITIVE)
def test_attendees_and_titles(pipeline: Pipeline, body: str, expected: dict) -> None:
    got = people(pipeline, body)
    assert {n: t for n, (t, _r) in got.items()} == expected


# --- roles ------------------------------------------------------------------------------

ROLES = [
    ("市委书记马建华主持会议并讲话。", "马建华", ("主持", "讲话")),
    ("县长杨光出席会议并作重要讲话。", "杨光", ("出席", "讲话")),
    ("副县长刘洋就全县安全生产工作作了说明。", "刘洋", ("发言",)),
    ("县委常委王辉列席会议。", "王辉", ("列席",)),
    ("县长杨光在讲话中强调，要抓好安全生产。", "杨光", ("讲话",)),
    ("会议听取了副县长黄涛关于防汛工作的汇报。", "黄涛", ("发言",)),
    ("执行主席是邹明、苏亮。", "邹明", ("主持",)),
]


@pytest.mark.parametrize(("body", "name", "roles"), ROLES)
def test_roles(pipeline: Pipeline, body: str, name: str, roles: tuple[str, ...]) -> None:
    got = people(pipeline, body)
    assert got[name][1] == roles


def test_back_reference_is_folded(pipeline: Pipeline) -> None:
    body = "县长杨光出席会议。会上，杨县长强调，要抓好秋粮收购。"
    got = people(pipeline, body)
    assert list(got) == ["杨光"]
    assert got["杨光"][1] == ("出席", "讲话")


def test_order_of_first_mention(pipeline: Pipeline) -> None:
    body = "副县长刘洋主持会议。县委书记马建华出席会议并讲话。马建华指出，要抓落实。"
    assert names(pipeline, body) == ["刘洋", "马建华"]


# --- negative: who must NOT be found ----------------------------------------------------

NEGATIVE = [
    # “同与会成员国领导人”：与会 作定语，“李强同”不是人名
    ("总理周立新同与会各国领导人签署联合声明。", "周立新同"),
    # 被引用的领导
    ("会议要求，要深入学习贯彻习近平总书记重要讲话精神。", "习近平"),
    ("习近平总书记强调，绿水青山就是金山银山。", "习近平"),
    # 传达学习某领导的讲话
    ("会议传达学习了省委书记冯国栋在全省经济工作会议上的讲话精神。", "冯国栋"),
    # 只作出批示
    ("市长周明对此作出重要批示。", "周明"),
    # 单位、地名作发言
    ("鹿邑、郸城、川汇区作了典型发言。", "鹿邑"),
    ("商水、沈丘、项城作了发言。", "商水"),
    # 被纪念的人
    ("纪念秦光明同志诞辰100周年座谈会在县里召开，县长杨光出席。", "秦光明"),
    # 任免的人
    ("会议决定任命宋佳为县财政局局长。", "宋佳"),
    # 照片说明
    ("图为县委书记马建华在会上讲话", "马建华"),
    # 姓 + 称谓 不是新的人名
    ("会上，杨县长强调，要抓好秋粮收购。", "杨县长"),
    # 两字词不是人名
    ("全体参加会议。", "全体"),
    ("文件指出，要加强监管。", "文件"),
    ("周密安排部署，确保落实。", "周密"),
]


@pytest.mark.parametrize(("body", "absent"), NEGATIVE)
def test_not_attendees(pipeline: Pipeline, body: str, absent: str) -> None:
    assert absent not in names(pipeline, body)


def test_reporters_are_not_attendees(pipeline: Pipeline) -> None:
    body = "（记者 李凤仪）县长杨光出席会议。\n记者 李凤仪 报道"
    report = pipeline.analyze(HEAD + body)
    assert [a.name for a in report.attendees] == ["杨光"]
    assert [r.name for r in report.reporters] == ["李凤仪"]


def test_post_after_name_is_not_a_title(pipeline: Pipeline) -> None:
    got = people(pipeline, "赵立群委员长出席会议。")
    assert got == {"赵立群": ((), ("出席",))}


# --- reporters ---------------------------------------------------------------------------

REPORTERS = [
    ("本报讯（记者 张海涛）会议召开。", ["张海涛"]),
    ("（记者李凤仪）", ["李凤仪"]),
    ("记者 张明 李华 通讯员 王小明", ["张明", "李华", "王小明"]),
    ("（通讯员 周志 撰稿人 吴静）", ["周志", "吴静"]),
    ("新华社记者 沈立强摄", ["沈立强"]),
    ("（蒋成 摄）", ["蒋成"]),
    ("文/图 赵一鸣", ["赵一鸣"]),
    ("记者：郑文  摄影：冯晓东", ["郑文", "冯晓东"]),
    # 空格隔开的署名：少见的姓（向、从）也是名字，但“报道”不是
    ("（记者 向雨桐 通讯员 尹志国）", ["向雨桐", "尹志国"]),
    ("本报记者 从容 报道", ["从容"]),
]


@pytest.mark.parametrize(("line", "expected"), REPORTERS)
def test_reporters(pipeline: Pipeline, line: str, expected: list[str]) -> None:
    report = pipeline.analyze(HEAD + "县长杨光出席会议。\n" + line)
    assert [r.name for r in report.reporters] == expected


NOT_REPORTERS = [
    "责任编辑：王五",
    "（视频编辑：张小龙 文字编辑：温小浩）",
    "审核：褚明 审稿：卫东",
    "记者从会上获悉，会议部署了秋粮收购工作。",
    "县长接受记者采访时表示，要抓好落实。",
]


@pytest.mark.parametrize("line", NOT_REPORTERS)
def test_not_reporters(pipeline: Pipeline, line: str) -> None:
    report = pipeline.analyze(HEAD + line)
    assert report.reporters == ()


# --- spans, robustness -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        HEAD + "本报讯（记者 张海涛）县委书记马建华主持会议，县长杨光出席。",
        "縣府召開縣務會議\n（記者 黃小明）縣長林美珍主持會議，副縣長王乾發出席。",
    ],
)
def test_spans_ground_items(pipeline: Pipeline, text: str) -> None:
    report = pipeline.analyze(text)
    convert = pipeline.converter.convert_string
    assert report.attendees and report.reporters
    for item in (*report.attendees, *report.reporters):
        start, end = item.span
        assert item.name in convert(text[start:end])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n",
        "王",
        "县长",
        "县长王",
        "出席会议。",
        "（记者）",
        "记者 ",
        "、、、，，，",
        "\x00\ufffd?",
    ],
)
def test_never_raises(text: str) -> None:
    ctx = Context(mapped=MappedText.identity(text), original=text)
    assert isinstance(extract_attendees(ctx), tuple)
    assert isinstance(extract_reporters(ctx), tuple)


def test_long_paragraph_without_punctuation_is_fast() -> None:
    chunk = "县委书记马建华市长杨光出席会议并讲话副县长刘洋记者李凤仪摄在学习贯彻"
    text = chunk * (200_000 // len(chunk))
    ctx = Context(mapped=MappedText.identity(text), original=text)
    start = time.perf_counter()
    extract_attendees(ctx)
    extract_reporters(ctx)
    assert time.perf_counter() - start < 2.0


def test_deterministic(pipeline: Pipeline) -> None:
    body = "区领导黄志坚、林方、马丽参加会议。县长杨光主持。"
    assert pipeline.analyze(HEAD + body).attendees == pipeline.analyze(HEAD + body).attendees
