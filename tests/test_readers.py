"""Readers for .html, .docx and .pdf: files built from the project's examples read back exactly.

Every test file is generated here from `examples/*.txt` (HTML from string templates that imitate
Chinese government and news sites, DOCX with python-docx, PDF with reportlab's built-in CID font
STSong-Light), so nothing outside the repository is needed. The page builders are also used by
`benchmarks/html_extractors.py`.
"""

from __future__ import annotations

import html
import io
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"

# --------------------------------------------------------------------------------------------
# The source documents
# --------------------------------------------------------------------------------------------

_INFO_LINE = re.compile(r"^来源[:：].*发布时间[:：]\s*(\d{4}-\d{2}-\d{2})")
# Publication dates for examples whose text has none (the meeting day, or the day after).
_DATES = {
    "changwu_simplified": "2024-03-12",
    "tiaodu_hongkong": "2024-06-12",
    "tuijin_traditional": "2024-07-10",
}


@dataclass(frozen=True)
class Doc:
    name: str
    headline: str
    date: str  # YYYY-MM-DD, the page's 发布时间
    body: tuple[str, ...]  # paragraphs after the headline (without any 来源/发布时间 line)

    @property
    def expected(self) -> list[str]:
        """The lines an HTML reader must return: headline, date line, body."""
        return [self.headline, f"发布时间：{self.date}", *self.body]


def example_docs() -> list[Doc]:
    docs = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        lines = [line for line in path.read_text("utf-8").splitlines() if line.strip()]
        headline, body = lines[0], lines[1:]
        date = _DATES.get(path.stem, "2024-01-02")
        if body and (m := _INFO_LINE.match(body[0])):
            date, body = m.group(1), body[1:]
        docs.append(Doc(path.stem, headline, date, tuple(body)))
    return docs


# --------------------------------------------------------------------------------------------
# HTML pages: three site layouts seen on Chinese government / news sites
# --------------------------------------------------------------------------------------------

FURNITURE = (
    "首页", "政务公开", "政务服务", "互动交流", "当前位置", "来源", "浏览次数", "字体", "分享到",
    "打印本页", "关闭窗口", "备案号", "ICP", "版权所有", "主办单位", "网站标识码", "上一篇",
    "下一篇", "相关链接", "扫一扫", "公网安备", "window.", "function", "{", "热点", "联系我们",
    "责任编辑", "相关阅读", "新闻公报", "简体", "English", "私隐", "|", "位置", "搜索", "W02024",
)  # fmt: skip


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _site(doc: Doc) -> tuple[str, str]:
    """(site name, short place name) plausible for the document."""
    if "hongkong" in doc.name:
        return "香港特別行政區政府新聞公報", "香港"
    place = re.match(r"^(?:.*?在)?([\u4e00-\u9fff]{2}[县市])", doc.headline)
    short = place.group(1) if place else "临澜市"
    return f"{short}人民政府", short


def page_county(doc: Doc, charset: str) -> str:
    """A county/city portal: div layout, nav, breadcrumb, info bar, TRS editor, share, footer."""
    site, short = _site(doc)
    paras = "\n".join(
        f'<p style="text-indent: 2em;"><span style="font-family: 仿宋_GB2312;">{_e(p[:9])}</span>'
        f'<span style="font-family: 仿宋_GB2312;">{_e(p[9:])}</span></p>\n<p>&nbsp;</p>'
        for p in doc.body
    )
    picture = '<p style="text-align: center;"><img src="/uploads/2024/W02024.jpg" /></p>'
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}" />
<meta name="SiteName" content="{site}" />
<meta name="ArticleTitle" content="{_e(doc.headline)}" />
<meta name="PubDate" content="{doc.date} 16:30" />
<meta name="ContentSource" content="{short}政府办公室" />
<title>{_e(doc.headline)}_{site}</title>
<link rel="stylesheet" href="/images/common.css" type="text/css" />
<style type="text/css">
body {{ margin: 0; font: 14px/1.8 "Microsoft YaHei"; }} .nav li {{ float: left; }}
</style>
<script type="text/javascript" src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; function doZoom(size) {{ document.getElementById('zoom')
.style.fontSize = size + 'px'; }}</script>
</head>
<body>
<div class="top"><div class="top-bar">今天是：<span id="today"></span>
<a href="/jianti/">简体版</a> | <a href="/fanti/">繁體版</a> | <a href="/wza/">无障碍浏览</a>
| <a href="/en/">English</a></div>
<div class="logo"><img src="/images/logo.png" alt="{site}" /></div>
<div class="search"><form action="/search/" method="get"><input type="text" name="q"
 value="请输入关键字" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav"><ul>
<li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li>
<li><a href="/zjxx/">走进{short}</a></li><li><a href="/ztzl/">专题专栏</a></li>
</ul></div>
<div class="main">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt;
<a href="/zwgk/zwyw/">政务要闻</a></div>
<div class="article">
<div class="article-title"><h1>{_e(doc.headline)}</h1></div>
<div class="article-info">来源：{short}政府办公室&nbsp;&nbsp;&nbsp;发布时间：{doc.date} 16:30
&nbsp;&nbsp;&nbsp;浏览次数：<span id="hits">1234</span>&nbsp;&nbsp;&nbsp;【字体：<a
 href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a
 href="javascript:doZoom(14)">小</a>】</div>
<div class="article-content" id="zoom"><div class="TRS_Editor">
{picture}
{paras}
</div>
<div class="editor">（责任编辑：赵一凡）</div></div>
<div class="share">分享到：<a href="#" class="wx">微信</a> <a href="#" class="wb">微博</a>
<a href="#" class="qq">QQ空间</a></div>
<div class="print">【<a href="javascript:window.print()">打印本页</a>】
【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="related"><h3>相关链接</h3><ul>
<li><a href="/a/1.html">{short}召开全市重点项目建设推进会部署下半年工作任务</a></li>
<li><a href="/a/2.html">{short}政府召开专题会议研究部署安全生产和防汛工作</a></li>
</ul></div>
</div></div>
<div class="footer">
<p><a href="/about/">关于我们</a> | <a href="/map/">网站地图</a> | <a href="/contact/">联系我们</a></p>
<p>主办单位：{short}人民政府办公室&nbsp;&nbsp;承办单位：{short}大数据中心</p>
<p>网站标识码：3607000001&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">赣ICP备05004321号-1</a>
&nbsp;&nbsp;<img src="/images/ga.png" />赣公网安备 36070002000123号</p>
<p>版权所有：{short}人民政府&nbsp;&nbsp;建议使用1366*768分辨率</p>
</div>
<script type="text/javascript">document.getElementById("today").innerHTML = new Date()
.toLocaleDateString();</script>
</body></html>
"""


def page_news(doc: Doc, charset: str) -> str:
    """An older news site: table layout, <br>-separated paragraphs, 　　 indents, sidebar."""
    site, short = _site(doc)
    body = "<br />\n".join(f"　　{_e(p)}" for p in doc.body)
    hot = "".join(
        f'<tr><td><a href="/news/{i}.html">{short}新闻：{t}</a></td></tr>'
        for i, t in enumerate(
            (
                "全市秋冬季大气污染防治攻坚行动动员部署会召开",
                "我市召开优化营商环境工作推进会议强调要持续用力",
                "市政府与省属国有企业举行战略合作签约仪式",
            )
        )
    )
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{_e(doc.headline)} - {short}新闻网</title>
<meta name="keywords" content="{short},新闻,会议">
<script language="javascript">function CopyUrl(){{ window.clipboardData.setData("Text",
location.href); alert("复制成功"); }}</script>
</head>
<body topmargin="0">
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0">
<tr><td class="topnav"><a href="/">{short}新闻网首页</a> | <a href="/xw/">要闻</a> |
<a href="/sz/">时政</a> | <a href="/sh/">社会</a> | <a href="/jj/">经济</a> |
<a href="/pl/">评论</a></td></tr>
<tr><td class="weizhi">您现在的位置: <a href="/">首页</a> &gt;&gt; <a href="/xw/">要闻</a>
&gt;&gt; 正文</td></tr>
</table>
<table width="1000" align="center" border="0" cellspacing="0" cellpadding="0"><tr>
<td width="700" valign="top">
<table width="100%"><tr><td class="title" align="center"><b>{_e(doc.headline)}</b></td></tr>
<tr><td align="center" class="info">时间：{doc.date} 07:45&nbsp;&nbsp;来源：{short}日报
&nbsp;&nbsp;作者：&nbsp;&nbsp;点击：<script src="/count.asp?id=5821"></script>次</td></tr>
<tr><td class="content"><div id="zoom" style="font-size:14px">
【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】<br /><br />
{body}
</div></td></tr>
<tr><td>【<a href="javascript:CopyUrl()">复制链接</a>】【<a href="javascript:window.print()"
>打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
<tr><td>上一篇：<a href="/xw/5820.html">市领导调研重点企业生产经营情况</a><br>
下一篇：<a href="/xw/5822.html">全市三季度经济形势分析会召开</a></td></tr>
</table></td>
<td width="300" valign="top"><table><tr><td class="hot">热点新闻</td></tr>{hot}</table>
<div class="qr">扫一扫在手机上查看当前页面</div></td>
</tr></table>
<table width="1000" align="center"><tr><td class="foot" align="center">
版权所有 {short}日报社 &nbsp;未经授权禁止复制或建立镜像<br>
地址：{short}新华路88号 &nbsp;联系电话：0791-8888888 &nbsp;备案号：赣ICP备12345678号
</td></tr></table>
</body>
</html>
"""


def page_modern(doc: Doc, charset: str) -> str:
    """A modern HTML5 page: <header>/<nav>/<article>/<aside>/<footer>, <meta charset>."""
    site, short = _site(doc)
    paras = "\n".join(f"<p>{_e(p)}</p>" for p in doc.body)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="{charset}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta property="og:title" content="{_e(doc.headline)}">
<title>{_e(doc.headline)}｜{site}门户网站</title>
<style>.share a{{margin:0 4px}} article p{{text-indent:2em}}</style>
</head>
<body>
<header class="site-header"><a class="logo" href="/">{site}</a>
<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a>
<a href="/hdjl/">互动交流</a><a href="/sjfb/">数据发布</a></nav></header>
<div class="crumbs"><a href="/">首页</a> / <a href="/zwgk/">政务公开</a> / <span>政府会议</span></div>
<main class="container">
<article>
<h1 class="article-title">{_e(doc.headline)}</h1>
<div class="meta"><span>发布时间：{doc.date} 09:12</span><span>来源：{short}政府办公室</span>
<span>浏览次数：<em>857</em></span><span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="article-body">
{paras}
</div>
<section class="more"><h3>相关阅读</h3><ul>
<li><a href="/a/7.html">{short}召开全市经济运行调度会 研究部署下阶段重点工作任务</a></li>
<li><a href="/a/8.html">全市重点项目集中开工仪式举行 总投资超过一百二十亿元</a></li></ul>
</section>
<div class="share"><span>分享到：</span><a>微信</a><a>微博</a><a>QQ</a></div>
<div class="tools"><a href="javascript:window.print()">打印本页</a>
<a href="javascript:window.close()">关闭窗口</a></div>
</article>
<aside><h3>热点推荐</h3><ul><li><a href="/a/9.html">{short}召开全体会议部署重点工作</a></li>
<li><a href="/a/10.html">政府常务会议研究推动经济高质量发展若干措施</a></li></ul></aside>
</main>
<footer><p>主办：{site}办公室 | 网站标识码：4403000002 | 粤ICP备18000001号</p>
<p>版权所有 © 2024 {site} 保留所有权利</p></footer>
<script>console.log("stat")</script>
</body>
</html>
"""


def page_press(doc: Doc, charset: str) -> str:
    """A press-release page: no <h1>, headline in a <span>, paragraphs as <br><br> in a <span>."""
    site, short = _site(doc)
    body = "<br /><br />\n".join(_e(p) for p in doc.body)
    return f"""<html><head>
<meta http-equiv="content-type" content="text/html;charset={charset}">
<title>{_e(doc.headline)}</title>
<meta name="Date" content="{doc.date}">
</head><body>
<div id="topbanner"><a href="/">{site}</a> <a href="/sc/">简体</a> <a href="/en/">English</a>
<a href="/search/">搜索</a></div>
<div id="menu"><a href="/">首页</a> <a href="/press/">新闻公报</a> <a href="/archive/">新闻公报档案
</a> <a href="/gov/">政府架构</a> <a href="/contact/">联系我们</a></div>
<div id="contentBody"><span id="PRHeadlineSpan" style="font-size:16px"><b>{_e(doc.headline)}</b>
</span><br /><br />
<span id="pressrelease" style="font-size:14px">{body}</span>
<br />
<div class="mB15">发布日期：{doc.date}</div>
</div>
<div id="footer"><a href="/notice/">重要告示</a> | <a href="/privacy/">私隐政策</a> |
版权所有 {site} 2024 | 网站标识码：8100000001</div>
</body></html>
"""


TEMPLATES = {"county": page_county, "news": page_news, "modern": page_modern, "press": page_press}
# How the charset is spelled in the page for each byte encoding.
CHARSETS = {"utf-8": "UTF-8", "gbk": "gb2312"}


def build_html(doc: Doc, template: str, encoding: str) -> bytes:
    """The page as bytes; characters GBK cannot hold become &#NNNN; as browsers send them."""
    page = TEMPLATES[template](doc, CHARSETS[encoding])
    return page.encode(encoding, errors="xmlcharrefreplace")


# --------------------------------------------------------------------------------------------
# DOCX and PDF files
# --------------------------------------------------------------------------------------------


def build_docx(doc: Doc, table: list[list[str]] | None = None) -> bytes:
    """Headline (Title style), empty paragraphs between body paragraphs, an optional table."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "澄川县人民政府办公室"  # furniture: never read
    section.footer.paragraphs[0].text = "- 1 -"
    document.add_heading(doc.headline, level=0)
    document.add_paragraph("")
    half = len(doc.body) // 2
    for i, para in enumerate(doc.body):
        if i == half and table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, cell in enumerate(row):
                    grid.cell(r, c).text = cell
        p = document.add_paragraph()
        p.add_run(para[:5]).bold = True  # several runs per paragraph
        p.add_run(para[5:])
        document.add_paragraph("   ")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


PDF_HEADER = "临澜市人民政府公报"


def build_pdf(doc: Doc, font_size: float = 16) -> bytes:
    """A text-layer PDF: A4, STSong-Light (no font file needed), centred headline,
    first-line indents, a running header and `- N -` page numbers on every page."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle(
        "body", fontName="STSong-Light", fontSize=font_size, leading=font_size * 1.75,
        firstLineIndent=font_size * 2, wordWrap="CJK",
    )  # fmt: skip
    title = ParagraphStyle(
        "title", parent=body, fontSize=22, leading=32, firstLineIndent=0, alignment=TA_CENTER,
        spaceAfter=20,
    )  # fmt: skip

    def furniture(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, PDF_HEADER)
        canvas.setFont("STSong-Light", 12)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {canvas.getPageNumber()} -")
        canvas.restoreState()

    out = io.BytesIO()
    pdf = SimpleDocTemplate(out, pagesize=A4, leftMargin=79, rightMargin=79, topMargin=72,
                            bottomMargin=72, title=doc.headline)  # fmt: skip
    story = [Paragraph(_e(doc.headline), title)]
    story += [Paragraph(_e(p), body) for p in (f"发布时间：{doc.date}", *doc.body)]
    pdf.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return out.getvalue()


def build_scanned_pdf() -> bytes:
    """A page with a drawing and an inline image but no text: what a scan looks like."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.rect(72, 72, 400, 600, fill=1)
    page.drawInlineImage(_tiny_image(), 100, 100, 200, 200)
    page.showPage()
    page.save()
    return out.getvalue()


def _tiny_image():
    from PIL import Image

    return Image.new("L", (8, 8), color=128)


# --------------------------------------------------------------------------------------------
# Comparison helpers
# --------------------------------------------------------------------------------------------

_WIDTH = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'"})


def norm(text: str) -> str:
    """Ignore whitespace and the width of punctuation."""
    text = unicodedata.normalize("NFKC", text).translate(_WIDTH)
    return re.sub(r"\s+", "", text)


def norm_lines(text: str) -> list[str]:
    return [n for line in text.splitlines() if (n := norm(line))]


def leaked(text: str) -> list[str]:
    return [word for word in FURNITURE if word in text]


# --------------------------------------------------------------------------------------------
# Tests: registry
# --------------------------------------------------------------------------------------------


def test_formats_by_suffix():
    from meetingdoc.readers import FORMATS, format_for

    assert FORMATS[".htm"] == "html" and FORMATS[".shtml"] == "html"
    assert format_for("a/B.HTML") == "html"
    assert format_for("x.docx") == "docx"
    assert format_for("x.PDF") == "pdf"
    assert format_for("x.txt") == "text"
    assert format_for("x.md") == "text"
    assert format_for("-") == "text"


DOCS = example_docs()
IDS = [d.name for d in DOCS]


def test_plain_text_path_imports_no_reader_library():
    code = (
        "import sys; from meetingdoc.readers import read_text;"
        "print(read_text('会议指出'.encode('gbk') * 4, 'a.txt', 'text')[1]);"
        "heavy = {'selectolax', 'docx', 'pdfminer', 'lxml'} & {m.split('.')[0] for m in sys.modules};"
        "print(sorted(heavy))"
    )
    import subprocess

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["gb18030", "[]"]


def test_text_delegates_to_decode_bytes():
    from meetingdoc.readers import read_text

    text = "标题\n会议要求，要压紧压实安全生产责任。"
    assert read_text(text.encode("gb18030"), "a.txt", "text") == (text, "gb18030")
    assert read_text(text.encode("utf-8"), "a.txt", "text", "utf-8") == (text, "utf-8")


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("template", sorted(TEMPLATES))
@pytest.mark.parametrize("encoding", sorted(CHARSETS))
@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_html_page_reads_back_exactly(doc, template, encoding):
    from meetingdoc.readers import read_text

    text, used = read_text(build_html(doc, template, encoding), f"{doc.name}.html", "html")
    assert used == ("utf-8" if encoding == "utf-8" else "gb18030")
    assert norm_lines(text) == [norm(line) for line in doc.expected]
    assert text.splitlines()[1] == f"发布时间：{doc.date}"
    assert not [w for w in leaked(text) if w not in "".join(doc.expected)]


def test_html_encoding_argument_overrides_meta():
    from meetingdoc.readers import read_text

    doc = DOCS[0]
    data = build_html(doc, "county", "gbk").replace(b"charset=gb2312", b"charset=utf-8")
    text, used = read_text(data, "p.html", "html")  # wrong meta: detected as GB18030
    assert used == "gb18030" and norm(doc.headline) in norm(text)
    text, used = read_text(data, "p.html", "html", encoding="gbk")
    assert used == "gb18030" and norm_lines(text) == [norm(x) for x in doc.expected]


def test_html_utf8_page_mislabelled_as_gbk_is_read_as_utf8():
    from meetingdoc.readers import read_text

    doc = DOCS[1]
    data = build_html(doc, "modern", "utf-8").replace(b'charset="UTF-8"', b'charset="gbk"')
    text, used = read_text(data, "p.html", "html")
    assert used == "utf-8" and norm_lines(text) == [norm(x) for x in doc.expected]


def test_html_headline_from_title_without_site_suffix():
    from meetingdoc.readers import read_text

    page = (
        "<html><head><title>全县安全生产工作推进会召开_澄川县人民政府</title></head><body>"
        "<div class='nav'><a href='/'>首页</a> <a href='/a'>政务公开</a></div>"
        "<div class='con'><p>日期：2024/3/5</p><p>3月5日上午，县长张明主持召开全县安全生产工作推进会。</p>"
        "<p>会议要求，要压紧压实安全生产责任，确保全县安全形势稳定。</p></div>"
        "<div class='footer'>版权所有：澄川县人民政府 备案号：赣ICP备05004321号</div></body></html>"
    )
    text, _ = read_text(page.encode("utf-8"), "p.htm", "html")
    assert text.splitlines() == [
        "全县安全生产工作推进会召开",
        "发布时间：2024-03-05",
        "3月5日上午，县长张明主持召开全县安全生产工作推进会。",
        "会议要求，要压紧压实安全生产责任，确保全县安全形势稳定。",
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html><head><title>x</title></head><body><script>var a=1;</script></body></html>",
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    ],
)
def test_html_without_article_is_an_input_error(data):
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    with pytest.raises(InputError) as err:
        read_text(data, "bad.html", "html")
    assert err.value.path == "bad.html" and "\n" not in err.value.reason


def test_html_deep_nesting_does_not_recurse():
    from meetingdoc.readers import read_text

    page = (
        "<div>" * 5000
        + "<p>会议要求，要压紧压实安全生产责任，确保全县安全形势稳定。</p>"
        + "</div>" * 5000
    )
    text, _ = read_text(page.encode("utf-8"), "deep.html", "html")
    assert text.endswith("确保全县安全形势稳定。")


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_docx_reads_back_exactly(doc):
    from meetingdoc.readers import read_text

    table = [["出席人员", "职务"], ["林晓岚", "副县长"]]
    text, used = read_text(build_docx(doc, table), f"{doc.name}.docx", "docx")
    assert used == "docx"
    half = len(doc.body) // 2
    want = [doc.headline, *doc.body[:half], "出席人员 职务", "林晓岚 副县长", *doc.body[half:]]
    assert text.splitlines() == want  # no blank lines, header/footer not read
    assert "- 1 -" not in text and "办公室" not in text.splitlines()[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not a valid .docx file"),
        (b"just text", "not a valid .docx file"),
        (b"PK\x03\x04" + b"\x00" * 100, "not a valid .docx file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy .doc"),
    ],
)
def test_bad_docx_is_an_input_error(data, reason):
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    with pytest.raises(InputError) as err:
        read_text(data, "bad.docx", "docx")
    assert reason in err.value.reason and "\n" not in err.value.reason


def test_zip_that_is_not_a_word_document():
    import zipfile

    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="not a valid .docx file"):
        read_text(out.getvalue(), "x.docx", "docx")


def test_truncated_docx():
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    data = build_docx(DOCS[0])
    with pytest.raises(InputError, match="not a valid .docx file"):
        read_text(data[: len(data) // 2], "cut.docx", "docx")


# --------------------------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("font_size", [16, 10.5])
@pytest.mark.parametrize("doc", DOCS, ids=IDS)
def test_pdf_reads_back_exactly(doc, font_size):
    from meetingdoc.readers import read_text

    data = build_pdf(doc, font_size)
    text, used = read_text(data, f"{doc.name}.pdf", "pdf")
    assert used == "pdf"
    lines = norm_lines(text)
    if font_size < 12 and lines[0] == norm(PDF_HEADER):
        lines = lines[1:]  # one page: a running header cannot be told from the text
    assert lines == [norm(line) for line in doc.expected]
    assert not re.search(r"(?m)^-\s*\d+\s*-$", text)
    # exact body text: no space inserted between Chinese characters by line joining
    assert text.splitlines()[-len(doc.body) :] == list(doc.body)


def test_multi_page_pdf_drops_running_header():
    from meetingdoc.readers import read_text

    doc = DOCS[0]
    text, _ = read_text(build_pdf(doc, 16), "a.pdf", "pdf")
    assert PDF_HEADER not in text


def test_scanned_pdf_is_rejected():
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    with pytest.raises(InputError) as err:
        read_text(build_scanned_pdf(), "scan.pdf", "pdf")
    assert err.value.reason == "no text layer (scanned PDF?); OCR is not supported"


def test_encrypted_pdf_is_rejected():
    pypdf = pytest.importorskip("pypdf")
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(build_pdf(DOCS[1], 12)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError) as err:
        read_text(out.getvalue(), "locked.pdf", "pdf")
    assert "encrypted" in err.value.reason and "\n" not in err.value.reason


@pytest.mark.parametrize(
    "data", [b"", b"%PDF-1.4\n", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF", b"hello"]
)
def test_bad_pdf_is_an_input_error(data):
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    with pytest.raises(InputError) as err:
        read_text(data, "bad.pdf", "pdf")
    assert "\n" not in err.value.reason


def test_truncated_pdf_is_an_input_error_or_partial_text():
    from meetingdoc.errors import InputError
    from meetingdoc.readers import read_text

    data = build_pdf(DOCS[0], 16)
    try:
        text, _ = read_text(data[: len(data) // 3], "cut.pdf", "pdf")
    except InputError as err:
        assert "\n" not in err.reason
    else:
        assert text
