"""Grade meetingdoc against gold annotations (SPEC §4), in process.

A corpus folder holds `NAME.<ext>` + `NAME.gold.yaml` pairs. The grading
follows `shared/tools/score.py` exactly — same normalisation, the same
one-to-one matching (exact names; text similarity ≥ 0.6 for requirements,
principles and targets), the same micro-averages — so both give the same
numbers; only the documents are analyzed here in-process instead of by
running the command once per file.

Known limitations: a gold file must sit beside exactly one document of the
same stem, as the shared scorer requires.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("attendees", "requirements", "principles", "targets", "reporters")
FUZZY_FIELDS = ("requirements", "principles", "targets")
FUZZY_MIN = 0.6
TITLE_MIN = 0.8
_GOLD_KEY = {"attendees": "name", "principles": "value", "targets": "name"}
_PRED_KEY = {"attendees": ("name",), "targets": ("name",), "principles": ("value", "text")}


def norm(text: Any) -> str:
    """NFKC, then only letters, digits and CJK (punctuation and spaces dropped)."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    return "".join(c for c in text if unicodedata.category(c)[0] in "LN")


def similarity(a: str, b: str) -> float:
    a, b = norm(a), norm(b)
    if not a or not b:
        return 0.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def match(gold: list[str], pred: list[str], fuzzy: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, best similarity first."""
    if not fuzzy:
        taken: set[int] = set()
        pairs = []
        for gi, g in enumerate(gold):
            for pi, p in enumerate(pred):
                if pi not in taken and norm(g) == norm(p) and norm(g):
                    pairs.append((gi, pi))
                    taken.add(pi)
                    break
        return pairs
    scored = sorted(
        ((similarity(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for score, gi, pi in scored:
        if score < FUZZY_MIN:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def gold_items(gold: dict, kind: str) -> list[str]:
    out = []
    for item in gold.get(kind) or []:
        if isinstance(item, dict):
            out.append(str(item.get(_GOLD_KEY.get(kind, "text")) or item.get("text") or ""))
        else:
            out.append(str(item))
    return out


def pred_items(pred: dict, kind: str) -> list[str]:
    out = []
    for item in pred.get(kind) or []:
        if isinstance(item, dict):
            keys = _PRED_KEY.get(kind, ("text", "name"))
            out.append(str(next((item[k] for k in keys if item.get(k)), "")))
        else:
            out.append(str(item))
    return out


def month_day(date: str) -> tuple[str | None, str | None]:
    m = re.fullmatch(r"(?:\d{4}-|--)(\d{2})-(\d{2})|---(\d{2})", date.strip())
    if not m:
        return None, None
    return (m[1], m[2]) if m[1] else (None, m[3])


def same_day(gold: str, pred: str) -> bool:
    gm, gd = month_day(gold)
    pm, pd = month_day(pred)
    return gd is not None and gd == pd and (gm is None or gm == pm)


def _titles(items: list, i: int) -> set[str]:
    item = items[i] if i < len(items) else {}
    return {norm(t) for t in (item.get("titles") or [])} if isinstance(item, dict) else set()


@dataclass
class Counts:
    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.matched / self.predicted if self.predicted else (1.0 if not self.gold else 0.0)
        r = self.matched / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class Evaluation:
    counts: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    titles_ok: int = 0
    titles_n: int = 0
    dates_ok: int = 0
    dates_n: int = 0
    heads_ok: int = 0
    heads_n: int = 0
    documents: int = 0
    failed: list[str] = field(default_factory=list)
    misses: list[tuple[str, str, str]] = field(default_factory=list)  # (document, what, text)

    def add(self, name: str, gold: dict, pred: dict) -> None:
        for kind in FIELDS:
            g, p = gold_items(gold, kind), pred_items(pred, kind)
            pairs = match(g, p, fuzzy=kind in FUZZY_FIELDS)
            c = self.counts[kind]
            c.matched += len(pairs)
            c.gold += len(g)
            c.predicted += len(p)
            if kind == "attendees":
                for gi, pi in pairs:
                    self.titles_n += 1
                    want = _titles(gold.get("attendees") or [], gi)
                    got = _titles(pred.get("attendees") or [], pi)
                    self.titles_ok += want == got
                    if want != got:
                        self.misses.append(
                            (name, "titles", f"{g[gi]}: gold {sorted(want)} got {sorted(got)}")
                        )
            got_g = {gi for gi, _ in pairs}
            got_p = {pi for _, pi in pairs}
            self.misses += [(name, f"{kind} missed", x) for i, x in enumerate(g) if i not in got_g]
            self.misses += [(name, f"{kind} extra", x) for i, x in enumerate(p) if i not in got_p]
        gm, pm = gold.get("meeting") or {}, pred.get("meeting") or {}
        if gm.get("date"):
            self.dates_n += 1
            ok = same_day(str(gm["date"]), str(pm.get("date") or ""))
            self.dates_ok += ok
            if not ok:
                self.misses.append((name, "date", f"gold {gm['date']} got {pm.get('date')}"))
        if gm.get("title"):
            self.heads_n += 1
            ok = similarity(gm["title"], pm.get("title") or "") >= TITLE_MIN
            self.heads_ok += ok
            if not ok:
                self.misses.append((name, "title", f"got {pm.get('title')}"))

    def scores(self) -> dict[str, Any]:
        """The same keys and rounding as `score.py --json`."""
        out: dict[str, Any] = {}
        for kind, c in self.counts.items():
            p, r, f = c.prf()
            out[kind] = {
                "precision": round(p, 3),
                "recall": round(r, 3),
                "f1": round(f, 3),
                "gold": c.gold,
                "predicted": c.predicted,
                "matched": c.matched,
            }

        def acc(ok: int, n: int) -> dict[str, Any]:
            return {"accuracy": round(ok / n, 3) if n else None, "n": n}

        out["attendee_titles"] = acc(self.titles_ok, self.titles_n)
        out["date"] = acc(self.dates_ok, self.dates_n)
        out["title"] = acc(self.heads_ok, self.heads_n)
        out["documents"] = self.documents
        out["failed"] = list(self.failed)
        out["macro_f1"] = round(sum(out[f]["f1"] for f in FIELDS[:4]) / 4, 3)
        return out


def evaluate(corpus: Path, analyze: Callable[[Path], dict]) -> Evaluation:
    """Grade `analyze(document) -> output dict` on every gold pair in corpus."""
    import yaml

    result = Evaluation()
    golds = sorted(corpus.glob("*.gold.yaml"))
    for gold_path in golds:
        result.documents += 1
        stem = gold_path.name[: -len(".gold.yaml")]
        docs = [p for p in corpus.glob(stem + ".*") if not p.name.endswith(".gold.yaml")]
        if len(docs) != 1:
            result.failed.append(
                f"{stem}: expected one document beside the gold file, found {len(docs)}"
            )
            continue
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8")) or {}
        try:
            pred = analyze(docs[0])
        except Exception as exc:  # noqa: BLE001 - a failed document is graded as empty
            result.failed.append(f"{docs[0].name}: {exc}")
            pred = {}
        result.add(stem, gold, pred)
    return result
