"""Batch runs: folders, globs, --out mirroring, order and bytes independent of
--jobs, faults that never stop the run, atomic outputs and resuming."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES

from meetingdoc.cli import main
from meetingdoc.runner import chunk_size


@pytest.fixture
def tree(tmp_path) -> Path:
    """A folder of reports in nested folders, built from the project's examples."""
    root = tmp_path / "in"
    for i, example in enumerate(sorted(EXAMPLES.glob("*.txt"))):
        target = root / ("a" if i % 2 else "b") / f"r{i}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(example, target)
    (root / "notes.md").write_text("not a report", encoding="utf-8")
    return root


def many_reports(tmp_path: Path, count: int) -> Path:
    """A flat folder of `count` copies of the examples: long enough to interrupt."""
    src = tmp_path / "many"
    src.mkdir()
    examples = sorted(EXAMPLES.glob("*.txt"))
    for i in range(count):
        shutil.copy(examples[i % len(examples)], src / f"r{i:03}.txt")
    return src


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "meetingdoc", *args], capture_output=True, text=True, **kwargs
    )


def test_out_mirrors_the_tree_and_jobs_do_not_change_bytes(tree, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first = run(["extract", str(tree), "--out", str(one), "--jobs", "1"])
    second = run(["extract", str(tree), "--out", str(two), "--jobs", "2"])
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    written = sorted(p.relative_to(one) for p in one.rglob("*.yaml"))
    inputs = sorted(p.relative_to(tree).with_suffix(".yaml") for p in tree.rglob("*.txt"))
    assert written == inputs
    for rel in written:
        assert (one / rel).read_bytes() == (two / rel).read_bytes()
        assert yaml.safe_load((one / rel).read_text(encoding="utf-8"))["schema"] == "meetingdoc/1"
    assert "documents" in first.stderr and "0 failed" in first.stderr


@pytest.mark.parametrize("fmt", ["yaml", "json", "csv"])
def test_streams_rendered_by_workers_equal_one_process(tree, fmt):
    outputs = [run(["extract", str(tree), "-f", fmt, "-j", str(n)]) for n in (1, 2)]
    assert outputs[0].returncode == outputs[1].returncode == 0
    assert outputs[0].stdout == outputs[1].stdout
    if fmt == "yaml":
        documents = list(yaml.safe_load_all(outputs[0].stdout))
        assert [d["source"]["path"] for d in documents] == sorted(
            str(p) for p in tree.rglob("*.txt")
        )
    elif fmt == "json":
        assert len(json.loads(outputs[0].stdout)) == len(list(tree.rglob("*.txt")))


def test_jsonl_stream_keeps_input_order_for_any_jobs(tree):
    outputs = [run(["extract", str(tree), "-f", "jsonl", "-j", str(n)]).stdout for n in (1, 2)]
    assert outputs[0] == outputs[1]
    paths = [json.loads(line)["source"]["path"] for line in outputs[0].splitlines()]
    assert paths == sorted(str(p) for p in tree.rglob("*.txt"))


def test_chunked_pool_keeps_order_and_bytes(tmp_path):
    src = many_reports(tmp_path, 50)  # 3 documents per pool task with 2 workers
    outputs = [run(["extract", str(src), "-f", "jsonl", "-j", str(n)]) for n in (1, 2)]
    assert outputs[0].returncode == outputs[1].returncode == 0
    assert outputs[0].stdout == outputs[1].stdout
    paths = [json.loads(line)["source"]["path"] for line in outputs[0].stdout.splitlines()]
    assert paths == sorted(str(p) for p in src.glob("*.txt"))


@pytest.mark.parametrize(
    ("documents", "workers", "expected"),
    [(1, 2, 1), (15, 2, 1), (50, 2, 3), (2232, 2, 16), (10**6, 8, 16), (100, 64, 1)],
)
def test_chunk_size(documents, workers, expected):
    assert chunk_size(documents, workers) == expected


def test_csv_has_a_row_per_item(tree):
    result = run(["extract", str(tree), "-f", "csv"])
    lines = result.stdout.splitlines()
    assert lines[0].startswith("document,kind,text")
    assert len(lines) > 10
    assert {line.split(",")[1] for line in lines[1:]} >= {"attendee", "requirement"}


def test_pattern_and_glob(tree):
    only_a = run(["extract", str(tree), "--pattern", "r1.txt", "-f", "jsonl"])
    assert len(only_a.stdout.splitlines()) == 1
    globbed = run(["extract", str(tree / "*" / "r*.txt"), "-f", "jsonl"])
    assert len(globbed.stdout.splitlines()) == len(list(tree.rglob("*.txt")))


def test_unreadable_file_is_named_and_the_rest_are_written(tree, tmp_path):
    bad = tree / "a" / "broken.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    out = tmp_path / "out"
    result = run(["extract", str(tree), "--out", str(out), "-j", "2"])
    assert result.returncode == 1
    assert f"meetingdoc: {bad}: binary file" in result.stderr
    assert "Traceback" not in result.stderr
    assert len(list(out.rglob("*.yaml"))) == len(list(tree.rglob("*.txt"))) - 1


def test_unwritable_out_dir_fails_before_work(tree, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(["extract", str(tree), "--out", str(blocker / "sub")])
    assert result.returncode == 3
    assert result.stderr.count("\n") == 1 and "cannot create output folder" in result.stderr


def test_killed_run_leaves_no_partial_file_and_skip_existing_finishes(tmp_path):
    src = many_reports(tmp_path, 120)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "meetingdoc", "extract", str(src), "--out", str(out), "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("*.yaml"))) < 5:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    done = sorted(out.glob("*.yaml"))
    assert 0 < len(done) < 120
    for path in done:  # every file there is whole
        assert yaml.safe_load(path.read_text(encoding="utf-8"))["schema"] == "meetingdoc/1"
    resumed = run(["extract", str(src), "--out", str(out), "--skip-existing"])
    assert resumed.returncode == 0, resumed.stderr
    assert f"{len(done)} skipped" in resumed.stderr
    assert len(list(out.glob("*.yaml"))) == 120
    assert not list(out.glob(".*.part"))


def test_broken_pipe_ends_quietly(tree):
    proc = subprocess.run(
        f"{sys.executable} -m meetingdoc extract {tree} -f jsonl | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
    )
    assert len(proc.stdout) == 10
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_fifo_and_symlink_loop_and_odd_names_in_a_folder(tree):
    os.mkfifo(tree / "pipe.txt")
    os.symlink(tree, tree / "a" / "loop")
    odd = os.fsencode(str(tree / "b")) + b"/\xff\xfe.txt"
    with open(odd, "wb") as fh:
        fh.write(EXAMPLES.joinpath("changwu_simplified.txt").read_bytes())
    result = run(["extract", str(tree), "-f", "jsonl"], timeout=120)
    assert result.returncode == 0, result.stderr
    paths = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert len(paths) == len(list(tree.rglob("*.txt"))) - 1  # the FIFO is skipped
    assert any("\\xff\\xfe.txt" in p for p in paths)


def test_stats_across_reports(runner, tree):
    result = runner.invoke(main, ["stats", str(tree), "-f", "json", "-j", "1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["documents"] == len(list(tree.rglob("*.txt")))
    assert summary["terms"] and summary["actions"]
    counts = [row["requirements"] for row in summary["actions"]]
    assert counts == sorted(counts, reverse=True)


def test_progress_bar_only_on_a_terminal(monkeypatch, capsys):
    from meetingdoc import runner

    assert isinstance(runner.progress_for(10, batch=True), runner._Quiet)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert not isinstance(runner.progress_for(1, batch=True), runner._Bar)  # one file: no bar
    bar = runner.progress_for(3, batch=True)
    assert isinstance(bar, runner._Bar)
    with bar:
        assert list(bar.track(iter("abc"))) == ["a", "b", "c"]
        bar.error("meetingdoc: x.txt: binary file")
    assert bar.failures == 1


def _session_processes(session: int) -> dict[int, int]:
    """pid -> parent pid of every live process in a session."""
    found = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                stat = Path(entry.path, "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) == session:
                found[int(entry.name)] = int(fields[1])
    return found


def _pool_workers(main: int) -> list[int]:
    """Pool workers of a run: forked from the main process (same command line)
    or, with a fork server, its children (grandchildren of the main process)."""

    def cmdline(pid: int) -> bytes:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            return b""

    processes = _session_processes(main)
    return [
        pid
        for pid, parent in processes.items()
        if pid != main and (parent != main or (cmdline(pid) == cmdline(main) and cmdline(pid)))
    ]


@pytest.mark.parametrize(
    ("sig", "sink"),
    [(signal.SIGKILL, ["-f", "jsonl"]), (signal.SIGTERM, ["--out", "OUT"])],
)
def test_a_killed_worker_fails_its_documents_instead_of_hanging(tmp_path, sig, sink):
    src = many_reports(tmp_path, 300)
    out = tmp_path / "out"
    sink = [str(out) if a == "OUT" else a for a in sink]
    proc = subprocess.Popen(
        [sys.executable, "-m", "meetingdoc", "extract", str(src), *sink, "-j", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    killed = False
    while time.monotonic() < deadline and not killed and proc.poll() is None:
        for pid in _pool_workers(proc.pid):
            os.kill(pid, sig)
            killed = True
            break
        time.sleep(0.02)
    assert killed
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert "worker process died" in stderr and "Traceback" not in stderr
    assert not list(tmp_path.rglob(".*.part"))


def test_pool_forks_only_without_other_threads(tree):
    import threading

    from meetingdoc.batch import find_inputs
    from meetingdoc.runner import BatchSettings, _start_method, analyze_all

    jobs = list(find_inputs((str(tree),), ("*.txt",)))
    settings = BatchSettings(jobs=2, fmt="jsonl", render_in_workers=True)
    assert threading.active_count() == 1 and _start_method() == "fork"
    forked = [o.text for o in analyze_all(jobs, settings)]

    release = threading.Event()
    waiting = threading.Thread(target=release.wait)  # a progress bar's refresher, say
    waiting.start()
    try:
        assert _start_method() == "forkserver"
        served = [o.text for o in analyze_all(jobs, settings)]
    finally:
        release.set()
        waiting.join()
    assert forked == served and all(forked)
