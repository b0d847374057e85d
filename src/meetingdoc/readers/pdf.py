"""PDF with a text layer -> headline and paragraphs (pdfminer.six).

pdfminer.six lays out each page (text boxes in reading order, lines top to bottom) and gives
every line its geometry (x0/x1/top, glyph size), which the paragraph and header/footer rules
below need. Measured against pypdf on PDFs built from the examples (benchmarks/
html_extractors.py --pdf) both return the body in the same order; pypdf is ~3x faster but returns
content-stream order (a footer drawn first comes out before the body) and no per-line geometry.

Lines are joined into paragraphs without inserting spaces between Chinese characters (a space
is kept only between two Latin letters/digits). A line starts a new paragraph when the font size
changes, when it is indented further than the previous line (首行缩进), when the previous line
stops short of the right margin, or after a vertical gap of more than 1.6 line pitches; lines of a
large-font headline are kept together. Page headers/footers are dropped: among the two top and
two bottom lines of each page, lines repeated (digits ignored) on at least half of the pages
(two at least) and page numbers (`- 3 -`, `第3页`, `第3页 共10页`, `3/10`, `Page 3`).
Spaces pdfminer infers from glyph gaps are dropped next to CJK characters.

Errors: not a PDF / damaged -> "not a valid PDF file (...)"; a password is needed -> "encrypted
PDF (a password is required)"; no text at all -> "no text layer (scanned PDF?); OCR is not
supported"; fonts without a Unicode map (pdfminer's `(cid:N)`) -> "no usable text layer ...".

pdfminer's own WARNING log messages (damaged xref tables, bad font boxes) are silenced by raising
the `pdfminer` logger to ERROR unless the application configured that logger itself.

Known limitations: a running header on a one-page document cannot be told from text and stays;
multi-column layouts rely on pdfminer's box order; a paragraph whose last line
happens to fill the whole line joins the next one when that one is not indented; tables come out
one cell per line; footnotes stay in the text; documents over MAX_PAGES pages are rejected, and
a malicious PDF can still make pdfminer slow (no time limit is enforced here).
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from statistics import median

from ..errors import InputError

MAX_PAGES = 500
_CJK = r"\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_IS_CJK = re.compile(f"[{_CJK}]")
_LEADING_TOKEN = re.compile(f"[^\\s{_CJK}]+")
_CID = re.compile(r"\(cid:\d+\)")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－_~·•\s]*\d{1,4}[-—–－_~·•\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*[/／]\s*\d{1,4}"
    r"|page\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)


@dataclass
class _Line:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float  # median glyph size
    page: int


def read_pdf(data: bytes, path: str) -> tuple[str, str]:
    """(plain text, "pdf"); InputError for damaged, encrypted or image-only PDFs."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise InputError(path, "not a valid PDF file (no %PDF header)")
    pages = _pages(data, path)
    chars = sum(len(line.text.strip()) for page in pages for line in page)
    if chars == 0:
        raise InputError(path, "no text layer (scanned PDF?); OCR is not supported")
    cids = sum(len(m) for page in pages for line in page for m in _CID.findall(line.text))
    if cids > 0.3 * chars:
        raise InputError(
            path, "no usable text layer (fonts without a Unicode map); OCR is not supported"
        )
    lines = _drop_page_furniture(pages)
    paragraphs = _paragraphs(lines)
    if not paragraphs:
        raise InputError(path, "no text layer (scanned PDF?); OCR is not supported")
    return "\n".join(paragraphs), "pdf"


def _pages(data: bytes, path: str) -> list[list[_Line]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    miner_log = logging.getLogger("pdfminer")
    if miner_log.level == logging.NOTSET:  # damaged files make pdfminer log WARNINGs to stderr
        miner_log.setLevel(logging.ERROR)
    pages: list[list[_Line]] = []
    try:
        layouts = extract_pages(io.BytesIO(data), laparams=LAParams(), maxpages=MAX_PAGES + 1)
        for number, layout in enumerate(layouts):
            if number >= MAX_PAGES:
                raise InputError(path, f"PDF has more than {MAX_PAGES} pages")
            pages.append(_page_lines(layout, number))
    except InputError:
        raise
    except PDFPasswordIncorrect:
        raise InputError(path, "encrypted PDF (a password is required)") from None
    except PDFEncryptionError as exc:
        raise InputError(path, f"encrypted PDF ({_short(exc)})") from None
    except MemoryError:
        raise InputError(path, "PDF too large to read") from None
    except RecursionError:
        raise InputError(path, "not a valid PDF file (nesting too deep)") from None
    except Exception as exc:  # pdfminer raises many types (PSEOF, PDFSyntaxError, KeyError ...)
        raise InputError(path, f"not a valid PDF file ({_short(exc)})") from None
    return pages


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0].strip() if str(exc).strip() else ""
    name = type(exc).__name__
    return f"{name}: {text[:100]}" if text else name


def _page_lines(layout, number: int) -> list[_Line]:
    from pdfminer.layout import LTChar, LTTextContainer, LTTextLine

    lines: list[_Line] = []

    def visit(item) -> None:
        if isinstance(item, LTTextLine):
            line = _line(item, layout.height, number, LTChar)
            if line is not None:
                lines.append(line)
        elif isinstance(item, LTTextContainer) or hasattr(item, "__iter__"):
            for child in item:
                visit(child)

    for item in layout:
        visit(item)
    return lines


def _line(item, page_height: float, number: int, char_type) -> _Line | None:
    parts: list[str] = []
    sizes: list[float] = []
    children = list(item)
    for i, child in enumerate(children):
        text = child.get_text()
        if isinstance(child, char_type):
            parts.append(text)
            if text.strip():
                sizes.append(child.size)
        elif text == " ":  # a space pdfminer inferred from a gap between glyphs
            before = parts[-1][-1:] if parts and parts[-1] else ""
            after = children[i + 1].get_text()[:1] if i + 1 < len(children) else ""
            if not (_IS_CJK.match(before) or _IS_CJK.match(after)):
                parts.append(" ")
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    if not text:
        return None
    return _Line(
        text, item.x0, item.x1, page_height - item.y1, page_height - item.y0,
        median(sizes) if sizes else item.height, number,
    )  # fmt: skip


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_page_furniture(pages: list[list[_Line]]) -> list[_Line]:
    bands: list[set[int]] = []  # per page: indexes of the 2 top and 2 bottom lines
    counts: dict[tuple[str, str], int] = {}
    for lines in pages:
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        band = set(order[:2]) | set(order[-2:])
        bands.append(band)
        seen = set()
        for i in band:
            where = "top" if i in order[:2] else "bottom"
            seen.add((where, _signature(lines[i].text)))
        for key in seen:
            counts[key] = counts.get(key, 0) + 1
    need = max(2, (len(pages) + 1) // 2)
    kept: list[_Line] = []
    for lines, band in zip(pages, bands, strict=True):
        order = sorted(range(len(lines)), key=lambda i: lines[i].top)
        for i, line in enumerate(lines):
            if i in band:
                where = "top" if i in order[:2] else "bottom"
                if _PAGE_NUMBER.match(line.text) or counts[(where, _signature(line.text))] >= need:
                    continue
            kept.append(line)
    return kept


def _join(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and right[0].isascii():
        if left[-1].isalnum() and right[0].isalnum():
            return f"{left} {right}"
    return left + right


def _paragraphs(lines: list[_Line]) -> list[str]:
    if not lines:
        return []
    body_size = median(line.size for line in lines)
    by_page: dict[int, list[_Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    margins = {}
    for page, page_lines in by_page.items():
        normal = [ln for ln in page_lines if abs(ln.size - body_size) <= 1] or page_lines
        left = min(ln.x0 for ln in normal)
        ends = sorted(ln.x1 for ln in normal)  # a high quantile: punctuation may overhang
        right = ends[int(0.8 * (len(ends) - 1))]
        margins[page] = (left, right)
    pitches = [
        b.top - a.top
        for a, b in zip(lines, lines[1:], strict=False)
        if a.page == b.page and 0 < b.top - a.top < 4 * body_size
    ]
    pitch = median(pitches) if pitches else body_size * 1.5

    paragraphs: list[str] = []
    current = ""
    prev: _Line | None = None
    for line in lines:
        if prev is None:
            current = line.text
            prev = line
            continue
        left, right = margins[line.page]
        size = max(line.size, 1.0)
        same_size = abs(line.size - prev.size) <= max(1.0, 0.1 * size)
        big = same_size and line.size > body_size * 1.15
        gap = line.top - prev.top if line.page == prev.page else pitch
        # Full: no room left for the next line's first unbreakable (Latin/digit) token.
        token = _LEADING_TOKEN.match(line.text)
        room = max(1.5, 1.0 + 0.6 * len(token.group(0)) if token else 0.0) * size
        prev_full = prev.x1 >= margins[prev.page][1] - room
        indented = line.x0 > prev.x0 + 0.5 * size and line.x0 > left + 0.5 * size
        continues = same_size and 0 < gap <= 1.6 * pitch * max(1.0, size / body_size) and (
            big or (prev_full and not indented)
        )  # fmt: skip
        if continues:
            current = _join(current, line.text)
        else:
            paragraphs.append(current)
            current = line.text
        prev = line
    paragraphs.append(current)
    return [p for p in (_CID.sub("", p).strip() for p in paragraphs) if p]
