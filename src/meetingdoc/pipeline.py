"""The pure core: text or bytes in, a `Report` out.

    >>> from meetingdoc import analyze
    >>> report = analyze("某县召开常务会议\\n县长张三主持会议。会议要求，要抓好安全生产。")
    >>> [a.name for a in report.attendees]
    ['张三']

A `Pipeline` holds the heavy, lazily built stages (OpenCC converter, jieba
tokenizer); it keeps no per-document state, so one instance serves every
document of a process and it pickles (only its settings travel) for process
pools and Dask. `analyze()` uses one shared default pipeline per process.
"""

from __future__ import annotations

from dataclasses import replace

from .clean import clean
from .convert import Converter
from .decode import Decoded, decode_bytes
from .extract import Context
from .extract.attendees import extract_attendees, extract_reporters
from .extract.documents import extract_documents
from .extract.fusion import resolve_issuers
from .extract.meeting import extract_meeting
from .extract.principles import extract_principles
from .extract.requirements import extract_requirements
from .extract.targets import extract_targets
from .model import Report, Source, Term, Warning
from .readers import format_for, read_text
from .segment import Segmenter


class Pipeline:
    """decode -> clean -> convert -> segment -> extract."""

    def __init__(self, user_dictionaries: tuple[str, ...] = ()) -> None:
        self.converter = Converter()
        self.segmenter = Segmenter(tuple(user_dictionaries))

    def analyze_bytes(self, data: bytes, path: str = "-", encoding: str | None = None) -> Report:
        """Analyze a plain-text file's bytes (encoding detected unless given)."""
        decoded = decode_bytes(data, path, encoding)
        return self.analyze_decoded(decoded, path)

    def analyze_file(self, data: bytes, path: str = "-", encoding: str | None = None) -> Report:
        """Analyze a file's bytes in the format its name says (.txt, .html, .docx, .pdf)."""
        fmt = "text" if path == "-" else format_for(path)
        if fmt == "text":
            return self.analyze_bytes(data, path, encoding)
        text, used = read_text(data, path, fmt, encoding)
        return self.analyze(text, path=path, encoding=used, fmt=fmt)

    def analyze_decoded(self, decoded: Decoded, path: str = "-", fmt: str = "text") -> Report:
        report = self.analyze(decoded.text, path=path, encoding=decoded.encoding, fmt=fmt)
        if decoded.truncated:
            end = len(decoded.text)
            warning = Warning(
                "truncated-utf8", (end - 1, end), "file ends in the middle of a UTF-8 character"
            )
            report = replace(report, warnings=report.warnings + (warning,))
        return report

    def analyze(
        self, text: str, path: str = "-", encoding: str = "utf-8", fmt: str = "text"
    ) -> Report:
        cleaned = clean(text)
        script = self.converter.script(cleaned.text.text)
        mapped = cleaned.text
        to_simplified = _identity
        if script != "simplified":
            mapped = self.converter.to_simplified(mapped)
            to_simplified = self.converter.convert_string
        ctx = Context(mapped=mapped, original=text, to_simplified=to_simplified)
        meeting = extract_meeting(ctx)
        attendees = extract_attendees(ctx)
        return Report(
            source=Source(path=path, encoding=encoding, script=script, chars=len(text), format=fmt),
            meeting=meeting,
            attendees=attendees,
            reporters=extract_reporters(ctx),
            requirements=resolve_issuers(extract_requirements(ctx), attendees),
            principles=extract_principles(ctx),
            targets=extract_targets(ctx),
            documents=extract_documents(ctx),
            terms=tuple(Term(t, n) for t, n in self.segmenter.count_terms(mapped.text)),
            warnings=cleaned.warnings,
        )


def _identity(text: str) -> str:
    return text


_default: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def analyze(text: str, path: str = "-") -> Report:
    """Analyze one decoded report with the process's default pipeline."""
    return default_pipeline().analyze(text, path=path)
