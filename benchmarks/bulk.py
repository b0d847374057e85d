#!/usr/bin/env python3
"""Batch benchmark over ../shared/corpus/bulk (or any folder of .txt reports).

Reports, in one run on the same texts:
  - bare `jieba.lcut` over every text (own Tokenizer, dictionary loaded
    beforehand): the floor the design sets;
  - `meetingdoc extract DIR --out TMP --jobs 1` and `--jobs 2`: documents/s,
    MB/s and the peak RSS of the largest process;
  - the cold start of one `meetingdoc extract` on a single report.
Each timing is the median of --repeat runs. Also checks that --jobs 1 and
--jobs 2 wrote the same bytes.

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
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def meetingdoc_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("meetingdoc")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "meetingdoc"]


def bare_jieba(texts: list[str]) -> float:
    """Seconds for jieba.lcut over all texts (tokenizer initialised first)."""
    code = (
        "import sys,time,jieba,logging,pathlib\n"
        "logging.getLogger('jieba').setLevel(logging.WARNING)\n"
        "t=jieba.Tokenizer(); t.initialize()\n"
        "paths=[pathlib.Path(p) for p in sys.argv[1:]]\n"
        "texts=[p.read_text(encoding='utf-8') for p in paths]\n"
        "s=time.perf_counter()\n"
        "for x in texts: t.lcut(x)\n"
        "print(time.perf_counter()-s)\n"
    )
    listing = texts
    proc = subprocess.run(
        [sys.executable, "-c", code, *listing], capture_output=True, text=True, check=True
    )
    return float(proc.stdout.strip())


def _session_peaks(session: int, peaks: dict[int, int]) -> None:
    """Record VmHWM (peak RSS, KB) of every live process in the session."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            if int(fields[3]) != session:  # field 6 of stat: session id
                continue
            for line in Path(entry.path, "status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    pid = int(entry.name)
                    peaks[pid] = max(peaks.get(pid, 0), int(line.split()[1]))
        except (OSError, ValueError, IndexError):
            continue


def run_batch(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    """(seconds, peak RSS in KB of the largest process) for one batch run."""
    if out.exists():
        shutil.rmtree(out)
    peaks: dict[int, int] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*meetingdoc_cmd(), "extract", str(corpus), "--out", str(out), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    while proc.poll() is None:
        _session_peaks(proc.pid, peaks)
        time.sleep(0.2)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"batch failed (jobs={jobs}): {stderr[-500:]}")
    return elapsed, max(peaks.values(), default=0)


def cold_start(report: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*meetingdoc_cmd(), "extract", str(report)], capture_output=True, check=True)
    return time.perf_counter() - start


def same_tree(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    paths = sorted(args.corpus.rglob("*.txt"))
    if not paths:
        print(f"no .txt files in {args.corpus}", file=sys.stderr)
        return 2
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    n = len(paths)
    tmp = Path(tempfile.mkdtemp(prefix="meetingdoc-bench-"))
    try:
        # The corpus path list can exceed argv limits: pass files in chunks.
        jieba_s = statistics.median(
            sum(bare_jieba([str(p) for p in paths[i : i + 500]]) for i in range(0, n, 500))
            for _ in range(args.repeat)
        )
        runs = {}
        for jobs in (1, 2):
            timings = [run_batch(args.corpus, tmp / f"out{jobs}", jobs) for _ in range(args.repeat)]
            runs[jobs] = {
                "seconds": statistics.median(t for t, _ in timings),
                "peak_rss_mb": max(r for _, r in timings) / 1024,
            }
        identical = same_tree(tmp / "out1", tmp / "out2")
        cold = statistics.median(cold_start(paths[0]) for _ in range(max(args.repeat, 5)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    result = {
        "documents": n,
        "megabytes": round(megabytes, 2),
        "cores": os.cpu_count(),
        "bare_jieba": {"seconds": round(jieba_s, 2), "docs_per_s": round(n / jieba_s, 1)},
        "jobs1": {
            "seconds": round(runs[1]["seconds"], 2),
            "docs_per_s": round(n / runs[1]["seconds"], 1),
            "mb_per_s": round(megabytes / runs[1]["seconds"], 3),
            "peak_rss_mb": round(runs[1]["peak_rss_mb"], 1),
        },
        "jobs2": {
            "seconds": round(runs[2]["seconds"], 2),
            "docs_per_s": round(n / runs[2]["seconds"], 1),
            "mb_per_s": round(megabytes / runs[2]["seconds"], 3),
            "peak_rss_mb": round(runs[2]["peak_rss_mb"], 1),
        },
        "jobs1_vs_bare_jieba": round(jieba_s / runs[1]["seconds"], 2),
        "jobs2_vs_jobs1": round(runs[1]["seconds"] / runs[2]["seconds"], 2),
        "cold_start_s": round(cold, 3),
        "jobs1_jobs2_identical": identical,
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{n} documents, {megabytes:.1f} MB, {os.cpu_count()} cores, median of {args.repeat}")
        print(f"bare jieba.lcut   {result['bare_jieba']['docs_per_s']:>8} docs/s")
        for jobs in (1, 2):
            r = result[f"jobs{jobs}"]
            print(
                f"extract --jobs {jobs}  {r['docs_per_s']:>8} docs/s  {r['mb_per_s']:.3f} MB/s  "
                f"peak RSS {r['peak_rss_mb']} MB"
            )
        print(
            f"--jobs 1 / bare jieba: {result['jobs1_vs_bare_jieba']}x   "
            f"--jobs 2 / --jobs 1: {result['jobs2_vs_jobs1']}x"
        )
        print(f"cold start, one report: {result['cold_start_s']} s")
        print(f"--jobs 1 and --jobs 2 outputs identical: {identical}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
