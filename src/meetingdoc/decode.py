"""Stage 1: bytes -> str, choosing the encoding of a Chinese text file.

Order of trust: a byte-order mark (UTF-8/UTF-16/UTF-32); strict UTF-8; then
GB18030 and Big5 (cp950), judged by how much of the result is common CJK;
charset-normalizer only when neither legacy codec decodes cleanly.

Known limitations: a very short file (a few bytes) can decode validly as
several encodings; when the candidates disagree and nothing can tell them
apart the file is rejected with a hint to pass `--encoding`. A UTF-8 file cut
in the middle of a character is decoded with a replacement character and a
`truncated-utf8` warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALIASES = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "big5": "cp950",
    "big5hkscs": "big5hkscs",
    "utf8": "utf-8",
    "utf-8-bom": "utf-8-sig",
}
# Bytes that never occur in text: NUL and most C0 controls.
_BINARY = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"%PDF": "a PDF file",
    b"\x7fELF": "an executable",
    b"\x1f\x8b": "gzip data",
}
_CJK = re.compile(r"[\u4e00-\u9fff]")
# The ~600 most common characters of official prose in either script; a right
# decoding is full of them, a wrong one is not.
_COMMON = set(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"
    "多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合"
    "还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只"
    "没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边"
    "流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造"
    "百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例"
    "真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且"
    "究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何"
    "除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满"
    "县局照参红细引听该铁价严龙飞會議強調發展們這對經說時進國為與學實現動"
    "並來個備傳價兒內兩別則劃務勞區卻參員問單嚴圓圖團報場壓寫將專導層屬帶幹幾廠廣張後從應戰採據數斷於書東條業極構標樣機權歷氣決沒況準溫滿濟無熱爭爲狀產當確礦種稱積節約紅級細組結給統維線縣總織羣義習聯聲聽華萬處號衆術裏裝覆見規親觀計記設許話該認論證識變資質車軍較轉辦農連運過達適選還邊鐵長門開間關隊階際離難電響須領頭題類風飛養馬驗體鬥麼點黨龍"
)


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    truncated: bool = False  # UTF-8 cut mid-character at the end


def normalise_encoding_name(name: str) -> str:
    key = name.strip().lower().replace("_", "-")
    try:
        canonical = codecs.lookup(key).name
    except LookupError as exc:
        raise ValueError(f"unknown encoding {name!r}") from exc
    return _ALIASES.get(key, _ALIASES.get(canonical, canonical))


def decode_bytes(data: bytes, path: str = "-", encoding: str | None = None) -> Decoded:
    """Decode a whole file; raise InputError with a one-line reason on failure."""
    if encoding:
        name = normalise_encoding_name(encoding)
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError as exc:
            raise InputError(
                path, f"cannot decode as {name}: {exc.reason} at byte {exc.start}"
            ) from None
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                break
            return Decoded(text.lstrip("\ufeff"), "utf-8-sig" if name == "utf-8-sig" else name)
    if not data:
        return Decoded("", "utf-8")
    _reject_binary(data, path)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason in ("unexpected end of data",):
            return Decoded(data[: exc.start].decode("utf-8") + "\ufffd", "utf-8", truncated=True)
        utf8_error = exc
    candidates = []
    for name in ("gb18030", "cp950"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        candidates.append((_plausibility(text), name, text))
    if candidates:
        candidates.sort(key=lambda c: (-c[0], c[1]))
        best_score, best_name, best_text = candidates[0]
        cjk = len(_CJK.findall(best_text))
        if len(candidates) > 1 and cjk < 4:
            raise InputError(
                path, "too short to tell the encoding; pass --encoding (e.g. gb18030 or big5)"
            )
        if best_score > 0.3 or cjk >= 4:
            return Decoded(best_text, best_name)
    detected = _detect(data)
    if detected:
        return detected
    if len(data) < 16:
        raise InputError(
            path, "too short to tell the encoding; pass --encoding (e.g. gb18030 or big5)"
        )
    raise InputError(
        path,
        f"not text in a known encoding (invalid UTF-8 at byte {utf8_error.start}); try --encoding",
    )


def _reject_binary(data: bytes, path: str) -> None:
    head = data[:16]
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            raise InputError(path, f"binary file ({what}), not a text report")
    sample = data[:65536]
    controls = len(_BINARY.findall(sample))
    if b"\x00" in sample or controls > max(2, len(sample) // 200):
        raise InputError(path, "binary file (control bytes), not a text report")


def _plausibility(text: str) -> float:
    """Share of CJK characters that are common ones (0..1)."""
    cjk = _CJK.findall(text)
    if not cjk:
        return 0.0
    return sum(c in _COMMON for c in cjk) / len(cjk)


def _detect(data: bytes) -> Decoded | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    name = normalise_encoding_name(best.encoding)
    return Decoded(str(best), name)
