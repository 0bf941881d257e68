"""Places stage (first cut): to be replaced by the gazetteer-backed geoparser.

``find_places`` returns place mentions; ``locate_event`` picks the event's location for a
sentence. This first cut knows no places and returns an empty location.
"""

from __future__ import annotations

import dataclasses

from harmattan.records import Document, EventLocation, PlaceMention, Span


def find_places(doc: Document) -> tuple[PlaceMention, ...]:
    return ()


def locate_event(doc: Document, sentence: Span) -> EventLocation:
    return EventLocation(country="")


class PlacesStage:
    name = "places"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("places",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, places=find_places(doc))
