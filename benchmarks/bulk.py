#!/usr/bin/env python3
"""Batch benchmark over ../shared/corpus/bulk (or any folder of .txt reports).

Reports, in one run on the same texts:
  - bare `jieba.lcut` over every text with its own Tokenizer: the floor the
    design sets;
  - `meetingdoc extract DIR --jobs 1` and `--jobs 2` into each --sinks:
    one file per report on disk (`--out` in TMPDIR), the same on tmpfs
    (`--out` in /dev/shm), and a JSON-lines stream to /dev/null:
    documents/s, MB/s and the peak RSS of the largest process. The sinks
    differ by the file system's cost of creating a file, which on some
    virtual disks is as large as segmenting the report;
  - the cold start of one `meetingdoc extract` on a single report.

Both sides are timed two ways, each the same for jieba and for meetingdoc:
  - end to end: a fresh process that imports, loads its dictionaries, reads
    the files and does the work, from start to exit;
  - steady state: documents/s once started. For jieba, the lcut loop alone
    (dictionary loaded beforehand); for meetingdoc, the difference between a
    run over the whole corpus and a run over its first --warm files, which
    cancels start-up (interpreter, imports, dictionaries, worker pool).
Each timing is the median of --repeat rounds; a round runs every
configuration once, so slow spells of a noisy machine fall on all of them.
Also checks that --jobs 1 and --jobs 2 wrote the same bytes.

    python benchmarks/bulk.py [--corpus ../shared/corpus/bulk] [--repeat 3]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def meetingdoc_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("meetingdoc")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "meetingdoc"]


def bare_jieba(listing: Path) -> tuple[float, float]:
    """(end-to-end seconds, seconds of the lcut loop) for jieba over the files
    named in LISTING, in a fresh process."""
    code = (
        "import sys,time,jieba,logging,pathlib\n"
        "logging.getLogger('jieba').setLevel(logging.WARNING)\n"
        "t=jieba.Tokenizer(); t.initialize()\n"
        "paths=pathlib.Path(sys.argv[1]).read_text(encoding='utf-8').splitlines()\n"
        "texts=[pathlib.Path(p).read_text(encoding='utf-8') for p in paths]\n"
        "s=time.perf_counter()\n"
        "for x in texts: t.lcut(x)\n"
        "print(time.perf_counter()-s)\n"
    )
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, str(listing)], capture_output=True, text=True, check=True
    )
    return time.perf_counter() - start, float(proc.stdout.strip())


def run_batch(inputs: list[str], jobs: int, out: Path | None) -> tuple[float, int]:
    """(seconds, peak RSS in KB of the largest process) for one batch run,
    writing one file per input into OUT, or JSON lines to /dev/null.

    The peak comes from wait4(): Linux reports the largest resident set of
    the process and of every descendant it waited for (the pool workers), so
    nothing samples /proc while the run competes for the cores.
    """
    sink = ["--format", "jsonl"]
    if out is not None:
        if out.exists():
            shutil.rmtree(out)
        sink = ["--out", str(out)]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*meetingdoc_cmd(), "extract", *inputs, *sink, "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    stderr: list[bytes] = []
    drain = threading.Thread(target=lambda: stderr.append(proc.stderr.read()), daemon=True)
    drain.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    drain.join()
    if proc.returncode != 0:
        text = b"".join(stderr).decode("utf-8", "replace")
        raise SystemExit(f"batch failed (jobs={jobs}): {text[-500:]}")
    return elapsed, usage.ru_maxrss


def cold_start(report: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*meetingdoc_cmd(), "extract", str(report)], capture_output=True, check=True)
    return time.perf_counter() - start


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def sinks(tmp: Path, wanted: list[str]) -> dict[str, Path | None]:
    """Where outputs go: files on disk (TMPDIR), files on tmpfs, or a stream."""
    found: dict[str, Path | None] = {}
    for name in wanted:
        if name == "disk":
            found[name] = tmp
        elif name == "tmpfs" and Path("/dev/shm").is_dir():
            found[name] = Path(tempfile.mkdtemp(prefix="meetingdoc-bench-", dir="/dev/shm"))
        elif name == "jsonl":
            found[name] = None
    return found


def measure(inputs: list[str], warm: list[str], jobs: int, out: Path | None):
    """((seconds, peak KB) of the whole run, (seconds, peak KB) of the start-up run)."""
    full = run_batch(inputs, jobs, None if out is None else out / f"jobs{jobs}")
    start_up = run_batch(warm, jobs, None if out is None else out / "warm")
    if out is not None:
        os.sync()  # the disk's write-back must not slow the next run
    return full, start_up


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warm", type=int, default=200, help="files in the start-up run")
    ap.add_argument(
        "--sinks",
        default="jsonl,tmpfs,disk",
        help="comma-separated: jsonl (--format jsonl to /dev/null), tmpfs (--out in "
        "/dev/shm), disk (--out in TMPDIR; last, as the disk's write-back after it "
        "slows whatever runs next)",
    )
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    paths = sorted(args.corpus.rglob("*.txt"))
    if len(paths) <= args.warm:
        print(f"need more than {args.warm} .txt files in {args.corpus}", file=sys.stderr)
        return 2
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    n = len(paths)
    warm = [str(p) for p in paths[: args.warm]]
    tmp = Path(tempfile.mkdtemp(prefix="meetingdoc-bench-"))
    places = sinks(tmp, args.sinks.split(","))
    results: dict[str, dict] = {}
    identical: dict[str, bool] = {}
    try:
        listing = tmp / "files.txt"
        listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
        # Rounds interleave every configuration, so a slow spell of the
        # machine or its disk falls on all of them, not on one.
        jieba_runs = []
        timings: dict[tuple[str, int], list] = {(s, j): [] for s in places for j in (1, 2)}
        for _ in range(args.repeat):
            jieba_runs.append(bare_jieba(listing))
            for sink, out in places.items():
                for jobs in (1, 2):
                    timings[sink, jobs].append(measure([str(args.corpus)], warm, jobs, out))
        jieba_e2e = statistics.median(e for e, _ in jieba_runs)
        jieba_loop = statistics.median(loop for _, loop in jieba_runs)
        results["bare jieba.lcut"] = {
            "seconds": round(jieba_e2e, 2),
            "docs_per_s": round(n / jieba_e2e, 1),
            "steady_docs_per_s": round(n / jieba_loop, 1),
        }
        for (sink, jobs), runs in timings.items():
            whole = statistics.median(f[0] for f, _ in runs)
            steady = statistics.median(
                (n - args.warm) / (f[0] - w[0]) for f, w in runs if f[0] > w[0]
            )
            results[f"{sink} --jobs {jobs}"] = {
                "seconds": round(whole, 2),
                "docs_per_s": round(n / whole, 1),
                "mb_per_s": round(megabytes / whole, 3),
                "steady_docs_per_s": round(steady, 1),
                "peak_rss_mb": round(max(f[1] for f, _ in runs) / 1024, 1),
            }
        for sink, out in places.items():
            if out is not None:
                identical[sink] = same_tree(out / "jobs1", out / "jobs2")
        cold = statistics.median(cold_start(paths[0]) for _ in range(max(args.repeat, 5)))
    finally:
        for folder in {tmp, *(out for out in places.values() if out is not None)}:
            shutil.rmtree(folder, ignore_errors=True)

    bare = results["bare jieba.lcut"]
    ratios = {}
    for sink in places:
        one, two = results[f"{sink} --jobs 1"], results[f"{sink} --jobs 2"]
        ratios[sink] = {
            "jobs1_vs_bare_jieba": round(one["docs_per_s"] / bare["docs_per_s"], 2),
            "jobs1_vs_bare_jieba_steady": round(
                one["steady_docs_per_s"] / bare["steady_docs_per_s"], 2
            ),
            "jobs2_vs_jobs1": round(two["docs_per_s"] / one["docs_per_s"], 2),
            "jobs2_vs_jobs1_steady": round(two["steady_docs_per_s"] / one["steady_docs_per_s"], 2),
        }
    summary = {
        "documents": n,
        "megabytes": round(megabytes, 2),
        "cores": os.cpu_count(),
        "runs": results,
        "ratios": ratios,
        "cold_start_s": round(cold, 3),
        "jobs1_jobs2_identical": identical,
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    print(f"{n} documents, {megabytes:.1f} MB, {os.cpu_count()} cores, median of {args.repeat}")
    print(f"{'':22}{'end to end':>16}{'steady state':>18}")
    for name, r in results.items():
        extra = ""
        if "mb_per_s" in r:
            extra = f"   {r['mb_per_s']:.3f} MB/s  peak RSS {r['peak_rss_mb']} MB"
        print(f"{name:22}{r['docs_per_s']:>9} docs/s{r['steady_docs_per_s']:>11} docs/s{extra}")
    for sink, r in ratios.items():
        print(
            f"{sink:6} --jobs 1 / bare jieba {r['jobs1_vs_bare_jieba']}x "
            f"(steady {r['jobs1_vs_bare_jieba_steady']}x); "
            f"--jobs 2 / --jobs 1 {r['jobs2_vs_jobs1']}x (steady {r['jobs2_vs_jobs1_steady']}x)"
        )
    print(f"cold start, one report: {summary['cold_start_s']} s")
    for sink, same in identical.items():
        print(f"{sink}: --jobs 1 and --jobs 2 wrote the same bytes: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
