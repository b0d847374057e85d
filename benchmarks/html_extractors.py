"""Measure HTML article extractors on government-style pages built from examples/*.txt.

Usage: .venv/bin/python benchmarks/html_extractors.py [--repeat N]

Each example report is wrapped in three page layouts (county portal, old table-based news site,
HTML5 article page; builders in tests/test_readers.py) and encoded as UTF-8 and GBK: 4 x 3 x 2 =
24 pages. For every candidate we report, averaged over the pages:

* ratio   difflib ratio between the expected body and the extracted text (whitespace and
          punctuation width ignored), 1.000 = exact;
* exact   share of body paragraphs that come back as exactly one output line;
* lost    body paragraphs missing from the output (summed over all pages);
* leaked  furniture strings (nav, 来源/浏览次数, 分享到, 打印本页, 备案号 ...) in the output
          (summed over all pages);
* ms      milliseconds per page (bytes in, text out; best of --repeat runs).

`--pdf` compares pdfminer.six and pypdf on PDFs built with reportlab (raw = all text,
order = after removing the running header and page numbers, exact = lines that are exactly one
expected paragraph). Candidates that are not installed are skipped. `meetingdoc` is the reader that ships
(src/meetingdoc/readers/html.py); it is measured on the full expected output (headline, date
line, body) as well.
"""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("_pages", ROOT / "tests" / "test_readers.py")
assert _spec and _spec.loader
pages = importlib.util.module_from_spec(_spec)
sys.modules["_pages"] = pages
_spec.loader.exec_module(pages)

Extractor = Callable[[bytes], str]


def _decoded(data: bytes) -> str:
    from meetingdoc.readers.html import decode_html

    return decode_html(data, "page.html")[0]


def trafilatura_default(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(_decoded(data), include_comments=False, include_tables=True) or ""


def trafilatura_precision(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(_decoded(data), include_comments=False, favor_precision=True) or ""


def trafilatura_recall(data: bytes) -> str:
    import trafilatura

    return trafilatura.extract(_decoded(data), include_comments=False, favor_recall=True) or ""


def trafilatura_rules(data: bytes) -> str:
    """trafilatura for the body, its metadata for headline/date, our furniture filter."""
    import trafilatura

    from meetingdoc.readers.html import is_furniture

    doc = trafilatura.bare_extraction(_decoded(data), include_comments=False, with_metadata=True)
    if doc is None:
        return ""
    lines = [doc.title or ""] + ([f"发布时间：{doc.date}"] if doc.date else [])
    body = [ln.strip(" |") for ln in (doc.text or "").splitlines()]
    return "\n".join(lines + [ln for ln in body if ln and not is_furniture(ln)])


def _blocks_lxml(root) -> str:
    """Text of an lxml tree, one line per block element or <br>."""
    from lxml import etree

    blocks = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "td", "tr", "table", "section"}
    out: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag in blocks:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                out.append(child.tail)
        if el.tag in blocks:
            out.append("\n")

    walk(root)
    del etree
    return "\n".join(line.strip() for line in "".join(out).splitlines() if line.strip())


def readability(data: bytes) -> str:
    import lxml.html
    from readability import Document

    summary = Document(_decoded(data)).summary(html_partial=True)
    return _blocks_lxml(lxml.html.fromstring(summary))


def justext_plain(data: bytes) -> str:
    import justext

    # jusText has no Chinese stop-list; with an empty one every paragraph is judged on length and
    # link density only (stopwords thresholds 0).
    paras = justext.justext(
        _decoded(data), frozenset(), stopwords_low=0, stopwords_high=0, length_low=10
    )
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def meetingdoc_reader(data: bytes) -> str:
    from meetingdoc.readers import read_text

    return read_text(data, "page.html", "html")[0]


CANDIDATES: dict[str, Extractor] = {
    "trafilatura": trafilatura_default,
    "trafilatura(precision)": trafilatura_precision,
    "trafilatura(recall)": trafilatura_recall,
    "trafilatura+rules": trafilatura_rules,
    "readability-lxml": readability,
    "justext(no stoplist)": justext_plain,
    "meetingdoc (selectolax+rules)": meetingdoc_reader,
}


def _norm_lines(text: str) -> list[str]:
    return pages.norm_lines(text)


def score(doc, got: str, full: bool = False) -> tuple[float, float, int, int]:
    expected = list(doc.expected) if full else list(doc.body)
    want = [pages.norm(p) for p in expected]
    lines = _norm_lines(got)
    if not full:  # judge the body only: drop the headline and the date line if present
        lines = [ln for ln in lines if ln not in (pages.norm(doc.headline),)]
        lines = [ln for ln in lines if not re.fullmatch(r"发布时间:\d{4}-\d{2}-\d{2}", ln)]
    joined = "".join(lines)
    ratio = difflib.SequenceMatcher(None, "".join(want), joined, autojunk=False).ratio()
    exact = sum(w in lines for w in want) / len(want)
    lost = sum(w not in joined for w in want)
    source = "".join(expected)
    leaked = sum(1 for word in pages.leaked(got) if word not in source)
    return ratio, exact, lost, leaked


def measure(repeat: int) -> list[tuple[str, float, float, int, int, float, float]]:
    docs = pages.example_docs()
    built = [
        (doc, pages.build_html(doc, template, encoding))
        for doc in docs
        for template in pages.TEMPLATES
        for encoding in pages.CHARSETS
    ]
    rows = []
    for name, fn in CANDIDATES.items():
        try:
            fn(built[0][1])
        except ImportError as exc:
            print(f"skip {name}: {exc}", file=sys.stderr)
            continue
        best = float("inf")
        outputs: list[str] = []
        for _ in range(repeat):
            start = time.perf_counter()
            outputs = [fn(data) for _, data in built]
            best = min(best, time.perf_counter() - start)
        scores = [score(doc, out) for (doc, _), out in zip(built, outputs, strict=True)]
        full = [score(doc, out, full=True)[0] for (doc, _), out in zip(built, outputs, strict=True)]
        n = len(scores)
        rows.append(
            (
                name,
                sum(s[0] for s in scores) / n,
                sum(s[1] for s in scores) / n,
                sum(s[2] for s in scores),
                sum(s[3] for s in scores),
                sum(full) / n,
                best / n * 1000,
            )
        )
    return rows


def measure_pdf() -> None:
    """pdfminer.six vs pypdf on text-layer PDFs built from the examples (16pt and 10.5pt)."""
    import io

    def pdfminer_raw(data: bytes) -> str:
        from pdfminer.high_level import extract_text

        return extract_text(io.BytesIO(data))

    def pypdf_raw(data: bytes) -> str:
        import pypdf

        return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages)

    furniture = re.compile(rf"^(?:{pages.PDF_HEADER}|-\s*\d+\s*-)$")
    built = [(d, pages.build_pdf(d, size)) for d in pages.example_docs() for size in (16, 10.5)]
    print(f"{len(built)} PDFs; ratio = difflib vs headline+date+body, furniture lines removed")
    print(f"{'extractor':24} {'raw':>6} {'order':>6} {'exact':>6} {'ms':>7}")
    for name, fn in (
        ("pdfminer.six (raw)", pdfminer_raw),
        ("pypdf (raw)", pypdf_raw),
        ("meetingdoc (pdfminer)", lambda data: _read(data, "x.pdf", "pdf")),
    ):
        raw = order = exact = 0.0
        start = time.perf_counter()
        outputs = [fn(data) for _, data in built]
        ms = (time.perf_counter() - start) / len(built) * 1000
        for (doc, _), out in zip(built, outputs, strict=True):
            want = "".join(pages.norm(x) for x in doc.expected)
            lines = [ln for ln in out.splitlines() if ln.strip()]
            kept = "".join(pages.norm(ln) for ln in lines if not furniture.match(ln.strip()))
            raw += difflib.SequenceMatcher(None, want, pages.norm(out), autojunk=False).ratio()
            order += difflib.SequenceMatcher(None, want, kept, autojunk=False).ratio()
            got = [pages.norm(ln) for ln in lines]
            exact += sum(pages.norm(x) in got for x in doc.expected) / len(doc.expected)
        n = len(built)
        print(f"{name:24} {raw / n:6.3f} {order / n:6.3f} {exact / n:6.3f} {ms:7.1f}")


def _read(data: bytes, path: str, fmt: str) -> str:
    from meetingdoc.readers import read_text

    return read_text(data, path, fmt)[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--show", metavar="CANDIDATE", help="print that candidate's outputs")
    parser.add_argument("--pdf", action="store_true", help="compare PDF text extractors instead")
    args = parser.parse_args()
    if args.pdf:
        measure_pdf()
        return
    if args.show:
        fn = CANDIDATES[args.show]
        for doc in pages.example_docs():
            for template in pages.TEMPLATES:
                data = pages.build_html(doc, template, "gbk")
                print(f"===== {doc.name} / {template}\n{fn(data)}")
        return
    rows = measure(args.repeat)
    pages_n = len(pages.example_docs()) * len(pages.TEMPLATES) * len(pages.CHARSETS)
    print(f"{pages_n} pages; body scores unless noted; lost/leaked summed over all pages")
    head = f"{'candidate':32} {'ratio':>6} {'exact':>6} {'lost':>5} {'leaked':>6} {'full':>6} {'ms':>7}"
    print(head)
    print("-" * len(head))
    for name, ratio, exact, lost, leaked, full, ms in rows:
        print(f"{name:32} {ratio:6.3f} {exact:6.3f} {lost:5d} {leaked:6d} {full:6.3f} {ms:7.2f}")


if __name__ == "__main__":
    main()
