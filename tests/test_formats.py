"""The same report as .txt, as a government-style web page (UTF-8 and GBK, with
navigation, info line and footer), as .docx and as a text-layer .pdf gives the
same attendees, requirements, principles and targets; and the bad-file cases
of real folders each end as one line, never a hang or a traceback."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time

import pytest
from conftest import EXAMPLES, letters
from test_readers import build_docx, build_html, build_pdf, example_docs

from meetingdoc.cli import main


def items(report) -> dict[str, list]:
    return {
        "attendees": [(a.name, list(a.titles)) for a in report.attendees],
        "requirements": [letters(r.text) for r in report.requirements],
        "principles": [letters(p.value) for p in report.principles],
        "targets": [letters(t.name) for t in report.targets],
    }


BUILDERS = {
    "page-utf8.html": lambda doc: build_html(doc, "county", "utf-8"),
    "page-gbk.html": lambda doc: build_html(doc, "county", "gbk"),
    "news-gbk.htm": lambda doc: build_html(doc, "news", "gbk"),
    "report.docx": build_docx,
    "report.pdf": build_pdf,
}


FORMAT_OF = {"html": "html", "htm": "html", "docx": "docx", "pdf": "pdf"}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("doc", example_docs(), ids=lambda d: d.name)
def test_same_items_in_every_format(pipeline, tmp_path, doc, kind):
    text_report = pipeline.analyze_bytes((EXAMPLES / f"{doc.name}.txt").read_bytes(), "r.txt")
    path = tmp_path / f"{doc.name}-{kind}"
    path.write_bytes(BUILDERS[kind](doc))
    report = pipeline.analyze_file(path.read_bytes(), path=str(path))
    assert report.source.format == FORMAT_OF[kind.rsplit(".", 1)[1]]
    assert items(report) == items(text_report)


def test_cli_reads_a_folder_of_mixed_formats(runner, tmp_path):
    doc = example_docs()[0]
    for name, build in BUILDERS.items():
        (tmp_path / name).write_bytes(build(doc))
    result = runner.invoke(main, ["extract", str(tmp_path), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 0, result.output
    formats = sorted(json.loads(line)["source"]["format"] for line in result.stdout.splitlines())
    assert formats == ["docx", "html", "html", "html", "pdf"]


def test_big_report_finishes(tmp_path):
    paragraph = (EXAMPLES / "changwu_simplified.txt").read_text(encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(paragraph * (20_000_000 // len(paragraph.encode())), encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "meetingdoc", "extract", "-f", "jsonl", str(big)],
        capture_output=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert json.loads(result.stdout)["source"]["chars"] > 5_000_000
    assert time.monotonic() - started < 900
    # peak RSS of the largest child: bounded, not a multiple of the whole file's tokens
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss < 1_000_000


def test_long_line_without_punctuation_finishes(pipeline):
    line = "全县推进乡村振兴高质量发展县长王明要求" * 250_000  # 5 M characters, one line
    started = time.monotonic()
    report = pipeline.analyze(line, path="line.txt")
    assert report.source.chars == len(line)
    assert time.monotonic() - started < 300


def test_escape_sequences_in_a_document_print_literally(runner, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "某县常务会议召开[bold]红字[/bold]\x1b[2J\n县长王明主持会议。会议要求，要\x1b]52;c;ZXZpbA==\x07抓好落实。\n",
        encoding="utf-8",
    )
    for fmt in ("table", "yaml", "json", "csv"):
        result = runner.invoke(main, ["extract", "-f", fmt, str(hostile)])
        assert result.exit_code == 0
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    table = runner.invoke(main, ["extract", "-f", "table", str(hostile)]).stdout
    assert "[bold]红字[/bold]" in table and "\\x1b[2J" in table
