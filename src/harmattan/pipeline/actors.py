"""Actors stage (first cut): a handful of generic actor words."""

from __future__ import annotations

import dataclasses
import re

from harmattan.records import ActorMention, Document, Span

_GENERIC = [
    (r"gunmen|militants|jihadists|hommes armés|terroristes|terrorists|bandits", "Unidentified Armed Group", 3),
    (r"soldiers|army|troops|soldats|armée|militaires", "Military Forces", 1),
    (r"protesters|demonstrators|manifestants", "Protesters", 6),
    (r"civilians|villagers|civils|villageois", "Civilians", 7),
]


def find_actors(text: str, language: str) -> tuple[ActorMention, ...]:
    out = []
    for pattern, name, inter in _GENERIC:
        for m in re.finditer(r"\b(?:" + pattern + r")\b", text, re.IGNORECASE):
            out.append(ActorMention(Span(m.start(), m.end(), m.group(0)), name, inter, generic=True))
    return tuple(sorted(out, key=lambda a: a.span.start))


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, actors=find_actors(doc.article.text, doc.language))
