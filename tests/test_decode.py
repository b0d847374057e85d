"""Decoding: every encoding the genre arrives in, and every way bytes can be wrong."""

from __future__ import annotations

import codecs

import pytest

from meetingdoc.decode import decode_bytes
from meetingdoc.errors import InputError

SIMPLIFIED = (
    "全县安全生产工作推进会召开\n3月5日上午，县长张明主持会议。会议要求，要压紧压实安全生产责任。"
)
TRADITIONAL = (
    "全縣安全生產工作推進會召開\n3月5日上午，縣長張明主持會議。會議要求，要壓緊壓實安全生產責任。"
)


@pytest.mark.parametrize(
    ("text", "data", "expected"),
    [
        (SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
        (SIMPLIFIED, codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), "utf-8-sig"),
        (SIMPLIFIED, SIMPLIFIED.encode("utf-16"), "utf-16"),
        (SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
        (SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
        (SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
        (TRADITIONAL, TRADITIONAL.encode("big5"), "cp950"),
        (TRADITIONAL, TRADITIONAL.encode("utf-8"), "utf-8"),
        (TRADITIONAL, TRADITIONAL.encode("gb18030"), "gb18030"),
    ],
)
def test_detects_encoding(text, data, expected):
    decoded = decode_bytes(data, "r.txt")
    assert decoded.text == text
    assert decoded.encoding == expected


def test_forced_encoding_wins():
    data = SIMPLIFIED.encode("gb18030")
    assert decode_bytes(data, "r.txt", encoding="gbk").text == SIMPLIFIED


def test_forced_wrong_encoding_is_an_error():
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode_bytes(SIMPLIFIED.encode("gb18030"), "r.txt", encoding="utf-8")


def test_empty_input_is_empty_text():
    assert decode_bytes(b"", "r.txt").text == ""


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(64), "JPEG image"),
        (b"PK\x03\x04" + bytes(64), "ZIP archive"),
        ("会议".encode() + b"\x00\x00\x01\x02" * 20, "binary file"),
    ],
)
def test_binary_is_rejected(data, reason):
    with pytest.raises(InputError, match=reason) as info:
        decode_bytes(data, "img.txt")
    assert info.value.path == "img.txt"


def test_utf8_cut_mid_character_decodes_with_flag():
    data = SIMPLIFIED.encode("utf-8")[:-1]
    decoded = decode_bytes(data, "r.txt")
    assert decoded.truncated
    assert decoded.text.startswith(SIMPLIFIED[:-1])


def test_too_short_to_tell_suggests_encoding():
    with pytest.raises(InputError, match="--encoding"):
        decode_bytes(b"\xb7\xa2", "short.txt")


def test_plain_ascii_is_utf8():
    assert decode_bytes(b"hello", "a.txt").encoding == "utf-8"
