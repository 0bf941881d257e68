"""Event detection and typing (first cut): one event per sentence with a trigger word."""

from __future__ import annotations

import dataclasses
import re

from harmattan.records import Document, EventMention, Span
from harmattan.taxonomy import event_type_of

# (pattern, sub_event_type), first match wins.
_TRIGGERS: list[tuple[str, str]] = [
    (r"suicide bomb\w*|kamikaze|attentat-suicide", "Suicide bomb"),
    (r"air ?strikes?|drone strikes?|frappes? aériennes?|frappes? de drone", "Air/drone strike"),
    (r"\bIEDs?\b|landmines?|roadside bomb|explosive device|engin explosif|mine artisanale", "Remote explosive/landmine/IED"),
    (r"kidnapp\w*|abduct\w*|enlev\w*|kidnapp\w*|otages?", "Abduction/forced disappearance"),
    (r"clash\w*|ambush\w*|affrontements?|embuscade|combats?|attacked (?:an? )?(?:army|military)", "Armed clash"),
    (r"riot\w*|émeutes?", "Violent demonstration"),
    (r"protest\w*|demonstrat\w*|manifest\w*|marche", "Peaceful protest"),
    (r"arrest\w*|interpell\w*|arrêt\w*", "Arrests"),
    (r"agreement|accord|ceasefire|cessez-le-feu", "Agreement"),
    (r"coup d'[ée]tat|coup\b", "Other"),
    (r"killed|attack\w*|massacre\w*|tués?|attaqu\w*", "Attack"),
]
_COMPILED = [(re.compile(r"\b(?:" + p + r")", re.IGNORECASE), s) for p, s in _TRIGGERS]


def detect_events(doc: Document) -> tuple[EventMention, ...]:
    out = []
    for sentence in doc.sentences:
        for pattern, sub in _COMPILED:
            match = pattern.search(sentence.text)
            if match:
                start = sentence.start + match.start()
                trigger = Span(start, start + len(match.group(0)), match.group(0))
                out.append(EventMention(sentence, trigger, event_type_of(sub), sub, 0.5))
                break
    return tuple(out)


class EventsStage:
    name = "events"
    requires: tuple[str, ...] = ("sentences",)
    provides: tuple[str, ...] = ("event_mentions",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, event_mentions=detect_events(doc))
