"""HTML pages saved from Chinese government and news sites -> headline, date line, paragraphs.

Decoding: a byte-order mark wins, then an explicit `encoding`, then the page's own
`<meta charset>` / `<meta http-equiv="Content-Type" content="...; charset=gbk">` /
`<?xml encoding=...?>` declaration, then `meetingdoc.decode.decode_bytes` detection. A page that
is valid UTF-8 but declares a legacy charset is read as UTF-8 (such pages were re-saved by an
editor or browser; valid UTF-8 by accident is practically impossible for Chinese text).

Extraction (selectolax's Lexbor HTML5 parser plus rules of our own, chosen by measurement; see
benchmarks/html_extractors.py): the page is flattened into lines (block elements and `<br>`
end a line), scripts, styles, forms controls, `<nav>`, `<aside>`, `<footer>`, hidden elements and
elements whose class/id names navigation, breadcrumbs, sharing or the footer are skipped. The
article container is the element collecting the most non-link CJK text from paragraph-like lines
(credit to the parent, half to the grandparent, a quarter above). Its lines, minus page
furniture (来源/发布时间/浏览次数 lines, 【字体：大 中 小】, 分享到, 打印本页/关闭窗口, 上一篇/下一篇,
备案号/ICP/版权所有/主办单位/网站标识码 ...), are the body. The headline is the `<h1>` or
title-classed element that matches `<title>`, else the `ArticleTitle`/`og:title` meta, else
`<title>` minus a site suffix (`_XX市人民政府`, ` - XX新闻网`). The publication date of the info
line (`发布时间：`, `时间：`, `日期：`) or of the `PubDate` meta is kept as one line
`发布时间：YYYY-MM-DD` right after the headline.

Known limitations: the body is one container, so an article split over sibling containers (a
photo caption in its own box, multi-page articles) loses the parts outside the best one; table
cells become separate lines; a body line that starts like an info line (`时间：…`, short) is
dropped as furniture; text drawn by JavaScript or inside images is not seen; multi-part
headlines (引题/主标题/副标题) keep only the title element.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from ..decode import decode_bytes, normalise_encoding_name
from ..errors import InputError

MAX_HTML_BYTES = 32 * 1024 * 1024

_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))  # fmt: skip

_SKIP_TAGS = frozenset(
    "script style noscript template iframe frame frameset object embed applet svg math canvas "
    "select option button input textarea nav aside footer head title meta link map area audio "
    "video source track picture img".split()
)
_BLOCK_TAGS = frozenset(
    "html body div p li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tbody thead tfoot tr td th caption "
    "section article main header blockquote pre center form fieldset legend figure figcaption hr "
    "address details summary".split()
)
_PARAGRAPH_TAGS = frozenset("p li dt dd h1 h2 h3 h4 h5 h6 pre blockquote figcaption".split())
# class/id words for page furniture; an element is skipped only if it holds little CJK text.
_FURNITURE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|topbar|top-bar|breadcrumbs?|crumbs?|bread|"
    r"position|weizhi|location|share|bdshare|bshare|jiathis|footer|foot|copyright|banquan|"
    r"print|tools|sidebar|related|xgxw|xglj|pager|prevnext|prev-next|qrcode|ewm)(?:$|[\s_-]|\d)",
    re.IGNORECASE,
)
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_TITLE_CLASS = re.compile(r"title|biaoti|headline|bt\b", re.IGNORECASE)

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WS = re.compile(r"[ \t\r\n\f\v\xa0\u2002\u2003\u2009\u200b\u3000]+")
_NEWLINE_IN_CJK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])"
)
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060\ufeff\xad]")

_DATE = r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"
_LABELLED_DATE = re.compile(
    r"(?:发布时间|发布日期|发表时间|更新时间|时间|日期|發佈時間|發布時間|發布日期|時間)\s*[:：]\s*"
    + _DATE
)
_ANY_DATE = re.compile(_DATE)
_INFO_KEYS = (
    "来源|信息来源|文章来源|稿件来源|来源于|發佈|發布時間|來源|发布时间|发布日期|发表时间|更新时间|发布者|"
    "发布机构|作者|编辑|责任编辑|责编|审核|校对|浏览次数|浏览量|浏览|点击数|点击量|点击|阅读次数|阅读量|"
    "阅读|访问次数|访问量|字体|字号|时间|日期|索引号|主题分类|发文机关|成文日期|文号|撰稿|摄影"
)
_INFO_KEY = re.compile(rf"(?:{_INFO_KEYS})\s*[:：]")
_INFO_START = re.compile(rf"^[【\[（(]?\s*(?:{_INFO_KEYS})\s*[:：]")
_WEAK_START = re.compile(r"^[【\[（(]?\s*(?:时间|日期|時間)\s*[:：]")
_FONT_SIZE = re.compile(
    r"[【\[(（]?\s*字[体号體]\s*[:：]?\s*[大中小][\s|｜/]*[大中小][\s|｜/]*[大中小]\s*[】\])）]?"
)
_FURNITURE = re.compile(
    r"分享到|分享至|打印本页|打印此页|打印文章|关闭窗口|关闭本页|【打印】|【关闭】|返回顶部|加入收藏|"
    r"收藏本页|设为首页|上一篇|下一篇|上一条|下一条|扫一扫|二维码|复制链接|网站地图|联系我们|"
    r"备案号|ICP备|ICP证|公网安备|版权所有|Copyright|©|主办单位|承办单位|主办[:：]|承办[:：]|"
    r"网站标识码|技术支持|建议使用.{0,20}分辨率|无障碍|当前位置|您现在的位置|您的位置|所在位置|"
    r"现在的位置|相关链接|相关新闻|相关阅读|责任编辑|【纠错】",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[。！？；!?;）)」』”]$")
_SITE_WORDS = re.compile(
    r"政府|网站|门户|官网|新闻|日报|晚报|频道|首页|在线|网$|政务|\.cn|\.com|公报"
)
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|\s-\s|\s–\s|\s—\s|--|——(?=[^—]*$))\s*")


@dataclass
class _Line:
    text: str
    link: int  # characters inside <a>
    owner: int  # mem_id of the innermost open block element
    chain: tuple[int, ...]  # mem_ids of the open block elements, innermost first
    paragraph: bool = False  # owner is a paragraph-like element


@dataclass
class _Page:
    title: str = ""
    metas: dict[str, str] = field(default_factory=dict)
    heads: list[str] = field(default_factory=list)  # <h1> texts
    titled: list[str] = field(default_factory=list)  # texts of class/id *title* elements
    lines: list[_Line] = field(default_factory=list)


def read_html(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """(plain text, encoding) of an HTML page; InputError if it has no article text."""
    if len(data) > MAX_HTML_BYTES:
        raise InputError(path, f"HTML page too large ({len(data)} bytes; limit {MAX_HTML_BYTES})")
    markup, used = decode_html(data, path, encoding)
    try:
        lines = extract_lines(markup)
    except (ValueError, TypeError, RuntimeError, RecursionError, MemoryError) as exc:
        raise InputError(path, f"cannot parse the HTML page ({type(exc).__name__})") from None
    if not lines:
        raise InputError(path, "no article text found in the HTML page")
    return "\n".join(lines), used


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB, normalised, or None."""
    head = data[:4096]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    try:
        return normalise_encoding_name(match.group(1).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return None


def decode_html(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, explicit encoding, declared charset, then detection."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return decode_bytes(data, path).text, name
    if encoding:
        decoded = decode_bytes(data, path, encoding)
        return decoded.text, decoded.encoding
    declared = declared_charset(data)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        if not data.isascii():
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass  # the declaration is wrong: detect
    elif declared == "utf-8":
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    decoded = decode_bytes(data, path)
    return decoded.text, decoded.encoding


# --------------------------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = _INVISIBLE.sub("", text)
    text = _NEWLINE_IN_CJK.sub("", text)
    return _WS.sub(" ", text).strip()


def _cjk(text: str) -> int:
    return len(_CJK.findall(text))


def _skip(node) -> bool:
    tag = node.tag
    if tag in _SKIP_TAGS:
        return True
    attrs = node.attributes
    if "hidden" in attrs or _HIDDEN.search(attrs.get("style") or ""):
        return True
    names = " ".join(filter(None, (attrs.get("class"), attrs.get("id"))))
    if names and tag not in ("html", "body") and _FURNITURE_CLASS.search(names):
        return _cjk(node.text(deep=True)) < 120
    return False


def _parse(markup: str) -> _Page:
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(markup)
    page = _Page()
    title = tree.css_first("title")
    page.title = _clean(title.text(deep=True)) if title else ""
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("name") or attrs.get("property") or "").strip().lower()
        if key and attrs.get("content"):
            page.metas.setdefault(key, _clean(attrs["content"] or ""))
    page.heads = [t for h in tree.css("h1") if (t := _clean(h.text(deep=True, separator=" ")))]
    for node in tree.css("[class*=title], [id*=title], [class*=Title], [id*=Title]"):
        if node.tag not in ("a", "title", "meta", "head", "body", "html"):
            text = _clean(node.text(deep=True, separator=" "))
            if text and len(text) <= 200:
                page.titled.append(text)
    body = tree.body or tree.root
    if body is not None:
        page.lines = _flatten(body)
    return page


def _flatten(root) -> list[_Line]:
    """Lines of text in document order, with the block elements that hold them."""
    lines: list[_Line] = []
    pieces: list[str] = []
    link_chars = 0
    blocks: list[tuple[int, str]] = []  # open block elements (mem_id, tag), outermost first
    links = 0  # open <a> elements

    def flush() -> None:
        nonlocal pieces, link_chars
        if pieces:
            text = _clean("".join(pieces))
            if text:
                chain = tuple(mem for mem, _ in reversed(blocks))
                owner_tag = blocks[-1][1] if blocks else ""
                lines.append(
                    _Line(text, link_chars, chain[0] if chain else 0, chain,
                          owner_tag in _PARAGRAPH_TAGS)
                )  # fmt: skip
        pieces, link_chars = [], 0

    stack: list[tuple[object, bool]] = [(root, True)]
    while stack:
        node, entering = stack.pop()
        tag = node.tag
        if not entering:
            if tag == "a":
                links -= 1
            elif tag in _BLOCK_TAGS:
                flush()
                blocks.pop()
            continue
        if tag == "-text":
            text = node.text_content or ""
            pieces.append(text)
            if links:
                link_chars += len(text.strip())
            continue
        if tag.startswith("-") or _skip(node):
            continue
        if tag == "br":
            flush()
            continue
        if tag in _BLOCK_TAGS:
            flush()
            blocks.append((node.mem_id, tag))
        elif tag == "a":
            links += 1
        stack.append((node, False))
        children = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, True) for c in reversed(children))
    flush()
    return lines


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).lower()


def is_info_line(line: str) -> bool:
    """A 来源/发布时间/浏览次数 style line (or one piece of it)."""
    keys = set(_INFO_KEY.findall(line))
    if len(keys) >= 2:
        return True
    if _INFO_START.match(line) and len(line) <= 60:
        if _WEAK_START.match(line):  # 时间：/日期： alone only with a date after it
            return bool(_ANY_DATE.search(line)) and len(line) <= 30
        return True
    return False


def info_date(line: str) -> str | None:
    """YYYY-MM-DD from an info line, or None."""
    match = _LABELLED_DATE.search(line)
    if not match and is_info_line(line):
        match = _ANY_DATE.search(line)
    if not match:
        return None
    year, month, day = (int(g) for g in match.groups())
    if not (1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_furniture(line: str) -> bool:
    """Navigation, tool and footer lines (the body's own text is long and rarely matches)."""
    if is_info_line(line):
        return True
    stripped = _FONT_SIZE.sub("", line).strip()
    if not stripped:
        return True
    return len(stripped) <= 80 and bool(_FURNITURE.search(stripped))


def strip_site_suffix(title: str) -> str:
    """`Headline_XX市人民政府` -> `Headline`; the first part that is not a site name."""
    parts = [p for p in _TITLE_SPLIT.split(title) if p.strip()]
    while len(parts) > 1 and (_SITE_WORDS.search(parts[-1]) or len(parts[-1]) <= 6):
        parts.pop()
    return " ".join(parts).strip()


def _headline(page: _Page) -> str:
    title_key = _key(page.title)
    site = _key(page.metas.get("sitename", ""))

    def plausible(text: str) -> bool:
        key = _key(text)
        return len(key) >= 4 and key != site and not is_furniture(text)

    def in_title(text: str) -> bool:
        key = _key(text)
        return bool(title_key) and len(key) >= 4 and (key in title_key or title_key in key)

    for group in (page.heads, page.titled):
        matching = [t for t in group if plausible(t) and in_title(t)]
        if matching:
            return max(matching, key=len)
    for name in ("articletitle", "og:title", "twitter:title"):
        if plausible(page.metas.get(name, "")):
            return page.metas[name]
    heads = [t for t in page.heads if plausible(t) and len(_key(t)) >= 6]
    if heads:
        return heads[0]
    return strip_site_suffix(page.title)


def _container(lines: list[_Line]) -> int | None:
    """mem_id of the element that collects the most paragraph text."""
    owners: dict[int, int] = {}
    for line in lines:
        owners[line.owner] = owners.get(line.owner, 0) + 1
    scores: dict[int, float] = {}
    for line in lines:
        weight = _cjk(line.text) - line.link
        if weight < 8 or is_furniture(line.text):
            continue
        # A <p> (or a <div> holding a single line) is a paragraph: credit whoever holds it.
        chain = line.chain[1:] if line.paragraph or owners[line.owner] == 1 else line.chain
        for share, mem in zip((1.0, 0.5, 0.25), chain, strict=False):
            scores[mem] = scores.get(mem, 0.0) + weight * share
    if not scores:
        return None
    return max(scores, key=lambda mem: scores[mem])


def extract_lines(markup: str) -> list[str]:
    """Headline, optional `发布时间：YYYY-MM-DD`, then the body paragraphs."""
    page = _parse(markup)
    headline = _headline(page)
    head_key = _key(headline)
    lines = page.lines
    start = next((i for i, ln in enumerate(lines) if head_key and _key(ln.text) == head_key), -1)
    date = None
    for line in lines[start + 1 :] + lines[: start + 1]:
        if len(line.text) <= 200 and (date := info_date(line.text)):
            break
    if date is None:
        for name in ("pubdate", "publishdate", "article:published_time", "firstpublishedtime"):
            if match := _ANY_DATE.search(page.metas.get(name, "")):
                date = info_date("发布时间：" + match.group(0))
                if date:
                    break
    box = _container(lines)
    if box is None:
        body_lines = lines[start + 1 :]
    else:
        body_lines = [ln for ln in lines if box in ln.chain]
    body: list[str] = []
    for line in body_lines:
        text = _FONT_SIZE.sub("", line.text).strip()
        if not text or (head_key and _key(text) == head_key) or is_furniture(text):
            continue
        if line.link >= 0.9 * len(text) and not _SENTENCE_END.search(text):
            continue
        body.append(text)
    out = [headline] if headline else []
    if date:
        out.append(f"发布时间：{date}")
    if not body:
        return []
    return out + body
