"""The packaged actor dictionary: named actors, generic actor words and per-country templates.

``actors.json`` (package data, written by the project from public knowledge, no ACLED data)
holds three lists:

- ``actors``: one entry per actor: ``name`` in the gold guide's style, ``inter`` code,
  optional ``country``, aliases in ``names`` (both languages), ``en`` or ``fr`` (one language),
  ``generic`` (the country is filled in from the event: "gunmen" -> Unidentified Armed Group),
  ``block_if`` (phrases whose presence in a text disables the entry's acronyms: "RSF" next to
  "Reporters sans frontieres") and ``absorb_only`` (words such as "fighters" that only extend
  an adjacent named actor: "JNIM fighters"); ``ignore`` entries only shield their words
  ("local government area", "guerre civile") from the generic words inside them.
- ``countries``: ACLED country name, English names and demonyms, French ``du Mali`` forms and
  French demonyms ``[masculine, feminine]``; ``external`` marks states whose forces mostly act
  abroad in our reports (France, United States, Russia...).
- ``templates``: ``Military Forces of {country}`` etc. with alias patterns ``{dem} army``,
  ``{name}'s army``, ``armée {fs}``, ``soldats {mp}``, ``armée {of}``, expanded per country.

This module only loads and expands the data; matching lives in ``matcher.py``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "fr")


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary actor (or generic actor word class)."""

    name: str
    inter: int
    country: str = ""
    generic: bool = False
    absorb_only: bool = False
    ignore: bool = False  # a phrase that only shields its words ("local government area")
    block_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alias:
    """One surface form of an actor, for one language."""

    text: str
    language: str
    entry: ActorEntry


def _fr_plural(word: str) -> str:
    return word if word.endswith(("s", "x")) else word + "s"


def _country_name(template: str, country: dict[str, Any]) -> str:
    name = str(country["country"])
    if "of {country}" in template and country.get("the"):
        name = "the " + name
    return template.replace("{country}", name)


def _fill(pattern: str, values: dict[str, list[str]]) -> list[str]:
    """Every expansion of one alias pattern over the country's forms."""
    for key, options in values.items():
        if "{" + key + "}" in pattern:
            return [filled for option in options for filled in _fill(pattern.replace("{" + key + "}", option), values)]
    return [pattern]


def _country_forms(country: dict[str, Any]) -> dict[str, list[str]]:
    fr_dem: list[list[str]] = country.get("fr_dem", [])
    return {
        "dem": list(country.get("dem", [])),
        "name": list(country.get("en", [])),
        "of": list(country.get("fr_of", [])),
        "ms": [ms for ms, _ in fr_dem],
        "fs": [fs for _, fs in fr_dem],
        "mp": sorted({_fr_plural(ms) for ms, _ in fr_dem} | {ms for ms, _ in fr_dem if ms.endswith("è")}),
        "fp": [_fr_plural(fs) for _, fs in fr_dem],
    }


def _template_aliases(data: dict[str, Any]) -> list[Alias]:
    out: list[Alias] = []
    for template in data["templates"]:
        for country in data["countries"]:
            inter = int(template["inter"])
            if country.get("external") and "inter_external" in template:
                inter = int(template["inter_external"])
            entry = ActorEntry(_country_name(template["name"], country), inter, str(country["country"]))
            forms = _country_forms(country)
            for language in LANGUAGES:
                for pattern in template.get(language, []):
                    out.extend(Alias(text, language, entry) for text in _fill(pattern, forms))
    return out


def _actor_aliases(data: dict[str, Any]) -> list[Alias]:
    out: list[Alias] = []
    for raw in data["actors"]:
        entry = ActorEntry(
            name=str(raw["name"]),
            inter=int(raw["inter"]),
            country=str(raw.get("country", "")),
            generic=bool(raw.get("generic", False)),
            absorb_only=bool(raw.get("absorb_only", False)),
            ignore=bool(raw.get("ignore", False)),
            block_if=tuple(raw.get("block_if", ())),
        )
        for language in LANGUAGES:
            out.extend(Alias(text, language, entry) for text in raw.get("names", []))
            out.extend(Alias(text, language, entry) for text in raw.get(language, []))
    return out


def load_data() -> dict[str, Any]:
    """The raw dictionary file."""
    text = resources.files("harmattan.actors").joinpath("actors.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@lru_cache(maxsize=1)
def load_aliases() -> tuple[Alias, ...]:
    """Every alias, named actors first (they win a tie), then country templates."""
    data = load_data()
    named = [a for a in _actor_aliases(data) if not a.entry.generic]
    generic = [a for a in _actor_aliases(data) if a.entry.generic and not a.entry.absorb_only]
    absorb = [a for a in _actor_aliases(data) if a.entry.absorb_only]
    return tuple(named + _template_aliases(data) + generic + absorb)
