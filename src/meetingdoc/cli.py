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
from .errors import EXIT_FAILED, EXIT_OUTPUT, MeetingdocError
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


@main.command(context_settings=CONTEXT_SETTINGS)
@click.argument("file", metavar="FILE")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["yaml", "json", "table"]),
    default="yaml",
    show_default=True,
    help="Output format: YAML or JSON for programs, table for people.",
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of standard output.")
@encoding_option
@dict_option
@handle_errors
def extract(file: str, fmt: str, output: str | None, encoding: str | None, user_dicts: tuple[str, ...]) -> None:
    """Extract the meeting, attendees, requirements, principles, targets and
    more from one report FILE (`-` reads standard input).

    \b
    Example:
        meetingdoc extract examples/changwu_simplified.txt
        meetingdoc extract --format json report.txt -o report.json
        cat report.txt | meetingdoc extract -
    """
    from .files import read_input, write_atomic
    from .pipeline import Pipeline
    from .render import render_json, render_table, render_yaml

    if encoding:
        from .decode import normalise_encoding_name

        try:
            normalise_encoding_name(encoding)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--encoding") from None
    pipeline = Pipeline(user_dicts)
    data = read_input(file)
    report = pipeline.analyze_bytes(data, path=file, encoding=encoding)
    if fmt == "table":
        from rich.console import Console

        if output:
            with open(output, "w", encoding="utf-8") as fh:
                render_table(report, Console(file=fh, width=120, color_system=None))
        else:
            render_table(report, Console(soft_wrap=False))
        return
    text = render_yaml(report.to_dict()) if fmt == "yaml" else render_json(report.to_dict())
    if output:
        write_atomic(output, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    main()
