"""Render reports: YAML (default), JSON, JSON lines, CSV rows, and rich tables.

YAML and JSON carry the same object: `yaml.safe_load(render_yaml(r)) ==
json.loads(render_json(r))`. Strings that other YAML readers would take for
booleans, nulls or numbers (`no`, `on`, `null`, `1e3`) are always quoted.
No output can smuggle terminal escape sequences: control characters are
escaped in YAML and JSON and shown as visible `\\xNN` text in tables, and
document text is never read as rich markup.
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any

import yaml

from . import yamlout
from .model import Report
from .yamlout import AMBIGUOUS

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# libyaml's emitter writes the same bytes as PyYAML's, four times faster.
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "'" if AMBIGUOUS.match(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_list(dumper: yaml.SafeDumper, value: list) -> yaml.Node:
    flow = all(isinstance(v, (int, str)) and not isinstance(v, bool) for v in value)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=flow)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(list, _represent_list)


def render_yaml(data: dict[str, Any] | list[dict[str, Any]]) -> str:
    """YAML text; the direct writer when it can, PyYAML (same bytes) when not."""
    try:
        return yamlout.dump(data)
    except yamlout.Unsupported:
        return pyyaml_dump(data)


def pyyaml_dump(data: Any) -> str:
    return yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100000,
    )


def _escape_json_controls(text: str) -> str:
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def render_json(data: dict[str, Any] | list[dict[str, Any]], indent: int | None = 2) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=indent)
    return _escape_json_controls(text) + "\n"


def render_jsonl_line(data: dict[str, Any]) -> str:
    return render_json(data, indent=None)


# Formats a stream writes document by document (tables are drawn by the parent).
STREAM_FORMATS = ("yaml", "json", "jsonl", "csv")


def render_document(report: Report, fmt: str) -> str:
    """One report as a stream writes it: YAML or JSON document, JSON line, CSV rows."""
    if fmt == "csv":
        return render_csv([report], header=False)
    data = report.to_dict()
    if fmt == "jsonl":
        return render_jsonl_line(data)
    if fmt == "yaml":
        return render_yaml(data)
    return render_json(data)


CSV_FIELDS = (
    "document",
    "kind",
    "text",
    "span_start",
    "span_end",
    "name",
    "titles",
    "roles",
    "issuer",
    "subject",
    "section",
    "principle_kind",
    "value",
    "items",
    "target_kind",
)


def csv_rows(report: Report) -> list[dict[str, Any]]:
    """One row per extracted item."""
    doc = report.source.path
    rows = []

    def row(kind: str, text: str, span: tuple[int, int], **extra: Any) -> None:
        base = dict.fromkeys(CSV_FIELDS, "")
        base.update(document=doc, kind=kind, text=text, span_start=span[0], span_end=span[1])
        base.update(
            {k: "、".join(v) if isinstance(v, tuple) else (v or "") for k, v in extra.items()}
        )
        rows.append(base)

    for a in report.attendees:
        row("attendee", a.name, a.span, name=a.name, titles=a.titles, roles=a.roles)
    for r in report.reporters:
        row("reporter", r.name, r.span, name=r.name)
    for q in report.requirements:
        row("requirement", q.text, q.span, issuer=q.issuer, subject=q.subject, section=q.section)
    for p in report.principles:
        row("principle", p.text, p.span, principle_kind=p.kind, value=p.value, items=p.items)
    for t in report.targets:
        row("target", t.text, t.span, name=t.name, target_kind=t.kind)
    for d in report.documents:
        row("document", d.title, d.span)
    for w in report.warnings:
        row("warning", w.text, w.span, name=w.kind)
    return rows


def render_csv(reports: list[Report], header: bool = True) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
    if header:
        writer.writeheader()
    for report in reports:
        for r in csv_rows(report):
            writer.writerow({k: _CONTROL.sub(_visible, str(v)) for k, v in r.items()})
    return out.getvalue()


def _visible(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}"


def safe_text(text: Any) -> str:
    """Text for a terminal: control and bidi characters shown as escapes."""
    return _CONTROL.sub(_visible, "" if text is None else str(text))


def render_table(report: Report, console) -> None:
    """Rich output for people: a meeting panel, then one table per kind of item."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    m = report.meeting
    lines = Text()
    for label, value in (
        ("title", m.title),
        ("name", m.name),
        ("kind", m.kind),
        ("date", m.date),
        ("time", m.time_of_day),
        ("location", m.location),
        (
            "source",
            f"{report.source.path} ({report.source.encoding}, "
            f"{report.source.script}, {report.source.chars} chars)",
        ),
    ):
        if value:
            lines.append(f"{label:>9}  ", style="bold")
            lines.append(safe_text(value))
            lines.append("\n")
    lines.rstrip()
    console.print(Panel(lines if lines.plain else Text("(no meeting found)"), title="meeting"))

    def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
        if not rows:
            return
        t = Table(title=f"{title} ({len(rows)})", show_lines=False, expand=True)
        for c in columns:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*(Text(safe_text(v)) for v in r))
        console.print(t)

    table(
        "attendees",
        ["name", "titles", "roles"],
        [[a.name, "、".join(a.titles), "、".join(a.roles)] for a in report.attendees],
    )
    table(
        "requirements", ["issuer", "requirement"], [[q.issuer, q.text] for q in report.requirements]
    )
    table("principles", ["kind", "value"], [[p.kind, p.value] for p in report.principles])
    table("targets", ["kind", "target"], [[t.kind, t.name] for t in report.targets])
    table("documents", ["action", "document"], [[d.action, d.title] for d in report.documents])
    table("reporters", ["name"], [[r.name] for r in report.reporters])
    table(
        "warnings",
        ["kind", "span", "text"],
        [[w.kind, f"{w.span[0]}-{w.span[1]}", w.text] for w in report.warnings],
    )


def render_stats(summary: dict, console=None) -> None:
    """`meetingdoc stats` as rich tables."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = console or Console()
    console.print(Text(f"{summary['documents']} reports"))
    sections = (
        (
            "attendees",
            "who attends most",
            ("name", "reports", "titles"),
            lambda r: (r["name"], r["reports"], "、".join(r["titles"])),
        ),
        ("terms", "policy terms", ("term", "count"), lambda r: (r["term"], r["count"])),
        (
            "principles",
            "principles",
            ("principle", "reports"),
            lambda r: (r["value"], r["reports"]),
        ),
        ("targets", "targets", ("target", "reports"), lambda r: (r["name"], r["reports"])),
        (
            "actions",
            "requirements by leading action",
            ("action", "requirements"),
            lambda r: (r["action"], r["requirements"]),
        ),
    )
    for key, title, columns, row in sections:
        if not summary[key]:
            continue
        table = Table(title=title, expand=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in summary[key]:
            table.add_row(*(Text(safe_text(v)) for v in row(r)))
        console.print(table)
