"""Running `extract` over one input or thousands: order, sinks, progress, summary.

Failures are reported as `meetingdoc: PATH: reason` the moment they arrive
and never stop the run; the exit status is 1 when any input failed. Output
files (`--out`, `-o`) are written atomically, so an interrupted run leaves
only whole files, and `--skip-existing` finishes it.

Known limitations: with `-o FILE` or stdout the results are streamed in
input order, so one slow document holds back the ones after it (the pool
keeps working meanwhile).
"""

from __future__ import annotations

import itertools
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .batch import (
    DEFAULT_PATTERNS,
    ITEM_KINDS,
    Job,
    Outcome,
    display_path,
    find_inputs,
    init_worker,
    output_path,
    run_job,
    run_jobs,
)
from .errors import EXIT_FAILED, EXIT_OK, MeetingdocError, OutputError
from .files import forget_partial_files, remove_partial_files
from .render import STREAM_FORMATS, safe_text


@dataclass(frozen=True)
class BatchSettings:
    fmt: str = "yaml"
    output: str | None = None
    out_dir: str | None = None
    patterns: tuple[str, ...] = ()
    jobs: int | None = None
    skip_existing: bool = False
    encoding: str | None = None
    user_dicts: tuple[str, ...] = ()
    # Workers render stream output (extract); stats wants the reports themselves.
    render_in_workers: bool = False

    @property
    def suffix(self) -> str:
        """Of the files written with --out."""
        return ".json" if self.fmt == "json" else ".yaml"

    def worker_settings(self) -> dict:
        return {
            "suffix": self.suffix,
            "out_dir": self.out_dir,
            "encoding": self.encoding,
            "user_dicts": self.user_dicts,
            "render": self.fmt
            if self.render_in_workers and not self.out_dir and self.fmt in STREAM_FORMATS
            else None,
        }


@dataclass
class Tally:
    documents: int = 0
    failed: int = 0
    skipped: int = 0
    items: Counter = field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.documents += 1
        if outcome.error is not None:
            self.failed += 1
            return
        for kind, count in zip(ITEM_KINDS, outcome.items, strict=False):
            self.items[kind] += count


def error_line(path: str, reason: str) -> str:
    return f"meetingdoc: {safe_text(path)}: {safe_text(reason)}"


def run_extract(inputs: tuple[str, ...], settings: BatchSettings) -> int:
    """The whole `extract` command; returns the exit status."""
    from .segment import Segmenter

    Segmenter(settings.user_dicts)  # validate user dictionaries before any work
    if settings.out_dir:
        prepare_out_dir(settings.out_dir)
    if settings.output and os.path.isdir(settings.output):
        raise OutputError(settings.output, "is a directory, not a file")

    jobs, argument_errors = gather_jobs(inputs, settings)
    tally = Tally(failed=argument_errors, documents=argument_errors)
    if settings.skip_existing and settings.out_dir:
        before = len(jobs)
        jobs = [
            j for j in jobs if not os.path.exists(output_path(settings.out_dir, j, settings.suffix))
        ]
        tally.skipped = before - len(jobs)
    check_collisions(jobs, settings)

    batch = len(inputs) > 1 or len(jobs) != 1 or bool(settings.out_dir)
    started = time.monotonic()
    outcomes = analyze_all(jobs, settings)
    with progress_for(len(jobs), batch) as progress:
        outcomes = progress.track(outcomes)
        write_outcomes(outcomes, settings, tally, progress, single=not batch and len(inputs) == 1)
    if batch:
        print_summary(tally, time.monotonic() - started)
    return EXIT_FAILED if tally.failed else EXIT_OK


def gather_jobs(inputs: tuple[str, ...], settings: BatchSettings) -> tuple[list[Job], int]:
    """The inputs to analyze, and how many arguments named nothing readable (reported)."""
    jobs: list[Job] = []
    errors = 0
    for found in find_inputs(inputs, settings.patterns or DEFAULT_PATTERNS):
        if isinstance(found, MeetingdocError):
            print(error_line(found.path, found.reason), file=sys.stderr)
            errors += 1
        else:
            jobs.append(found)
    return jobs, errors


def collect_reports(inputs: tuple[str, ...], settings: BatchSettings) -> tuple[list, int]:
    """Analyze inputs for aggregation: (reports in input order, number failed)."""
    from .segment import Segmenter

    Segmenter(settings.user_dicts)  # validate user dictionaries before any work
    jobs, failed = gather_jobs(inputs, settings)
    reports = []
    with progress_for(len(jobs), True) as progress:
        for outcome in progress.track(analyze_all(jobs, settings)):
            if outcome.report is None:
                failed += 1
                progress.error(error_line(outcome.path, outcome.error or "failed"))
            else:
                reports.append(outcome.report)
    return reports, failed


def prepare_out_dir(out_dir: str) -> None:
    """Create the output folder and prove it writable before any work starts."""
    path = Path(out_dir)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out_dir, f"cannot create output folder: {exc.strerror or exc}") from None
    if not path.is_dir():
        raise OutputError(out_dir, "output path exists and is not a folder")
    if not os.access(path, os.W_OK | os.X_OK):
        raise OutputError(out_dir, "output folder is not writable")
    # Temporary files of a run that was killed: never valid output, remove them.
    for stale in path.rglob(".*.part"):
        try:
            stale.unlink()
        except OSError:
            pass


def check_collisions(jobs: list[Job], settings: BatchSettings) -> None:
    if not settings.out_dir:
        return
    seen: dict[str, str] = {}
    for job in jobs:
        target = output_path(settings.out_dir, job, settings.suffix)
        if target in seen:
            raise OutputError(target, f"both {seen[target]} and {job.path} would be written here")
        seen[target] = job.path


def analyze_all(jobs: list[Job], settings: BatchSettings) -> Iterator[Outcome]:
    """Outcomes in input order, from a process pool when it helps.

    A worker that dies (killed, out of memory) fails its documents with a
    message instead of hanging the run, which `multiprocessing.Pool` would do.
    """
    workers = min(settings.jobs or os.cpu_count() or 1, len(jobs))
    if workers <= 1:
        init_worker(settings.worker_settings())
        for job in jobs:
            yield run_job(job)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(_start_method())
    executor = ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_init_pool_worker,
        initargs=(settings.worker_settings(),),
    )
    try:
        # Jobs travel in chunks: one pool round trip per document costs the
        # parent and the workers about as much as a small report's analysis.
        size = chunk_size(len(jobs), workers)
        chunks = (jobs[i : i + size] for i in range(0, len(jobs), size))
        # A bounded window of submitted chunks keeps memory flat for huge batches.
        window = workers * 4
        pending = deque()
        for chunk in itertools.islice(chunks, window):
            pending.append((chunk, _submit(executor, chunk)))
        while pending:
            chunk, future = pending.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                outcomes = [
                    Outcome(display_path(job.path), None, "worker process died (out of memory?)")
                    for job in chunk
                ]
            for extra in itertools.islice(chunks, 1):
                pending.append((extra, _submit(executor, extra)))
            yield from outcomes
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _start_method() -> str:
    """How to start pool workers.

    fork on Linux when this process has no other thread: the workers start
    with every module already imported, 0.15 s sooner than through a fork
    server. With a thread running (the progress bar's), forking could copy a
    held lock into a child, so a fork server starts them instead; Windows
    can only spawn, and macOS forks badly with system frameworks loaded.
    """
    if sys.platform == "win32":
        return "spawn"
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "forkserver"


def chunk_size(documents: int, workers: int) -> int:
    """Documents per pool task: up to 16, but at least eight tasks per worker."""
    return max(1, min(16, documents // (workers * 8)))


def _submit(executor, chunk: list[Job]):
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    try:
        return executor.submit(run_jobs, chunk)
    except BrokenProcessPool as exc:
        failed: Future = Future()
        failed.set_exception(exc)
        return failed


def _init_pool_worker(settings: dict) -> None:
    # Ctrl-C is the parent's to handle; SIGTERM removes this worker's temporary file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_term)
    forget_partial_files()
    init_worker(settings)


def _exit_on_term(signum, frame) -> None:  # noqa: ARG001
    # Exit at once: raising SystemExit instead could be caught by the pool's
    # result sending, which then blocks for ever on a pipe nobody reads.
    remove_partial_files()
    os._exit(128 + signum)


def write_outcomes(
    outcomes: Iterable[Outcome], settings: BatchSettings, tally: Tally, progress, single: bool
) -> None:
    from .files import AtomicFile

    if settings.out_dir:
        for outcome in outcomes:
            record(outcome, tally, progress)
        return
    if settings.output:
        target = AtomicFile(settings.output)
        with target as fh:
            stream(outcomes, settings, tally, progress, fh, single)
            # Nothing analyzed: keep whatever the file held before.
            target.discard = tally.failed == tally.documents
    else:
        stream(outcomes, settings, tally, progress, sys.stdout, single)
        sys.stdout.flush()


def record(outcome: Outcome, tally: Tally, progress) -> None:
    tally.add(outcome)
    if outcome.error is not None:
        progress.error(error_line(outcome.path, outcome.error))


def stream(outcomes, settings: BatchSettings, tally: Tally, progress, fh: IO[str], single: bool):
    from .render import CSV_FIELDS, render_document, render_table

    fmt = settings.fmt
    first = True
    if fmt == "csv":
        fh.write(",".join(CSV_FIELDS) + "\n")
    if fmt == "json" and not single:
        fh.write("[\n")
    for outcome in outcomes:
        record(outcome, tally, progress)
        if outcome.error is not None:
            continue
        if fmt == "table":
            render_table(outcome.report, table_console(fh))
            first = False
            continue
        # Workers render stream formats themselves; the parent only frames them.
        text = outcome.text if outcome.text is not None else render_document(outcome.report, fmt)
        if fmt == "yaml" and not single:
            text = "---\n" + text
        elif fmt == "json" and not single:
            text = ("" if first else ",\n") + text.rstrip("\n")
        fh.write(text)
        first = False
    if fmt == "json" and not single:
        fh.write("\n]\n" if not first else "]\n")


def table_console(fh: IO[str]):
    from rich.console import Console

    if fh is sys.stdout:
        return Console(soft_wrap=False)
    return Console(file=fh, width=120, color_system=None)


class _Quiet:
    """Progress stand-in when stderr is not a terminal."""

    def __enter__(self) -> _Quiet:
        return self

    def __exit__(self, *exc) -> None:
        return None

    def track(self, items):
        return items

    def error(self, line: str) -> None:
        print(line, file=sys.stderr, flush=True)


class _Bar(_Quiet):
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.console = Console(stderr=True)
        self.failures = 0
        self.started = time.monotonic()
        self.progress = Progress(
            TextColumn("extract"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} docs/s"),
            TextColumn("failed {task.fields[failed]}"),
            TimeRemainingColumn(),
            console=self.console,
            transient=True,
        )
        self.task = self.progress.add_task("extract", total=total, rate="-", failed=0)

    def __enter__(self) -> _Bar:
        self.progress.start()
        return self

    def __exit__(self, *exc) -> None:
        self.progress.stop()

    def track(self, items):
        for done, item in enumerate(items, start=1):
            rate = done / max(time.monotonic() - self.started, 1e-9)
            yield item
            self.progress.update(self.task, advance=1, rate=f"{rate:.1f}", failed=self.failures)

    def error(self, line: str) -> None:
        from rich.text import Text

        self.failures += 1
        self.console.print(Text(line), soft_wrap=True)


def progress_for(total: int, batch: bool):
    if batch and total > 1 and sys.stderr.isatty():
        return _Bar(total)
    return _Quiet()


def print_summary(tally: Tally, elapsed: float) -> None:
    items = ", ".join(f"{kind} {tally.items[kind]}" for kind in ITEM_KINDS)
    skipped = f", {tally.skipped} skipped (already written)" if tally.skipped else ""
    print(
        f"meetingdoc: {tally.documents} documents, {tally.failed} failed{skipped}; "
        f"{items}; {elapsed:.1f} s",
        file=sys.stderr,
    )
