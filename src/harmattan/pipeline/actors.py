"""Actors stage: actor mentions from the packaged EN/FR dictionary.

``find_actors`` holds the logic (dictionary lookup in ``harmattan.actors``); the stage only
writes its result into the Document. Generic mentions ("gunmen", "soldiers") carry no country:
the assemble step names them from the event's country.
"""

from __future__ import annotations

import dataclasses

from harmattan.actors.matcher import clean_matches, matcher_for
from harmattan.records import ActorMention, Document, Span


def find_actors(text: str, language: str) -> tuple[ActorMention, ...]:
    """Every actor named or described in ``text``, in order, never overlapping."""
    matches = clean_matches(text, matcher_for(language).find(text))
    return tuple(
        ActorMention(
            span=Span(m.start, m.end, text[m.start : m.end]),
            name=m.entry.name,
            inter=m.entry.inter,
            country=m.entry.country,
            generic=m.entry.generic,
        )
        for m in matches
    )


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("actors",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, actors=find_actors(doc.article.text, doc.language))
