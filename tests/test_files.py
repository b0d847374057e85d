"""Atomic output files: whole or absent, the umask's permissions, folders made."""

from __future__ import annotations

import itertools
import os

import pytest

from meetingdoc import files
from meetingdoc.errors import OutputError
from meetingdoc.files import AtomicFile, write_atomic


def test_writes_the_text_with_the_umask_permissions(tmp_path):
    old = os.umask(0o027)
    try:
        target = tmp_path / "a" / "b" / "r.yaml"  # folders made on the way
        write_atomic(target, "会议：yes\n")
    finally:
        os.umask(old)
    assert target.read_text(encoding="utf-8") == "会议：yes\n"
    assert target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in target.parent.iterdir()] == ["r.yaml"]


def test_replaces_an_existing_file_and_skips_a_stale_temporary_name(tmp_path, monkeypatch):
    target = tmp_path / "r.yaml"
    target.write_text("old", encoding="utf-8")
    # Temporary names are .NAME.PID-N.part: plant the next few as if left behind.
    monkeypatch.setattr(files, "_SERIAL", itertools.count())
    for n in range(50):
        (tmp_path / f".r.yaml.{os.getpid()}-{n}.part").write_text("stale", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert len(list(tmp_path.glob(".r.yaml.*.part"))) == 50  # the stale ones, untouched


def test_an_error_inside_the_block_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "r.yaml"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), AtomicFile(target) as fh:
        fh.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.yaml"]


def test_a_folder_in_the_way_is_an_output_error(tmp_path):
    (tmp_path / "r.yaml").mkdir()
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path / "r.yaml", "x")
