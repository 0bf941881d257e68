"""How death counts are written in EN/FR news: numbers, vague quantities, victim nouns.

``parse_number`` reads a count written in digits ("1,200", "1 200"), in words in both
languages ("twenty-two", "quatre-vingt-neuf") or as a vague quantity read by the codebook
("dozens" 12, "tens"/"des dizaines" 10, "hundreds" 100, "scores" 20, "several"/"a number
of"/"plusieurs" 3, "une vingtaine" 20). ``QUANT`` finds such counts in text; ``NOUNS`` are
the victim nouns by side, and ``noun_side`` tells a noun's side. This module must not
decide what a count is of: ``fatalities`` reads the deaths.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre vingt": 80, "quatre vingts": 80,
}  # fmt: skip
SCALES = {"hundred": 100, "cent": 100, "cents": 100, "thousand": 1000, "mille": 1000, "dozen": 12}
# Vague quantities, by the codebook (gold guide): the conservative reading of each.
VAGUE = {
    "dozens": 12, "a dozen": 12, "tens": 10, "hundreds": 100, "thousands": 1000, "scores": 20, "a score": 20,
    "several dozen": 12, "several hundred": 100, "several": 3, "a number of": 3, "a few": 3, "a handful": 3,
    "une dizaine": 10, "des dizaines": 10, "plusieurs dizaines": 10, "une douzaine": 12, "une quinzaine": 15,
    "une vingtaine": 20, "une trentaine": 30, "une quarantaine": 40, "une cinquantaine": 50,
    "une soixantaine": 60, "une centaine": 100, "des centaines": 100, "plusieurs centaines": 100,
    "un millier": 1000, "des milliers": 1000, "plusieurs": 3, "quelques": 3,
}  # fmt: skip
SINGULAR = {"a": 1, "an": 1, "one": 1, "un": 1, "une": 1, "another": 1}

WORD_ALT = "|".join(sorted({k.strip() for k in UNITS} | set(SCALES), key=len, reverse=True))
VAGUE_ALT = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+(?:[«“\"]\s*)?") for k in VAGUE), key=len, reverse=True))
QUALIFIER = (
    r"(?:(?:at\s+least|about|around|some|nearly|almost|more\s+than|over|up\s+to|as\s+many\s+as|no\s+fewer\s+than"
    r"|no\s+less\s+than|well\s+over|approximately|roughly|an\s+estimated|a\s+total\s+of|a\s+further|another"
    r"|au\s+moins|près\s+de|pres\s+de|plus\s+de|environ|quelque|jusqu'à|jusqu’à|pas\s+moins\s+de|un\s+total\s+de"
    r"|officially|at\s+most|a\s+minimum\s+of|a\s+maximum\s+of|not\s+less\s+than|au\s+minimum)\s+)*"
)
NUMBER = (
    r"(?P<num>\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+"
    r"|an?\s+(?:hundred|thousand)(?:(?:[-\s]+|\s+and\s+)(?:" + WORD_ALT + r"))*"
    r"|(?:" + VAGUE_ALT + r")(?=\s)"
    r"|(?:" + WORD_ALT + r")(?:(?:[-\s]+|\s+(?:and|et)\s+|-et-)(?:" + WORD_ALT + r"))*"
    r"|a|an|one|un|une|another)"
)
QUANT = re.compile(r"(?<![\w/.,:-])" + QUALIFIER + NUMBER + r"\b(?![-/]\w|[.,:]\d)", _FLAGS)

# Victim nouns by side: distinct sides add up in an event; reports of one side conflict.
NOUNS = {
    "state": r"soldiers?|troops?|troopers?|servicem[ae]n|service\s+members|military\s+personnel|personnel|officers?"
    r"|policem[ae]n|police(?:\s+officers)?|gendarmes?|guards?|rangers?|peacekeepers?|security\s+forces"
    r"|militaires?|soldats?|policiers?|agents?|casques\s+bleus|gardes?|vdp|volunteers|volontaires|army\s+\w+",
    "armed": r"militants?|fighters?|insurgents?|jihadists?|djihadistes?|jihadistes?|terrorists?|terroristes?"
    r"|attackers?|assailants?|assaillants?|gunmen|bandits?|rebels?|rebelles?|extremists?|suspects?|insurgés?"
    r"|combattants?|éléments|elements|assaillants|islamistes?|islamists?|kamikazes?|présumés",
    "foreign": r"mercenaries|mercenaires|wagner\s+\w+",
    "civilian": r"civilians?|civils?|villagers?|villageois|residents?|habitants?|women|femmes|children|enfants"
    r"|students?|élèves|étudiants?|worshipp?ers|fidèles|farmers?|herders?|traders?|passengers?|passagers?"
    r"|workers?|travailleurs?|employés?|employees|miners?|orpailleurs?|protesters?|demonstrators?|manifestants?"
    r"|trainers?|instructors?|pilots?|interpreters?|translators?|teachers?|nurses?|doctors?|imams?|pastors?|priests?"
    r"|enseignants?|infirmi(?:er|ère)s?|médecins?|prêtres?|pasteurs?|colleagues?|collègues?"
    r"|pupils|bergers?|éleveurs?|agriculteurs?|paysans?|displaced|déplacés|refugees|réfugiés|hostages?|otages?"
    r"|journalists?|journalistes?|guides?|officials?|family\s+members|members|membres|chiefs?|chefs?|traders"
    r"|citizens?|nationals?|tourists?|touristes?|ressortissants?|citoyens?|aid\s+workers?|humanitaires?|drivers?|chauffeurs?"
    r"|commerçants?|christians|chrétiens|muslims|musulmans|boys|girls|garçons|filles|patients|jeunes?|youths?",
    "total": r"(?-i:[A-Z][a-z]+(?:ans|ens|ais|ois))|people|persons|person|individuals|personnes?|individus|men"
    r"|hommes|others|autres|victims?|victimes?|dead|deaths|fatalities|bodies|corps|morts?|décès|lives|vies|casualties"
    r"|pertes\s+en\s+vies\s+humaines|pertes\s+humaines",
}
ANY_NOUN = "|".join(f"(?:{v})" for v in NOUNS.values())


def parse_number(token: str) -> int | None:
    """The value of a count written in digits, EN/FR words or a codebook vague quantity."""
    token = " ".join(re.sub(r"[«»“”\"]", " ", token.lower().replace("’", "'")).split())
    token = re.sub(r"^an?\s+(?=hundred|thousand)", "one ", token)  # "a hundred"
    digits = re.sub(r"[,\u00a0\u202f ]", "", token)
    if digits.isdigit():
        return int(digits)
    if token in VAGUE:
        return VAGUE[token]
    if token in SINGULAR:
        return SINGULAR[token]
    total, current = 0, 0
    words = re.split(r"\s+(?:and|et)\s+|-et-|[-\s]+", token)
    i = 0
    while i < len(words):
        word = words[i]
        pair = f"{word}-{words[i + 1]}" if i + 1 < len(words) else ""
        if pair in UNITS:  # quatre-vingt(s)
            current += UNITS[pair]
            i += 2
            continue
        if word in SCALES:
            scale = SCALES[word]
            if scale == 1000:
                total += max(current, 1) * 1000
                current = 0
            else:
                current = max(current, 1) * scale
        elif word in UNITS:
            current += UNITS[word]
        else:
            return None
        i += 1
    value = total + current
    return value if value or token == "zero" else None


def noun_side(noun: str) -> str:
    """The side a victim noun names: state, armed, foreign, civilian, or total."""
    for name, pattern in NOUNS.items():
        if re.fullmatch(pattern, noun, _FLAGS):
            return name
    return "total"
