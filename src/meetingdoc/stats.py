"""Statistics across many reports: who attends most, which terms, principles,
targets recur, and which actions the requirements ask for.

The leading action verb of a requirement is found by dropping enumerators,
the subject, the modal and the adverbs that usually precede the verb (cue
table `dicts/stats_cues.txt`), then taking the two characters that follow.

Known limitations: the action is two characters, which is right for most
policy verbs (推进, 加强, 落实) but cuts longer ones (统筹推进 -> 统筹).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from .model import Report
from .resources import alternation, cue_table

# 句首的序号：一是、（一）、1.、第一，
_ENUMERATOR = re.compile(
    r"^(?:[一二三四五六七八九十]+是|（[一二三四五六七八九十\d]+）|\d+[.、．]|第[一二三四五六七八九十]+[，、])"
)


@cache
def _cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    table = cue_table("stats_cues.txt")
    modals, adverbs = alternation(table["modals"]), alternation(table["adverbs"])
    return re.compile(rf"^.{{0,12}}?(?:{modals})"), re.compile(rf"^(?:{adverbs})+")


def leading_action(requirement: str) -> str | None:
    """The action verb a requirement leads with (`要持续强化规划引领` -> 强化)."""
    text = _ENUMERATOR.sub("", requirement.strip())
    modal, adverbs = _cues()
    text = modal.sub("", text, count=1)
    text = adverbs.sub("", text)
    head = re.match(r"[\u4e00-\u9fff]{2}", text)
    return head.group(0) if head else None


@dataclass
class Stats:
    documents: int = 0
    attendees: Counter = field(default_factory=Counter)
    titles: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    terms: Counter = field(default_factory=Counter)
    principles: Counter = field(default_factory=Counter)
    targets: Counter = field(default_factory=Counter)
    actions: Counter = field(default_factory=Counter)

    def add(self, report: Report) -> None:
        self.documents += 1
        for person in {a.name: a for a in report.attendees}.values():
            self.attendees[person.name] += 1
            self.titles[person.name].update(person.titles)
        for term in report.terms:
            self.terms[term.term] += term.count
        self.principles.update({p.value for p in report.principles})
        self.targets.update({t.name for t in report.targets})
        for requirement in report.requirements:
            action = leading_action(requirement.text)
            if action:
                self.actions[action] += 1

    def top(self, limit: int) -> dict:
        """Most frequent first; ties by text, so the output is deterministic."""

        def ranked(counter: Counter) -> list[tuple[str, int]]:
            return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]

        return {
            "documents": self.documents,
            "attendees": [
                {"name": name, "reports": n, "titles": [t for t, _ in ranked(self.titles[name])]}
                for name, n in ranked(self.attendees)
            ],
            "terms": [{"term": t, "count": n} for t, n in ranked(self.terms)],
            "principles": [{"value": v, "reports": n} for v, n in ranked(self.principles)],
            "targets": [{"name": v, "reports": n} for v, n in ranked(self.targets)],
            "actions": [{"action": v, "requirements": n} for v, n in ranked(self.actions)],
        }


def collect(reports: Iterable[Report]) -> Stats:
    stats = Stats()
    for report in reports:
        stats.add(report)
    return stats
