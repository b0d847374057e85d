"""Cleaning: each repair with positive and negative cases, and spans that map back."""

from __future__ import annotations

import pytest

from meetingdoc.clean import clean


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # 拼音注音去掉
        ("建設(shè)提質(zhì)", "建設提質"),
        ("區(qū)政府", "區政府"),
        ("綠色（lǜ）發展", "綠色發展"),
        # 不是拼音的括号保留
        ("港区(含保税区)建设", "港区（含保税区）建设"),
        ("标准(a)款", "标准(a)款"),
        ("代号(abc)项目", "代号(abc)项目"),
        # 汉字间的半角标点改全角
        ("会议强调,要抓落实:一是", "会议强调，要抓落实：一是"),
        ("结束.下一步", "结束。下一步"),
        ('他说"要抓紧"。', "他说“要抓紧”。"),
        # 数字里的标点不动
        ("投资1,200万元,增长3.5%", "投资1,200万元，增长3.5%"),
        # 全角数字字母改半角
        ("２０２３年５Ｇ基站", "2023年5G基站"),
        # 零宽字符、回车、行首尾空格
        ("会\u200b议\r\n  召开  ", "会议\n召开"),
        ("\u3000\u3000会议召开", "会议召开"),
        # 行内多空格合并为一个
        ("推进会召开   会议强调", "推进会召开 会议强调"),
    ],
)
def test_repairs(raw, expected):
    assert clean(raw).text.text == expected


@pytest.mark.parametrize(
    ("raw", "garbled"),
    [
        ("排查道路、燃?xì)狻⒐┡潘?、防洪设施", "燃?xì)狻⒐┡潘?"),
        ("会议\ufffd\ufffd召开", "议\ufffd\ufffd"),
        ("全县??工作推进", "县??"),
        # UTF-8 读成 GBK：“、”变成“銆”
        ("排查雨污管网銆佽矾鐕?照明设施", "网銆佽矾鐕?"),
    ],
)
def test_garbled_runs_are_reported_and_kept(raw, garbled):
    result = clean(raw)
    warnings = [w for w in result.warnings if w.kind == "garbled-text"]
    assert [w.text for w in warnings] == [garbled]
    start, end = warnings[0].span
    assert raw[start:end] == garbled
    assert garbled.replace("(", "（").replace(")", "）")[:1] in result.text.text


@pytest.mark.parametrize(
    "raw",
    [
        "会议要求，要抓好落实？",
        "这是什么?",
        "全市建设(jiàn shè)",
        "简单的文本",
        "他问:为什么?怎么办?",  # 半角问号，不是乱码
        "公共服務(wù)優(yōu)化",  # 拼音的声调不是乱码
    ],
)
def test_no_false_garbled(raw):
    assert not [w for w in clean(raw).warnings if w.kind == "garbled-text"]


def test_repairs_are_counted_with_first_span():
    raw = "建設(shè)和區(qū)劃"
    (warning,) = [w for w in clean(raw).warnings if w.kind == "inline-pinyin"]
    assert "2" in warning.text
    assert raw[warning.span[0] : warning.span[1]] == "(shè)"


def test_spans_map_back_through_every_repair():
    raw = "\u3000会议(huì)强调,要抓２０２３年\r\n目标。"
    cleaned = clean(raw).text
    pos = cleaned.text.index("２０２３".translate({0xFF10 + i: 0x30 + i for i in range(10)}))
    start, end = cleaned.original_span(pos, pos + 4)
    assert raw[start:end] == "２０２３"
    pos = cleaned.text.index("强调")
    start, end = cleaned.original_span(pos, pos + 2)
    assert raw[start:end] == "强调"
