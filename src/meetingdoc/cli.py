"""The `meetingdoc` command line: parses options, calls the library, renders.

Every error a user can cause ends as one line `meetingdoc: PATH: reason` on
stderr with the exit code documented in README.md, never a traceback.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import EXIT_FAILED, MeetingdocError
from .render import safe_text

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def fail(error: MeetingdocError) -> None:
    """Print one line for an error; the caller decides whether to stop."""
    click.echo(f"meetingdoc: {safe_text(error.path)}: {safe_text(error.reason)}", err=True)


def handle_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn MeetingdocError into its one-line message and exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MeetingdocError as exc:
            fail(exc)
            sys.exit(exc.exit_code)
        except BrokenPipeError:
            _quiet_broken_pipe()

    return wrapper


def _quiet_broken_pipe() -> None:
    # The reader went away (`… | head`): stop quietly, as other Unix tools do.
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
    sys.exit(0)


def encoding_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--encoding",
        metavar="NAME",
        help="Force the input encoding (utf-8, gb18030, big5, utf-16 …) instead of detecting it.",
    )(func)


def dict_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--dict",
        "user_dicts",
        multiple=True,
        metavar="FILE",
        help="Add a user dictionary in jieba's 'word [freq] [tag]' format (repeatable).",
    )(func)


@click.group(context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "-V", "--version", prog_name="meetingdoc")
def main() -> None:
    """Analyze Chinese government meeting reports: who met, what was required,
    on which principles, towards which targets.

    \b
    Example:
        meetingdoc extract report.txt
        meetingdoc extract --format table report.txt
    """


def jobs_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(min=1),
        default=None,
        metavar="N",
        help="Worker processes for many inputs (default: the number of cores).",
    )(func)


def pattern_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--pattern",
        "patterns",
        multiple=True,
        metavar="GLOB",
        help="Which files to take from folders (repeatable; default: every format read).",
    )(func)


@main.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "jsonl", "csv", "table"]),
    default="yaml",
    show_default=True,
    help="yaml/json: the report object; jsonl: one object per line; csv: one row per "
    "item; table: for people.",
)
@click.option("-o", "--output", metavar="FILE", help="Write everything to FILE instead of stdout.")
@click.option(
    "--out",
    "out_dir",
    metavar="DIR",
    help="Write one .yaml (.json with --format json) per input into DIR, mirroring folders.",
)
@pattern_option
@jobs_option
@click.option("--skip-existing", is_flag=True, help="With --out: skip inputs already written.")
@encoding_option
@dict_option
@handle_errors
def extract(
    inputs: tuple[str, ...],
    fmt: str,
    output: str | None,
    out_dir: str | None,
    patterns: tuple[str, ...],
    jobs: int | None,
    skip_existing: bool,
    encoding: str | None,
    user_dicts: tuple[str, ...],
) -> None:
    """Extract the meeting, attendees, requirements, principles, targets and
    more from reports. INPUT is a file, a folder (read recursively), a glob,
    or `-` for standard input.

    \b
    Example:
        meetingdoc extract examples/changwu_simplified.txt
        meetingdoc extract --format table report.txt
        cat report.txt | meetingdoc extract --format json -
        meetingdoc extract reports/ --out results/ --jobs 2
        meetingdoc extract 'crawl/**/*.html' --format jsonl > all.jsonl
    """
    from .runner import BatchSettings, run_extract

    if encoding:
        from .decode import normalise_encoding_name

        try:
            normalise_encoding_name(encoding)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--encoding") from None
    if out_dir and output:
        raise click.UsageError("use either -o FILE or --out DIR, not both")
    if out_dir and fmt not in ("yaml", "json"):
        raise click.UsageError("--out writes .yaml or .json files; use --format yaml or json")
    if skip_existing and not out_dir:
        raise click.UsageError("--skip-existing needs --out DIR")
    settings = BatchSettings(
        fmt=fmt,
        output=output,
        out_dir=out_dir,
        patterns=patterns,
        jobs=jobs,
        skip_existing=skip_existing,
        encoding=encoding,
        user_dicts=user_dicts,
        render_in_workers=True,
    )
    sys.exit(run_extract(inputs, settings))


@main.command("eval", context_settings=CONTEXT_SETTINGS)
@click.argument("corpus", type=click.Path(exists=True, file_okay=False))
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option("--misses", is_flag=True, help="List every miss and extra with its file.")
@dict_option
@handle_errors
def eval_command(corpus: str, fmt: str, misses: bool, user_dicts: tuple[str, ...]) -> None:
    """Grade meetingdoc against your own gold annotations: CORPUS holds
    NAME.txt + NAME.gold.yaml pairs (SPEC format). Prints per-field
    precision, recall and F1, the same numbers as shared/tools/score.py.

    \b
    Example:
        meetingdoc eval examples/
        meetingdoc eval annotated/ --format json --misses
    """
    from pathlib import Path

    from .evaluate import FIELDS, evaluate
    from .files import read_input
    from .pipeline import Pipeline
    from .render import render_json

    pipeline = Pipeline(user_dicts)

    def analyze(path: Path) -> dict:
        return pipeline.analyze_file(read_input(str(path)), path=str(path)).to_dict()

    result = evaluate(Path(corpus), analyze)
    scores = result.scores()
    if fmt == "json":
        if misses:
            scores["misses"] = [{"document": d, "what": w, "text": t} for d, w, t in result.misses]
        sys.stdout.write(render_json(scores))
    else:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        console = Console()
        table = Table(
            title=f"meetingdoc eval: {safe_text(corpus)} ({scores['documents']} documents)"
        )
        for column in ("field", "P", "R", "F1", "gold", "pred"):
            table.add_column(column, justify="left" if column == "field" else "right")
        for kind in FIELDS:
            s = scores[kind]
            table.add_row(
                kind,
                *(f"{s[k]:.3f}" for k in ("precision", "recall", "f1")),
                str(s["gold"]),
                str(s["predicted"]),
            )
        for key in ("attendee_titles", "date", "title"):
            s = scores[key]
            acc = "n/a" if s["accuracy"] is None else f"{s['accuracy']:.3f}"
            table.add_row(key, "", "", acc, str(s["n"]), "")
        console.print(table)
        console.print(
            Text(
                f"macro F1 (attendees, requirements, principles, targets): {scores['macro_f1']:.3f}"
            )
        )
        if misses:
            for document, what, text in result.misses:
                console.print(Text(f"  {safe_text(document)} {what}: {safe_text(text)}"))
    for line in scores["failed"]:
        click.echo(f"meetingdoc: {safe_text(line)}", err=True)
    sys.exit(EXIT_FAILED if scores["failed"] else 0)


@main.command(context_settings=CONTEXT_SETTINGS)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)
@click.option("-n", "--top", default=15, show_default=True, metavar="N", help="Rows per table.")
@pattern_option
@jobs_option
@encoding_option
@dict_option
@handle_errors
def stats(
    inputs: tuple[str, ...],
    fmt: str,
    top: int,
    patterns: tuple[str, ...],
    jobs: int | None,
    encoding: str | None,
    user_dicts: tuple[str, ...],
) -> None:
    """Statistics across reports: who attends most (with the titles seen),
    the most frequent policy terms, principles and targets, and requirements
    counted by their leading action verb.

    \b
    Example:
        meetingdoc stats reports/
        meetingdoc stats --format json --top 30 'county/**/*.txt'
    """
    from .render import render_json
    from .runner import BatchSettings, collect_reports
    from .stats import collect

    settings = BatchSettings(patterns=patterns, jobs=jobs, encoding=encoding, user_dicts=user_dicts)
    reports, failed = collect_reports(inputs, settings)
    summary = collect(reports).top(top)
    if fmt == "json":
        sys.stdout.write(render_json(summary))
    else:
        from .render import render_stats

        render_stats(summary)
    sys.exit(EXIT_FAILED if failed else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
