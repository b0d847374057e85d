"""Input formats -> the plain text of a report (headline first, one paragraph per line).

`read_text(data, path, fmt)` turns the bytes of one input into the text the pipeline works on;
spans of extracted items refer to that text, not to the original file. The format is chosen by
suffix (`format_for`); unknown suffixes are read as text.

| format | reader | encoding_or_reader_name returned |
| --- | --- | --- |
| text | `meetingdoc.decode.decode_bytes` | the detected/forced encoding |
| html | `readers.html` (selectolax + rules) | the page's encoding (`utf-8`, `gb18030` ...) |
| docx | `readers.docx` (python-docx) | `docx` |
| pdf | `readers.pdf` (pdfminer.six) | `pdf` |

The HTML, DOCX and PDF libraries are imported lazily inside the readers, so reading `.txt`
files never imports them; if one is missing the input fails with an InputError that names the
package to install. Every problem with an input is an `InputError(path, one-line reason)`.
"""

from __future__ import annotations

from pathlib import PurePath

from ..decode import decode_bytes
from ..errors import InputError

FORMATS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

# The distribution that provides each reader's library, for the "not installed" message.
_PACKAGES = {"html": "selectolax", "docx": "python-docx", "pdf": "pdfminer.six"}


def format_for(path: str) -> str:
    """The format name for PATH by its suffix; "text" for unknown suffixes and `-`."""
    return FORMATS.get(PurePath(path).suffix.lower(), "text")


def read_text(data: bytes, path: str, fmt: str, encoding: str | None = None) -> tuple[str, str]:
    """(plain_text, encoding_or_reader_name) for the bytes of one input.

    `encoding` forces the text encoding for "text" and "html" and is ignored for "docx" and
    "pdf" (they carry their own). Raises InputError(path, reason) for bad input.
    """
    if fmt == "text":
        decoded = decode_bytes(data, path, encoding)
        return decoded.text, decoded.encoding
    if fmt not in _PACKAGES:
        raise InputError(path, f"unknown input format {fmt!r}")
    try:
        if fmt == "html":
            from .html import read_html

            return read_html(data, path, encoding)
        if fmt == "docx":
            from .docx import read_docx

            return read_docx(data, path)
        from .pdf import read_pdf

        return read_pdf(data, path)
    except ImportError as exc:
        package = _PACKAGES[fmt]
        raise InputError(
            path, f"reading .{fmt} needs the {package} package ({exc.name or exc}); pip install it"
        ) from None
