"""Segmentation: own Tokenizer, the policy dictionary, user dictionaries validated."""

from __future__ import annotations

import os
import pickle
from collections import Counter
from pathlib import Path

import pytest
from conftest import DEV, needs_dev_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from meetingdoc.errors import DictionaryError
from meetingdoc.segment import Segmenter, _load_cached_dictionary, parse_dictionary

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def segmenter() -> Segmenter:
    return Segmenter()


@pytest.mark.parametrize(
    "term", ["百城建设提质工程", "全国文明城市", "乡村振兴", "高质量发展", "河长制"]
)
def test_policy_terms_are_single_tokens(segmenter, term):
    assert term in segmenter.cut(f"全面推进{term}，抓好各项工作")


def test_counts_terms_most_frequent_first(segmenter):
    text = "推进乡村振兴，实现高质量发展，以乡村振兴促进高质量发展，乡村振兴见成效"
    assert segmenter.count_terms(text)[:2] == [("乡村振兴", 3), ("高质量发展", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进乡村振兴", [("乡村振兴", 1)]),
        # the term is a substring but jieba cuts 黄河/长/制度: not a hit
        ("沿黄河长制度完善", []),
        ("", []),
        ("no Chinese at all, 2024.", []),
    ],
)
def test_terms_are_tokens_not_substrings(segmenter, text, expected):
    assert segmenter.count_terms(text) == expected


def _counts_from_every_token(segmenter, text):
    counts = Counter(t for t in segmenter.cut(text) if t in segmenter.terms)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def test_only_blocks_with_terms_are_segmented(segmenter):
    text = "会议指出，要推进乡村振兴。天气晴朗，大家好！高质量发展。"
    assert list(segmenter.term_blocks(text)) == ["要推进乡村振兴", "高质量发展"]


@pytest.mark.parametrize("name", sorted(p.name for p in EXAMPLES.glob("*.txt")))
def test_term_counts_equal_segmenting_the_whole_text(segmenter, name):
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    assert segmenter.count_terms(text) == _counts_from_every_token(segmenter, text)


@needs_dev_corpus()
def test_term_counts_equal_segmenting_the_whole_text_on_real_reports(segmenter):
    for path in sorted(DEV.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert segmenter.count_terms(text) == _counts_from_every_token(segmenter, text), path.name


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["乡村振兴", "高质量发展", "河长制", "黄河", "长", "制度", "，", "。"])
        | st.text(alphabet="乡村振兴发展高质量河长制度黄城a1 ，。、", max_size=6),
        max_size=12,
    )
)
def test_term_counts_equal_segmenting_the_whole_text_for_any_mix(segmenter, pieces):
    text = "".join(pieces)
    assert segmenter.count_terms(text) == _counts_from_every_token(segmenter, text)


def test_does_not_touch_the_global_tokenizer(segmenter):
    import jieba

    segmenter.cut("全面推进乡村振兴")
    assert segmenter.tokenizer is not jieba.dt
    assert "百城建设提质工程" not in jieba.dt.FREQ


def test_user_dictionary_adds_words(tmp_path):
    path = tmp_path / "user.txt"
    path.write_text("# 本地术语\n清河三治融合 800 pt\n滨江智谷\n", encoding="utf-8")
    seg = Segmenter((str(path),))
    assert "清河三治融合" in seg.cut("深化清河三治融合改革")
    assert "滨江智谷" in seg.terms


@pytest.mark.parametrize(
    ("lines", "where", "reason"),
    [
        (["好词 100 n", "坏词 1.5 n"], ":2", "frequency"),
        (["词 100 n extra"], ":1", "fields"),
        (["词 n 100"], ":1", "frequency must come before"),
        (["词 100 标签"], ":1", "invalid tag"),
    ],
)
def test_bad_user_dictionary_lines_name_file_and_line(lines, where, reason):
    with pytest.raises(DictionaryError, match=reason) as info:
        parse_dictionary(lines, "user.txt")
    assert info.value.path == f"user.txt{where}"


def test_good_dictionary_lines_parse():
    assert parse_dictionary(["甲 10 n", "乙 20", "丙 nz", "丁", "", "# 注释"], "u.txt") == [
        ("甲", 10, "n"),
        ("乙", 20, None),
        ("丙", None, "nz"),
        ("丁", None, None),
    ]


def test_pickle_carries_settings_not_the_tokenizer(segmenter):
    segmenter.cut("乡村振兴")
    clone = pickle.loads(pickle.dumps(segmenter))
    assert "tokenizer" not in clone.__dict__
    assert clone.cut("推进乡村振兴")[-1] == "乡村振兴"


def test_dictionary_cache_is_read_fast_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    import jieba

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert Segmenter().count_terms("推进乡村振兴") == [("乡村振兴", 1)]  # builds the cache
    cache = tmp_path / "meetingdoc" / "jieba.cache"
    assert cache.is_file()

    def tokenizer():
        t = jieba.Tokenizer()
        t.tmp_dir = str(cache.parent)
        return t

    reference = tokenizer()
    reference.initialize()
    fast = tokenizer()
    _load_cached_dictionary(fast)
    assert fast.initialized and fast.total == reference.total and fast.FREQ == reference.FREQ

    cache.write_bytes(b"\x00damaged")
    rebuilt = tokenizer()
    _load_cached_dictionary(rebuilt)
    assert rebuilt.total == reference.total and rebuilt.FREQ == reference.FREQ
    assert cache.stat().st_size > 1_000_000  # written again by jieba


def test_term_counts_survive_the_fragment_memo_being_cleared(monkeypatch):
    from meetingdoc import segment

    fresh = Segmenter()
    text = (EXAMPLES / "changwu_simplified.txt").read_text(encoding="utf-8")
    expected = fresh.count_terms(text)
    monkeypatch.setattr(segment, "_FRAGMENTS_REMEMBERED", 0)  # cleared before every block
    assert fresh.count_terms(text) == expected == _counts_from_every_token(fresh, text)


def test_cache_folder_someone_else_can_write_is_not_used(tmp_path, monkeypatch):
    from meetingdoc.segment import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    planted = tmp_path / "xdg" / "meetingdoc"
    planted.mkdir(parents=True)
    planted.chmod(0o777)  # writable by every user: someone may have planted a cache
    chosen = cache_dir()
    assert chosen != planted
    assert chosen == tmp_path / "tmp" / f"meetingdoc-{os.getuid()}"
    assert chosen.stat().st_mode & 0o777 == 0o700

    planted.chmod(0o700)
    assert cache_dir() == planted


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to give a folder to another user")
def test_cache_folder_owned_by_another_user_is_not_used(tmp_path, monkeypatch):
    from meetingdoc.segment import cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    planted = tmp_path / "xdg" / "meetingdoc"
    planted.mkdir(parents=True, mode=0o700)
    os.chown(planted, 12345, 12345)
    assert cache_dir() == tmp_path / "tmp" / f"meetingdoc-{os.getuid()}"
