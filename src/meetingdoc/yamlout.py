"""YAML text for the output objects, written directly.

PyYAML's representer is pure Python and cost more per report than all the
extractors together; this writer produces the *same bytes* as
`render.pyyaml_dump` (PyYAML's safe dumper with the project's settings:
block style, lists of scalars in flow style, no line folding, ambiguous
strings single-quoted) for the shapes reports and stats have: mappings with
plain keys, lists, strings, integers, booleans and nulls.

Plain or single-quoted is decided the way PyYAML's emitter does. Anything
else — a string with a line break, a tab, a control or bidi character,
leading or trailing spaces; a float; a list nested straight in a list; a
long or odd key — raises `Unsupported`, and the caller hands the whole
object to PyYAML, which double-quotes and escapes it. Tests compare the two
writers on generated data.

Known limitation: only `dict`, `list`, `str`, `int`, `bool` and `None` are
written here; other types always go through PyYAML.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml


class Unsupported(Exception):
    """The object needs PyYAML's full emitter."""


# YAML 不可打印的字符、换行与制表符（这些字符串交给 PyYAML 转义）
_NOT_PLAIN_CHARS = r"\x00-\x1f\x7f-\x84\x86-\x9f\x85\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff"
# 可直接写出的字符串：只含可打印字符、无换行、首尾不是空格
_SIMPLE = re.compile(rf"[^ {_NOT_PLAIN_CHARS}](?:[^{_NOT_PLAIN_CHARS}]*[^ {_NOT_PLAIN_CHARS}])?")
# 行内（流式）上下文中使普通标量失效的字符：位置 1 起的 , ? [ ] { } :
_FLOW_INDICATOR_INSIDE = re.compile(r".[,?\[\]{}:]", re.S)
# 块上下文中使普通标量失效的组合：": "、行末冒号、" #"
_BLOCK_INDICATOR_INSIDE = re.compile(r".(?::(?: |$)| #)", re.S)
_FIRST_BOTH = set("#,[]{}&*!|>'\"%@`")


def _plain_allowed(text: str) -> tuple[bool, bool]:
    """(in flow context, in block context), as PyYAML's analyze_scalar says."""
    if text.startswith(("---", "...")):
        return False, False
    first = text[0]
    followed_by_space = len(text) == 1 or text[1] == " "
    flow = block = True
    if first in _FIRST_BOTH:
        flow = block = False
    elif first in "?:":
        flow = False
        block = not followed_by_space
    elif first == "-" and followed_by_space:
        flow = block = False
    if _FLOW_INDICATOR_INSIDE.search(text):
        flow = False
    if _BLOCK_INDICATOR_INSIDE.search(text):
        flow = block = False
    return flow, block


# YAML 1.1 和 1.2 中会被某些读取器当作非字符串的普通标量：一律加引号
AMBIGUOUS = re.compile(
    r"""^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?
        |[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)
        |0[xob][0-9a-fA-F_]+|[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?
        |y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE
        |on|On|ON|off|Off|OFF|null|Null|NULL|~|=|<<|\d{4}-\d\d?-\d\d?.*)$""",
    re.X,
)


@lru_cache(maxsize=8192)
def scalar(text: str, flow: bool) -> str:
    """`text` written plain or single-quoted, as PyYAML would in that context."""
    if text == "":
        return "''"
    if not _SIMPLE.fullmatch(text):
        raise Unsupported(text)
    plain_flow, plain_block = _plain_allowed(text)
    plain = plain_flow if flow else plain_block
    if plain and not AMBIGUOUS.match(text) and _resolves_to_str(text):
        return text
    return "'" + text.replace("'", "''") + "'"


def _resolves_to_str(text: str) -> bool:
    resolvers = yaml.SafeDumper.yaml_implicit_resolvers
    for _tag, pattern in resolvers.get(text[0], []) + resolvers.get(None, []):
        if pattern.match(text):
            return False
    return True


def dump(data: Any) -> str:
    """YAML for a mapping or a list of mappings; `Unsupported` for anything else."""
    out: list[str] = []
    if isinstance(data, dict):
        if not data:
            raise Unsupported("empty document")
        _mapping(data, 0, out)
    elif isinstance(data, list) and data:
        _sequence(data, 0, out)
    else:
        raise Unsupported(type(data).__name__)
    return "".join(out)


def _atom(value: Any, flow: bool) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    kind = type(value)
    if kind is str:
        return scalar(value, flow)
    if kind is int:
        return str(value)
    raise Unsupported(kind.__name__)


def _is_flow_list(value: list) -> bool:
    return all(type(v) is str or type(v) is int for v in value)


def _mapping(data: dict, indent: int, out: list[str], first_prefix: str = "") -> None:
    pad = " " * indent
    prefix = first_prefix or pad
    for key, value in data.items():
        if type(key) is not str or len(key) > 128:
            raise Unsupported("key")
        out.append(prefix + scalar(key, False) + ":")
        prefix = pad
        kind = type(value)
        if kind is dict:
            if value:
                out.append("\n")
                _mapping(value, indent + 2, out)
            else:
                out.append(" {}\n")
        elif kind is list:
            if _is_flow_list(value):
                out.append(" [" + ", ".join(_atom(v, True) for v in value) + "]\n")
            else:
                out.append("\n")
                _sequence(value, indent, out)
        else:
            out.append(" " + _atom(value, False) + "\n")


def _sequence(data: list, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for item in data:
        kind = type(item)
        if kind is dict:
            if item:
                _mapping(item, indent + 2, out, first_prefix=pad + "- ")
            else:
                out.append(pad + "- {}\n")
        elif kind is list:
            raise Unsupported("list in list")
        else:
            out.append(pad + "- " + _atom(item, False) + "\n")
