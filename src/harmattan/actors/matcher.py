"""Find dictionary actors in text: accent-folded token n-gram lookup, longest match first.

Text and aliases are tokenised the same way (accents folded one character for one, so offsets
stay valid; hyphens are separators, other punctuation is a token that no alias spans). An
alias token with two or more capitals ("JNIM", "FAMa", "US") must match exactly; every other
token matches case-insensitively. Matching is greedy leftmost-longest, so mentions never
overlap. Then two clean-ups: generic words next to a named armed actor are absorbed into it
("JNIM fighters", "les jihadistes de l'EIGS"), and named groups used as a qualifier ("an
al-Qaeda-linked group", "affilié à l'État islamique") are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from harmattan.actors.dictionary import LANGUAGES, ActorEntry, Alias, load_aliases

_TOKEN = re.compile(r"[^\W_]+|[^\w\s-]")
_QUOTES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "–": "-", "—": "-", "‑": "-"}
# Generic words that never merge into a neighbouring named actor.
_NOT_ABSORBED = {"Civilians", "Protesters", "Rioters", "Government", "Prisoners"}
_GAPS = {
    "",
    "of",
    "of the",
    "from",
    "from the",
    "de",
    "du",
    "des",
    "de la",
    "de l'",
    "d'",
    "the",
    "le",
    "la",
    "les",
    "l'",
    "known as",
    "called",
    "dubbed",
    "dit",
    "baptise",
    "appele",
    "(",
}
_QUALIFIER_AFTER = {
    "linked",
    "affiliated",
    "allied",
    "aligned",
    "affiliate",
    "affiliates",
    "inspired",
    "backed",
    "related",
    "loyal",
    "style",
    "type",
}
_QUALIFIER_BEFORE = (
    "linked to",
    "affiliated to",
    "affiliated with",
    "allegiance to",
    "allied to",
    "allied with",
    "loyal to",
    "lie a",
    "lies a",
    "liee a",
    "liees a",
    "affilie a",
    "affilies a",
    "affiliee a",
    "proche de",
    "proches de",
    "proche d'",
    "proches d'",
    "allegeance a",
    "franchise of",
    "branch of",
    "branche de",
)


# "gunmen suspected to be Fulani herdsmen", "des hommes armes presumes jihadistes du JNIM": the
# armed men have the name the text gives them
_SUSPECTED = re.compile(
    r"^,? ?(?:(?:who (?:are|were) )?(?:suspected|believed|thought|presumed|identified|said) (?:to be|of being|as)"
    r"|suspected|presumes?|soupconnes? d'etre|qui seraient|identifies? comme)(?: des| the| an?| d'| de)?(?: \w+)?$"
    r"|^,? ?(?:belonging|affiliated) to(?: the)?$|^,? ?appartenant(?: \w+)? (?:au|a la|a l'|aux)$"
)


def _fold_char(char: str) -> str:
    if char in _QUOTES:
        return _QUOTES[char]
    base = unicodedata.normalize("NFD", char)[0]
    return base if len(base) == 1 else char


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {code: _fold_char(chr(code)) for code in range(0x80, 0x2100) if _fold_char(chr(code)) != chr(code)}


def fold(text: str) -> str:
    """Accents and typographic quotes folded, one character for one (offsets unchanged)."""
    return text.translate(_fold_table())


def _strict(token: str) -> bool:
    return not token.islower() and sum(c.isupper() for c in token) >= 2


@dataclass(frozen=True)
class _Key:
    """One compiled alias: exact-case tokens to check, and its actor."""

    strict: tuple[tuple[int, str], ...]
    entry: ActorEntry


@dataclass(frozen=True)
class Match:
    """One dictionary hit, in character offsets of the original text."""

    start: int
    end: int
    entry: ActorEntry


class ActorMatcher:
    """The dictionary compiled for one language: n-gram table keyed by lower-cased tokens."""

    def __init__(self, aliases: tuple[Alias, ...], language: str) -> None:
        self.table: dict[tuple[str, ...], list[_Key]] = {}
        for alias in aliases:
            if alias.language != language:
                continue
            tokens = tuple(m.group() for m in _TOKEN.finditer(fold(alias.text)))
            if not tokens:
                continue
            key = tuple(t.lower() for t in tokens)
            strict = tuple((i, t) for i, t in enumerate(tokens) if _strict(t))
            keys = self.table.setdefault(key, [])
            if all(k.strict != strict for k in keys):
                keys.append(_Key(strict, alias.entry))
        # the longest alias starting with each token bounds the n-grams tried there
        self.first: dict[str, int] = {}
        for k in self.table:
            self.first[k[0]] = max(self.first.get(k[0], 0), len(k))

    def find(self, text: str) -> list[Match]:
        """Leftmost-longest non-overlapping hits, before the clean-ups."""
        folded = fold(text)
        lowered = folded.lower()
        found = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(folded)]
        words = [w for _, _, w in found]
        lower = [w.lower() for w in words]
        out: list[Match] = []
        i, n = 0, len(words)
        while i < n:
            longest = self.first.get(lower[i], 0)
            hit = None
            for size in range(min(longest, n - i), 0, -1):
                keys = self.table.get(tuple(lower[i : i + size]))
                if keys:
                    hit = next((k for k in keys if self._accepts(k, words, i, size, lowered)), None)
                    if hit is not None:
                        out.append(Match(found[i][0], found[i + size - 1][1], hit.entry))
                        i += size
                        break
            if hit is None:
                i += 1
        return out

    @staticmethod
    def _accepts(key: _Key, words: list[str], i: int, size: int, lowered: str) -> bool:
        for offset, token in key.strict:
            if words[i + offset] != token:
                return False
            if len(token) <= 3 and _in_caps_run(words, i, i + size):
                return False
        return not (key.strict and any(phrase in lowered for phrase in key.entry.block_if))


def _in_caps_run(words: list[str], start: int, end: int) -> bool:
    """Whether a short acronym sits in an all-capitals headline ("IS" in "WHAT IS NEXT")."""
    neighbours = [
        w for w in (words[start - 1] if start > 0 else "", words[end] if end < len(words) else "") if w.isalpha()
    ]
    return any(len(w) >= 2 and w.isupper() for w in neighbours)


@lru_cache(maxsize=len(LANGUAGES))
def matcher_for(language: str) -> ActorMatcher:
    """The compiled matcher for a language (built once per process)."""
    return ActorMatcher(load_aliases(), language if language in LANGUAGES else "en")


def _gap(text: str, start: int, end: int) -> str:
    return " ".join(fold(text[start:end]).lower().replace("'", "' ").split()).replace("' ", "'")


def _armed(entry: ActorEntry) -> bool:
    return not entry.generic and entry.inter in (1, 2, 3, 4, 8)


def _unnamed(entry: ActorEntry) -> bool:
    """Armed men the text has not named yet ("gunmen", "des miliciens")."""
    return entry.generic and entry.inter in (3, 4) and entry.name.startswith("Unidentified") and not entry.absorb_only


def _militia(entry: ActorEntry) -> bool:
    """An ethnic or communal militia (generic entries such as "Fulani herdsmen" included)."""
    return entry.inter == 4 and not entry.absorb_only and not entry.ignore


def _absorbable(entry: ActorEntry) -> bool:
    return entry.generic and entry.name not in _NOT_ABSORBED


def _is_qualifier(text: str, match: Match) -> bool:
    """A named group used to describe another ("al-Qaeda-linked", "affilie a l'EI")."""
    after = fold(text[match.end : match.end + 14]).lower().lstrip("-' ")
    if after.split(" ", 1)[0].strip(",.") in _QUALIFIER_AFTER:
        return True
    before = " ".join(fold(text[max(0, match.start - 24) : match.start]).lower().split())
    before = (
        before.removesuffix(" the").removesuffix(" l'").removesuffix(" la").removesuffix(" le").removesuffix(" de l'")
    )
    return before.rstrip(" '").endswith(_QUALIFIER_BEFORE) or before.endswith(_QUALIFIER_BEFORE)


def clean_matches(text: str, matches: list[Match]) -> list[Match]:
    """Absorb generic words into adjacent named armed actors; drop qualifiers and absorb-only words."""
    out: list[Match] = []
    for match in matches:
        if match.entry.ignore:
            continue
        if not match.entry.generic and _is_qualifier(text, match):
            prev = out[-1] if out else None
            if prev is not None and _absorbable(prev.entry) and prev.entry.inter == 3 and match.start - prev.end <= 30:
                # "militants linked to JNIM": the only name these militants have is JNIM
                out[-1] = Match(prev.start, match.end, match.entry)
            continue
        if out:
            prev = out[-1]
            gap = _gap(text, prev.end, match.start)
            if _unnamed(prev.entry) and (_armed(match.entry) or _militia(match.entry)) and _SUSPECTED.match(gap):
                out[-1] = Match(prev.start, match.end, match.entry)
                continue
            if gap in _GAPS or gap == "(" or gap == ",":
                if prev.entry == match.entry and gap in ("(", ",", ""):
                    out[-1] = Match(prev.start, match.end, prev.entry)
                    continue
                if gap != "," and _armed(prev.entry) and _absorbable(match.entry):
                    out[-1] = Match(prev.start, match.end, prev.entry)
                    continue
                if gap != "," and _absorbable(prev.entry) and _armed(match.entry):
                    out[-1] = Match(prev.start, match.end, match.entry)
                    continue
        out.append(match)
    return [_close_paren(text, m) for m in out if not m.entry.absorb_only]


def _close_paren(text: str, match: Match) -> Match:
    """ "Islamic State in the Greater Sahara (ISGS" -> include the closing parenthesis."""
    opened = text.count("(", match.start, match.end) > text.count(")", match.start, match.end)
    if opened and text.startswith(")", match.end):
        return Match(match.start, match.end + 1, match.entry)
    return match
