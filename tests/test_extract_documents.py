"""extract_documents: 《…》 titles of the body with their governing verb.

All example sentences are invented for these tests.
"""

from __future__ import annotations

import time

import pytest
from conftest import letters

from meetingdoc.clean import clean
from meetingdoc.extract.context import Context
from meetingdoc.extract.documents import extract_documents
from meetingdoc.mapped import MappedText

HEAD = "某县召开常务会议\n"


def documents_of(text: str):
    return extract_documents(Context(mapped=MappedText.identity(text), original=text))


def pairs(text: str) -> list[tuple[str, str | None]]:
    return [(d.title, d.action) for d in documents_of(text)]


CASES = [
    ("会议审议通过了《某县春季农业生产工作方案》。", [("某县春季农业生产工作方案", "审议通过")]),
    (
        "会议研究了《某县营商环境三年行动方案（2024—2026年）（征求意见稿）》，原则同意。",
        [("某县营商环境三年行动方案（2024—2026年）（征求意见稿）", "研究")],
    ),
    ("会议学习了《中国共产党纪律处分条例》。", [("中国共产党纪律处分条例", "学习")]),
    ("会议讨论《县政府工作规则（修订稿）》。", [("县政府工作规则（修订稿）", "讨论")]),
    ("会议传达学习了《关于加强基层治理的意见》。", [("关于加强基层治理的意见", "传达学习")]),
    (
        "会议审议并原则通过《某市物业管理条例（草案）》。",
        [("某市物业管理条例（草案）", "审议并原则通过")],
    ),
    # 并列书名共用一个动词
    (
        "会议审议通过了《甲办法》、《乙规定》和《丙细则》。",
        [("甲办法", "审议通过"), ("乙规定", "审议通过"), ("丙细则", "审议通过")],
    ),
    (
        "会议审议通过《甲方案》（草案）、《乙方案》。",
        [("甲方案", "审议通过"), ("乙方案", "审议通过")],
    ),
    # 嵌套书名号留在标题里
    (
        "会议听取了《关于〈某县河道管理办法〉的说明》。",
        [("关于〈某县河道管理办法〉的说明", "听取")],
    ),
    (
        "会议审议《关于《某市养老服务条例》实施情况的报告》。",
        [("关于《某市养老服务条例》实施情况的报告", "审议")],
    ),
    ("常委会会议表决批准了《某国与某国引渡条约》。", [("某国与某国引渡条约", "批准")]),
    # 定语：会议通过的《X》
    ("要认真落实全会审议通过的《某市发展规划》。", [("某市发展规划", "审议通过")]),
    # 没有支配动词：action 为空
    ("根据《某省安全生产条例》规定，各单位要落实责任。", [("某省安全生产条例", None)]),
    ("《某县乡村振兴规划》明确了发展目标。", [("某县乡村振兴规划", None)]),
    # 动词离书名太远，不算支配
    ("会议研究了下一步工作，并对照《某市考核办法》逐项检查。", [("某市考核办法", None)]),
    # 重复出现只列一次，取第一个支配动词
    (
        "会议指出，《某县河长制实施方案》很重要。会议审议通过了《某县河长制实施方案》。",
        [("某县河长制实施方案", "审议通过")],
    ),
]

# 不是文件的书名：报刊、栏目
NOT_DOCUMENTS = [
    "会议指出，《临澜日报》刊发了相关报道。",
    "书记在《求是》杂志发表文章。",
    "此前，《新闻联播》对此作了报道。",
    "会议没有提到任何文件。",
    "只有左书名号《没有右书名号。",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES)
def test_documents(sentence, expected):
    assert pairs(HEAD + sentence) == expected


@pytest.mark.parametrize("sentence", NOT_DOCUMENTS)
def test_not_documents(sentence):
    assert pairs(HEAD + sentence) == []


def test_headline_titles_are_not_listed():
    text = "会议审议《某市条例》\n会议听取了工作汇报。"
    assert pairs(text) == []


def test_page_info_lines_are_skipped():
    text = "某县召开会议\n来源：《某县日报》 发布时间：2023-02-13\n会议研究了《某县防汛预案》。"
    assert pairs(text) == [("某县防汛预案", "研究")]


def test_span_covers_the_brackets():
    text = HEAD + "会议审议通过了《某县春季农业生产工作方案》。"
    (doc,) = documents_of(text)
    assert text[doc.span[0] : doc.span[1]] == "《某县春季农业生产工作方案》"


def test_spans_ground_titles_in_traditional_text(pipeline):
    original = (
        "某縣召開常務會議\n會議審議通過了《某縣河道管理辦法》,研究了《關於調整收費標準的請示》。"
    )
    report = pipeline.analyze(original)
    assert [(d.title, d.action) for d in report.documents] == [
        ("某县河道管理办法", "审议通过"),
        ("关于调整收费标准的请示", "研究"),
    ]
    for doc in report.documents:
        passage = pipeline.converter.convert_string(
            clean(original[doc.span[0] : doc.span[1]]).text.text
        )
        assert letters(doc.title) in letters(passage)
        assert passage.startswith("《") and passage.endswith("》")


@pytest.mark.parametrize(
    "body",
    ["《" * 200_000, "审议《a》、" * 30_000, "《关于" * 50_000, "》" * 100_000, "会议" * 100_000],
)
def test_long_paragraph_is_fast(body):
    start = time.perf_counter()
    documents_of(HEAD + body)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("text", ["", "\n", "《》", "《", "》《", "标题\n《》《 》"])
def test_never_raises(text):
    assert isinstance(documents_of(text), tuple)
