"""Batch runs: find the inputs, analyze them in a process pool, keep their order.

Each worker process builds its `Pipeline` once (in the pool initializer),
takes jobs in chunks and sends back only what the parent needs: the counts
of a document it wrote to a file, the rendered text of a streamed one, or
the report itself for `stats` and tables. Results arrive in input order
whatever the number of workers, so `--jobs 1` and `--jobs N` write the same
bytes.

Known limitations: symlinked folders are followed once each (a loop is cut
where it closes); FIFOs, sockets and devices found inside folders are skipped
silently (named explicitly, they are an error).
"""

from __future__ import annotations

import fnmatch
import glob
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import MeetingdocError
from .model import Report
from .readers import FORMATS

# Every format the readers know.
DEFAULT_PATTERNS = tuple(f"*{suffix}" for suffix in FORMATS)


@dataclass(frozen=True)
class Job:
    path: str  # as the user will see it
    relative: str  # path below the folder it was found in, for --out mirroring


# The kinds of extracted items the summary line counts.
ITEM_KINDS = ("attendees", "reporters", "requirements", "principles", "targets", "documents")


@dataclass(frozen=True)
class Outcome:
    path: str
    # None on failure, and when the worker wrote it to a file or rendered it
    # (`text`): the parent then needs only the counts, and not shipping the
    # whole report saves the pool a pickle round trip per document.
    report: Report | None
    error: str | None = None  # one-line reason
    written: str | None = None  # output file written by the worker
    items: tuple[int, ...] = ()  # how many of each ITEM_KINDS
    text: str | None = None  # the document rendered for a stream, instead of the report


def display_path(path: str) -> str:
    """A path that can always be printed: undecodable bytes become \\xNN."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def find_inputs(
    args: tuple[str, ...], patterns: tuple[str, ...]
) -> Iterator[Job | MeetingdocError]:
    """Jobs for files, folders (recursive, sorted) and globs; errors for bad arguments."""
    for arg in args:
        if arg == "-":
            yield Job("-", "stdin")
            continue
        if not os.path.lexists(arg) and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                yield MeetingdocError(arg, "no file matches this pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk_or_complain(match, patterns)
                else:
                    yield Job(match, os.path.basename(match))
            continue
        if os.path.isdir(arg):
            yield from _walk_or_complain(arg, patterns)
        else:
            yield Job(arg, os.path.basename(arg))


def _walk_or_complain(top: str, patterns: tuple[str, ...]) -> Iterator[Job | MeetingdocError]:
    found = False
    for job in _walk(top, patterns):
        found = True
        yield job
    if not found:
        yield MeetingdocError(
            top, f"no files to read in this folder (patterns: {' '.join(patterns)})"
        )


def _walk(top: str, patterns: tuple[str, ...]) -> Iterator[Job]:
    seen: set[tuple[int, int]] = set()

    def visit(folder: str) -> Iterator[Job]:
        try:
            st = os.stat(folder)
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop, or a folder reached twice
            return
        seen.add(key)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            path = os.path.join(folder, entry.name)
            try:
                mode = os.stat(path).st_mode
            except OSError:
                continue  # broken link, or a loop the OS refuses to resolve
            if stat.S_ISDIR(mode):
                yield from visit(path)
            elif stat.S_ISREG(mode) and any(fnmatch.fnmatch(entry.name, p) for p in patterns):
                yield Job(path, os.path.relpath(path, top))

    yield from visit(top)


def output_path(out_dir: str, job: Job, suffix: str) -> str:
    relative = Path(job.relative)
    return str(Path(out_dir) / relative.with_name(relative.stem + suffix))


# -- worker side -------------------------------------------------------------

_worker_pipeline = None
_worker_settings: dict = {}


def init_worker(settings: dict) -> None:
    """Pool initializer: build this process's pipeline once."""
    global _worker_pipeline, _worker_settings
    from .pipeline import Pipeline

    _worker_settings = settings
    _worker_pipeline = Pipeline(tuple(settings.get("user_dicts", ())))


def run_jobs(jobs: list[Job]) -> list[Outcome]:
    """A chunk of jobs, in order: one pool task."""
    return [run_job(job) for job in jobs]


def run_job(job: Job) -> Outcome:
    """Analyze one input; write it when an output folder is set."""
    from .files import read_input, write_atomic
    from .render import render_document

    settings = _worker_settings
    shown = display_path(job.path)
    try:
        data = read_input(job.path)
        report = _worker_pipeline.analyze_file(data, path=shown, encoding=settings.get("encoding"))
        items = tuple(len(getattr(report, kind)) for kind in ITEM_KINDS)
        if settings.get("out_dir"):
            suffix = settings["suffix"]
            written = output_path(settings["out_dir"], job, suffix)
            write_atomic(written, render_document(report, "json" if suffix == ".json" else "yaml"))
            return Outcome(shown, None, None, written, items)
        if settings.get("render"):
            return Outcome(
                shown, None, None, None, items, render_document(report, settings["render"])
            )
        return Outcome(shown, report, None, None, items)
    except MeetingdocError as exc:
        return Outcome(shown, None, exc.reason)
    except RecursionError:
        return Outcome(shown, None, "document too deeply nested to analyze")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a batch
        return Outcome(shown, None, f"internal error: {type(exc).__name__}: {exc}")
