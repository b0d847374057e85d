"""The command line as a user runs it: formats, stdin, -o, errors, exit codes."""

from __future__ import annotations

import json
import os

import pytest
import yaml
from conftest import EXAMPLES

from meetingdoc import __version__
from meetingdoc.cli import main

REPORT = (
    "全县安全生产工作推进会召开\n3月5日上午，县长张明主持会议。会议要求，要压紧压实安全生产责任。\n"
)


@pytest.fixture
def report_file(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


@pytest.mark.parametrize("args", [["-h"], ["extract", "-h"], ["eval", "-h"], ["stats", "-h"]])
def test_help_has_an_example(runner, args):
    result = runner.invoke(main, args)
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_yaml_and_json_are_the_same_object(runner, report_file):
    as_yaml = runner.invoke(main, ["extract", str(report_file)])
    as_json = runner.invoke(main, ["extract", "--format", "json", str(report_file)])
    assert as_yaml.exit_code == as_json.exit_code == 0
    assert yaml.safe_load(as_yaml.stdout) == json.loads(as_json.stdout)
    assert json.loads(as_json.output)["schema"] == "meetingdoc/1"


def test_stdin_gives_the_same_result(runner, report_file):
    from_file = json.loads(runner.invoke(main, ["extract", "-f", "json", str(report_file)]).output)
    from_stdin = json.loads(
        runner.invoke(main, ["extract", "-f", "json", "-"], input=report_file.read_bytes()).output
    )
    assert from_stdin["source"]["path"] == "-"
    from_file.pop("source"), from_stdin.pop("source")
    assert from_file == from_stdin


def test_output_file(runner, report_file, tmp_path):
    target = tmp_path / "out" / "r.yaml"
    result = runner.invoke(main, ["extract", str(report_file), "-o", str(target)])
    assert result.exit_code == 0
    assert result.output == ""
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["source"]["chars"] == len(REPORT)
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_output_to_a_folder_is_an_error(runner, report_file, tmp_path):
    result = runner.invoke(main, ["extract", str(report_file), "-o", str(tmp_path)])
    assert result.exit_code == 3
    assert "is a directory" in result.stderr


def test_byte_identical_runs(runner):
    path = str(EXAMPLES / "tuijin_traditional.txt")
    first = runner.invoke(main, ["extract", path]).output
    assert first == runner.invoke(main, ["extract", path]).output


def test_table_for_people(runner, report_file):
    result = runner.invoke(main, ["extract", "--format", "table", str(report_file)])
    assert result.exit_code == 0
    assert "meeting" in result.output
    assert "全县安全生产工作推进会召开" in result.output


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "is a directory"),
        (lambda p: _write(p / "img.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)), "PNG image"),
        (lambda p: _write(p / "nul.txt", "会议".encode() + b"\x00" * 50), "binary"),
        (lambda p: _write(p / "short.txt", b"\xb7\xa2"), "--encoding"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(runner, tmp_path, make, reason):
    path = make(tmp_path)
    args = ["extract", str(path)]
    if path == tmp_path:
        (tmp_path / "sub").mkdir()
        args = ["extract", "--pattern", "*.nothing", str(tmp_path)]
        reason = "no files to read"
    result = runner.invoke(main, args)
    assert result.exit_code == 1
    lines = [
        line
        for line in result.stderr.splitlines()
        if not line.startswith("meetingdoc: 1 documents")
    ]
    assert len(lines) == 1
    assert lines[0].startswith("meetingdoc: ") and reason in lines[0]
    assert "Traceback" not in result.stderr


def test_folder_given_as_file_argument_is_named(runner, tmp_path):
    from meetingdoc.errors import InputError
    from meetingdoc.files import read_input

    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read everything")
def test_permission_denied(runner, report_file):
    report_file.chmod(0)
    result = runner.invoke(main, ["extract", str(report_file)])
    assert result.exit_code == 1
    assert "permission denied" in result.stderr


def test_permission_denied_is_reported(runner, report_file, monkeypatch):
    """Also as root, where chmod cannot deny: the OS error maps to the same line."""
    import builtins

    real_open = builtins.open

    def deny(path, *args, **kwargs):
        if str(path) == str(report_file):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", deny)
    result = runner.invoke(main, ["extract", str(report_file)])
    assert result.exit_code == 1
    assert f"meetingdoc: {report_file}: permission denied" in result.stderr


def test_empty_file_is_an_empty_result(runner, tmp_path):
    path = _write(tmp_path / "empty.txt", b"")
    result = runner.invoke(main, ["extract", "-f", "json", str(path)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["source"]["chars"] == 0 and data["attendees"] == [] and data["requirements"] == []


def test_forced_encoding(runner, tmp_path):
    path = _write(tmp_path / "gbk.txt", REPORT.encode("gbk"))
    result = runner.invoke(main, ["extract", "-f", "json", "--encoding", "gbk", str(path)])
    assert json.loads(result.output)["source"]["encoding"] == "gb18030"
    bad = runner.invoke(main, ["extract", "--encoding", "klingon", str(path)])
    assert bad.exit_code == 2 and "unknown encoding" in bad.stderr


def test_user_dictionary_errors_name_file_and_line(runner, report_file, tmp_path):
    bad = _write(tmp_path / "user.txt", "清河模式 100 pt\n坏词 1.5\n".encode())
    result = runner.invoke(main, ["extract", "--dict", str(bad), str(report_file)])
    assert result.exit_code == 2
    assert f"meetingdoc: {bad}:2: frequency" in result.stderr


def test_user_dictionary_terms_are_counted(runner, report_file, tmp_path):
    good = _write(tmp_path / "user.txt", "压实安全生产责任 900 pt\n".encode())
    result = runner.invoke(main, ["extract", "-f", "json", "--dict", str(good), str(report_file)])
    terms = {t["term"] for t in json.loads(result.output)["terms"]}
    assert "压实安全生产责任" in terms


def _write(path, data: bytes):
    path.write_bytes(data)
    return path


def test_utf8_cut_mid_character_is_read_with_a_warning(runner, tmp_path):
    path = _write(tmp_path / "cut.txt", REPORT.encode("utf-8")[:-2])
    result = runner.invoke(main, ["extract", "-f", "json", str(path)])
    assert result.exit_code == 0
    kinds = [w["kind"] for w in json.loads(result.stdout)["warnings"]]
    assert "truncated-utf8" in kinds


def test_jieba_cache_is_private_and_start_up_is_silent(tmp_path, report_file):
    import subprocess
    import sys

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = subprocess.run(
        [sys.executable, "-m", "meetingdoc", "extract", str(report_file)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0
    assert result.stderr == ""  # no "Building prefix dict…" chatter
    folder = tmp_path / "cache" / "meetingdoc"
    assert (folder.stat().st_mode & 0o777) == 0o700
    assert list(folder.glob("jieba*.cache"))


def test_failed_input_keeps_an_existing_output_file(runner, tmp_path):
    target = tmp_path / "out.yaml"
    target.write_text("earlier result\n", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path / "missing.txt"), "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8") == "earlier result\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.yaml"]
