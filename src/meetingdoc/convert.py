"""Stage 3: Traditional -> Simplified with OpenCC, mainland usage, spans kept.

The script is judged from characters that exist in only one script. The
converter is OpenCC's `tw2s` (character variants to mainland forms, e.g.
`著力` -> `着力`) without phrase substitution, so Taiwan and Hong Kong
reports keep their own vocabulary (`資訊` -> `资讯`, not `信息`).

`乾` is kept: it is a common given-name character (`王乾發` -> `王乾发`, never
`王干发`), and only turns into `干` in the few words where it means "dry".

Known limitations: a Simplified character that has several Traditional
sources is never un-merged (conversion runs one way only), and the rare
converter output of a different length falls back to character-by-character
conversion.
"""

from __future__ import annotations

import re
from functools import cached_property

from .mapped import MappedText

# 乾 作“干燥”义的词，才转为“干”
_DRY_QIAN = re.compile(r"乾(?=[淨净燥旱涸脆杯貨货枯癟瘪糧粮果])|(?<=[餅饼烘曬晒風风])乾")


class Converter:
    """One OpenCC converter per instance, built on first use."""

    def __getstate__(self) -> dict:
        # Tables are rebuilt in the receiving process; nothing else to carry.
        return {}

    @cached_property
    def _opencc(self):
        from opencc import OpenCC

        return OpenCC("tw2s")

    @cached_property
    def _one_script_chars(self) -> tuple[frozenset[str], frozenset[str]]:
        """(Traditional-only, Simplified-only) characters from OpenCC's tables."""
        import importlib.resources

        base = importlib.resources.files("opencc") / "dictionary"
        trad_to_simp = _read_pairs(base / "TSCharacters.txt")
        simp_to_trad = _read_pairs(base / "STCharacters.txt")
        traditional = {t for t, s in trad_to_simp.items() if t not in s}
        simplified = {s for s, t in simp_to_trad.items() if s not in t}
        return frozenset(traditional - simplified), frozenset(simplified - traditional)

    def script(self, text: str) -> str:
        """traditional | simplified | mixed (simplified when there is no CJK)."""
        traditional, simplified = self._one_script_chars
        if traditional.isdisjoint(text):  # most reports: one pass in C
            return "simplified"
        n_trad = sum(c in traditional for c in text)
        n_simp = sum(c in simplified for c in text)
        if n_trad == 0 or n_trad < n_simp * 0.05:
            return "simplified"
        if n_simp == 0 or n_simp < n_trad * 0.05:
            return "traditional"
        return "mixed"

    def to_simplified(self, text: MappedText) -> MappedText:
        """Convert keeping the origin map, character for character."""
        converted = self._convert(text.text)
        if len(converted) != len(text.text):
            # No table entry changes length today; should one, spans must still hold.
            converted = "".join(self._convert_char(c) for c in text.text)
        return text.replace_text(converted)

    def _convert_char(self, char: str) -> str:
        """One character converted, or kept when the converter would change its length."""
        converted = self._convert(char)
        return converted if len(converted) == 1 else char

    def convert_string(self, text: str) -> str:
        return self._convert(text)

    def _convert(self, text: str) -> str:
        converted = self._opencc.convert(text)
        if "乾" in text and len(converted) == len(text):
            chars = list(converted)
            dry = {m.start() for m in _DRY_QIAN.finditer(text)}
            for i, c in enumerate(text):
                if c == "乾" and i not in dry:
                    chars[i] = "乾"
            converted = "".join(chars)
        return converted


def _read_pairs(path) -> dict[str, str]:
    pairs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("\t")
        if len(key) == 1:
            pairs[key] = value.split(" ")
    return pairs
