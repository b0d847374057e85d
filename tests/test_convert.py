"""Conversion: script detection, mainland usage, names kept, regional vocabulary kept."""

from __future__ import annotations

import pytest

from meetingdoc.convert import Converter
from meetingdoc.mapped import MappedText


@pytest.fixture(scope="module")
def converter() -> Converter:
    return Converter()


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("全市推進會召開，會議強調要著力發展。", "traditional"),
        ("全市推进会召开，会议强调要着力发展。", "simplified"),
        ("全市推進會召开，会议強調要着力发展。", "mixed"),
        ("ABC 123", "simplified"),
        ("", "simplified"),
    ],
)
def test_script(converter, text, script):
    assert converter.script(text) == script


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("著力推進", "着力推进"),  # 大陆用法
        ("王乾發出席會議", "王乾发出席会议"),  # 人名中的乾保留
        ("乾隆時期", "乾隆时期"),
        ("環境乾淨整潔", "环境干净整洁"),  # 乾 作“干燥”义时转换
        ("防範乾旱", "防范干旱"),
        ("資訊軟體產業", "资讯软体产业"),  # 台湾用语不改成大陆用语
        ("計程車", "计程车"),
    ],
)
def test_to_simplified(converter, traditional, simplified):
    assert converter.convert_string(traditional) == simplified
    mapped = converter.to_simplified(MappedText.identity(traditional))
    assert mapped.text == simplified
    assert mapped.original_span(0, len(simplified)) == (0, len(traditional))


def test_pickles_without_its_tables(converter):
    """Only settings travel to worker processes; the tables are rebuilt there."""
    import pickle

    converter.convert_string("會議")
    clone = pickle.loads(pickle.dumps(converter))
    assert "_opencc" not in clone.__dict__
    assert clone.convert_string("會議") == "会议"


def test_a_length_changing_entry_falls_back_to_characters():
    class Stretching(Converter):
        def _convert(self, text: str) -> str:  # a phrase entry that adds a character
            return text.replace("會議", "会议会").replace("會", "会").replace("議", "议")

    mapped = Stretching().to_simplified(MappedText.identity("開會議事"))
    assert mapped.text == "開会议事"
    assert mapped.original_span(1, 3) == (1, 3)
