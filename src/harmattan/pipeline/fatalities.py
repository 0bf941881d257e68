"""Fatalities stage (first cut): numbers next to killed / dead / tués."""

from __future__ import annotations

import dataclasses
import re

from harmattan.records import Document, FatalityMention, Span

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "un": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
    "dozens": 12, "dizaines": 10, "several": 3, "plusieurs": 3,
}
_KILLED = re.compile(
    r"\b(?P<num>\d{1,5}|" + "|".join(_NUMBER_WORDS) + r")\b(?:\s+\w+){0,3}?\s+(?:killed|dead|died|tués|morts|tuées)\b"
    r"|\bkill(?:ing|ed|s)?\s+(?:at least\s+)?(?P<num2>\d{1,5}|" + "|".join(_NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


def _value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def find_fatalities(text: str, language: str) -> tuple[FatalityMention, ...]:
    return tuple(
        FatalityMention(Span(m.start(), m.end(), m.group(0)), _value(m.group("num") or m.group("num2")))
        for m in _KILLED.finditer(text)
    )


class FatalitiesStage:
    name = "fatalities"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("fatalities",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, fatalities=find_fatalities(doc.article.text, doc.language))
