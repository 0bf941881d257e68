"""Fatalities stage: reported death counts in EN/FR text, read by the codebook.

``find_fatalities`` finds each stated death count with the phrase that says so: "killing 14
soldiers", "14 soldiers were killed", "at least 30 dead", "the death toll rose to 40", "au
moins 12 morts", "ont été tués", "a fait 15 victimes", "20 terroristes neutralisés". Numbers
are digits ("1,200", "1 200") or words in both languages ("twenty-two", "quatre-vingt-neuf");
vague quantities follow the codebook: "dozens" 12, "tens"/"des dizaines" 10, "hundreds" 100,
"scores" 20, "several"/"a number of"/"plusieurs" 3, "une vingtaine" 20. A list of victims
("six aid workers and two guides were killed") is one mention with the sum; subsets after
"including"/"dont" are not counted again. Wounded, kidnapped and missing counts and numbers
of things ("14 vehicles") are not deaths.

``fatalities_for_event`` turns the mentions of one event into its ACLED ``fatalities``.
This module must not decide which event a count belongs to.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from harmattan.pipeline.counts import (
    ANY_NOUN,
    NUMBER,
    QUALIFIER,
    QUANT,
    SINGULAR,
    VAGUE_ALT,
    WORD_ALT,
    noun_side,
    parse_number,
)
from harmattan.records import Document, FatalityMention, Span

_FLAGS = re.IGNORECASE

_NOUN_AFTER = re.compile(
    r"^\s*(?:(?P<partitive>of\s+them\b|of\s+whom\b|d['’]entre\s+(?:eux|elles))|of\s+(?:the\s+)?|d['’]|de\s+|des\s+)?\s*(?:[“«]\s*)?"
    r"(?P<adj>(?:(?!(?:while|but|whereas|mais|tandis|were|was|have|has|had|are|ont|a|sont|and|et|in|on|at|à|au|dans|who|qui|by|par|from|for|with|avec|pour|near|since|depuis|as|killed|dead|died|tu[ée]e?s?|morts?)\b)[^\W\d][\w'’-]*\s+){0,3}?)"
    r"(?P<noun>" + ANY_NOUN + r")\b",
    _FLAGS,
)
_YEAR_BEFORE = re.compile(  # "in 2016", "October 2016", "juin 2021"
    r"\b(?:in|en|since|depuis|of|de|jan\w*|feb\w*|févr\w*|fevr\w*|mar\w*|apr\w*|avr\w*|may|mai|june?|juin|july?"
    r"|juil\w*|aug\w*|août|aout|sep\w*|oct\w*|nov\w*|dec\w*|déc\w*)\.?\s+$",
    _FLAGS,
)
# "seven of the eight people killed": the whole (eight) is the toll, the part is not
_OF_THE_WOUNDED = re.compile(
    r"^\s+(?:of\s+(?:the|those)|des|parmi\s+les)\s+(?:\d+\s+|[^\W\d]+\s+)?(?P<hurt>blessés|wounded|injured)\b", _FLAGS
)
_OF_THE_WHOLE = re.compile(r"^\s+(?:of\s+(?:the|these|those)|des|sur\s+les)\s+" + QUALIFIER + NUMBER + r"\b", _FLAGS)
# "three of the dead", "sept des victimes": a part of a toll told elsewhere
_OF_THE_DEAD = re.compile(
    r"^\s+(?:of\s+(?:the|those)\s+(?:dead|deceased|victims|fatalities|bodies|(?:people\s+|those\s+)?killed)"
    r"|(?:des|parmi\s+les)\s+(?:morts|victimes|tués|personnes\s+tuées|corps|défunts))\b",
    _FLAGS,
)
_LIVES_CUE = re.compile(r"\b(?:claim(?:ed|ing|s)?|cost|took|taken)\s+" + QUALIFIER + r"$", _FLAGS)
_DEATH_NOUN = re.compile(
    r"dead|deaths|fatalities|bodies|corps|morts?|décès|victimes?|victims|pertes\s+en\s+vies\s+humaines|pertes\s+humaines",
    _FLAGS,
)
_PARTITIVE = re.compile(r"^\s*(?:of\s+them|of\s+whom|d['’]entre\s+(?:eux|elles))\b", _FLAGS)
_NOT_PEOPLE = re.compile(
    r"^\s*(?:(?!(?:killed|dead|died|tu[ée]e?s|morts?|in|at|on|near|across|à|dans|en|près)\b)[\w'’-]+\s+){0,2}?(?:vehicles?|cars?|trucks?|houses?|homes?|buildings?|km|kilom[eè]tres?|kilometers?"
    r"|miles?|metres?|meters?|percent|per\s+cent|%|years?|ans?|années?|months?|mois|days?|jours?|hours?|heures?"
    r"|minutes?|villages?|communities|localités|motorcycles?|motos?|camions?|véhicules?|maisons?|weapons?|armes?"
    r"|rounds?|bombs?|bombes?|drones?|villages|shops?|boutiques?|cattle|head|têtes|am|pm|h\b|hrs|heads?)\b",
    _FLAGS,
)
_ACTIVE_KILL = re.compile(
    r"(?:\bkill(?:ed|ing|s)?|\bslaughter(?:ed|ing|s)?|\bmassacr(?:ed|ing|es?)|\bexecut(?:ed|ing|es?)"
    r"|\bbehead(?:ed|ing|s)?|\bhack(?:ed|ing)\s+to\s+death|\bshot\s+dead|\bshooting\s+dead|\bgunned\s+down"
    r"|\bmurder(?:ed|ing|s)?|\bneutrali[sz](?:ed|ing|es?)|\bclaim(?:ed|ing|s)?\s+the\s+lives\s+of|\bleft|\bleaving"
    r"|\btu(?:er|ant|é|ée|és|ées|ent|ait|aient|ons|a)|\babatt(?:u|us|ant|re|ent|aient)|\bmassacr(?:é|és|ant|er)"
    r"|\bexécut(?:é|és|ant|er)|\bégorg(?:é|és|eant|er)|\bdécapit(?:é|és|ant|er)|\bneutralis(?:é|és|ant|er)"
    r"|\bcoûté\s+la\s+vie\s+à|\bcouté\s+la\s+vie\s+à|\bcoûtant\s+la\s+vie\s+à|\bfauch(?:é|ant))"
    r"(?:\s+(?:and|et)\s+(?:injured|wounded|bless(?:é|ant|er)))?"
    r"(?:\s+(?:at\s+least|another|a\s+further|some|more\s+than|over|au\s+moins|plus\s+de|près\s+de))?\s*[“\"«]?\s*$",
    _FLAGS,
)
_TOLL_BEFORE = re.compile(
    r"(?:\b(?:death\s+toll|toll|bilan|number\s+of\s+(?:the\s+)?dead|nombre\s+de\s+morts)\b[^.;:!?]{0,50}?"
    r"\b(?:to|at|of|reached|hit|is|was|stands\s+at|à|de|est\s+de|s'élève\s+à|atteint)"
    r"|\b(?:deaths?|death|loss|mort|décès|la\s+vie)(?:\s+(?:par\s+balles?|by\s+gunfire))?"
    r"\s*(?:\s(?:of|de|à)|\sd['’]\s*au\s+moins|\sd['’])"
    r"|\b(?:killing|dead|tuant)\s+(?:of\s+)?)\s*[“\"«]?\s*$",
    _FLAGS,
)
# who the victims were, between them and the verb ("22 members of the wedding party had died",
# "300 habitants de cette localité et ses environs ont été exécutés"): no verb, no number
_COMPLEMENT = (
    r"\s+(?:of|from|de|du|des|d['’])\s*(?:(?!(?:who|which|that|qui|que|when|were|was|have|has|had|are|is|ont|a|sont"
    r"|est|été|avaient|avait|said|says|told|dit|selon|according|" + WORD_ALT + r")\b)[^\W\d][\w'’-]*\s*?){1,5}?"
)
# more victims sharing the number ("several students and soldiers have been confirmed dead")
_MORE_NOUNS = r"(?:\s+(?:and|et)\s+(?:[^\W\d][\w'’-]*\s+)?(?:" + ANY_NOUN + r")\b)"
_INCLUDING = r"(?:\s*,?\s*(?:including|dont|notamment|among\s+them|parmi\s+(?:eux|lesquels))\b[^.;:!?\d]{0,120}?)"
_DEATH_AFTER = re.compile(
    r"^(?P<gap>(?:" + _COMPLEMENT + _INCLUDING + r"?|" + _MORE_NOUNS + r"?" + _INCLUDING + r"?"
    r"(?:\s+(?!(?:and|et|who|which|qui|que|when|quand|with|avec|while|alors)\b)[^\W\d][\w'’-]*){0,3}?)"
    r"(?:\s*[,“”\"«»]|\s+(?:who|that|qui|were|was|auraient|aurait|seraient|serait|would|may|might|reportedly|have|has|had|been|are|is|being|reportedly|also|all|allegedly|confirmed"
    r"|feared|later|subsequently|found|ont|a|été|avaient|avait|sont|était|étaient|aussi|également|tous|toutes"
    r"|toutes|déjà|finalement|probablement|ensuite|retrouvés?|retrouvées?|in\s+all|in\s+total|au\s+total))*\s*)"
    r"\b(?P<verb>killed|dead|died|die|slain|murdered|massacred|executed|beheaded|perished|lost\s+their\s+lives"
    r"|shot\s+dead|gunned\s+down|neutrali[sz]ed|burnt\s+to\s+death|burned\s+to\s+death|hacked\s+to\s+death"
    r"|(?:tu|massacr|ex[ée]cut|[ée]gorg|d[ée]capit|neutralis|assassin|fusill|calcin)(?:é|ée|és|ées)|abattu(?:e|s|es)?|morts?"
    r"|perdu\s+la\s+vie|trouv[ée]\s+la\s+mort|p[ée]ri|succomb[ée]|sans\s+vie|lifeless|lifeles)\b",
    _FLAGS,
)
_SUBSET_BEFORE = re.compile(
    r"(?:\bincluding|\bamong\s+them|\bof\s+whom|\bdont|\bparmi\s+(?:eux|elles|lesquels|lesquelles)|\bnotamment"
    r"|\bamong)\s*(?:the\s+|les\s+)?(?:at\s+least\s+|au\s+moins\s+)?$",
    _FLAGS,
)
_LIST_JOIN = re.compile(
    r"^\s*(?:,\s*(?:and\s+|et\s+)?|\s+and\s+|\s+et\s+|\s+as\s+well\s+as\s+|\s+ainsi\s+que\s+)", _FLAGS
)
_ONE_PERSON = (
    r"driver|guide|trainer|instructor|pilot|interpreter|translator|cook|bodyguard|escort|colleague|wife|husband|son"
    r"|daughter|brother|sister|father|mother|child|chauffeur|épouse|mari|fils|fille|frère|s(?:œ|oe)ur|père|mère"
    r"|enfant|collègue|interprète|commander|commandant|leader"
)
# "six aid workers, their driver and guide": one more person per possessive item of a victim list
_POSSESSIVE = r"(?:their|his|her|its|leur|son|sa)\s+"
_POSSESSIVE_ITEMS = re.compile(
    r"^(?:\s*,\s*(?:and\s+|et\s+)?|\s+(?:and|et)\s+)" + _POSSESSIVE + r"(?:[^\W\d][\w'’-]*\s+){0,2}?"
    r"(?:" + _ONE_PERSON + r")\b(?P<second>\s+(?:and|et)\s+(?:" + _POSSESSIVE + r")?(?:" + _ONE_PERSON + r")\b)?",
    _FLAGS,
)
# a count of people hurt or uprooted, whatever verb comes before ("leaving 19 people injured")
_HURT_AFTER = re.compile(
    r"^\s*(?:were\s+|ont\s+été\s+)?(?:injured|wounded|hurt|homeless|displaced|stranded|bless[ée]e?s?|sans[-\s]abri)\b",
    _FLAGS,
)
# a toll word's count whose clause ends on the wounded, no death word between
_HURT_LATER = re.compile(
    r"^(?:(?!\b(?:killed|dead|died|deaths?|tu[ée]e?s?|morts?|décès|victimes?)\b)[^.;:!?,])*?"
    r"\b(?:injured|wounded|hurt|bless[ée]e?s?)\b",
    _FLAGS,
)
# a toll told for the other side ("Côté ennemi : 77 morts", "on the enemy side, 30 dead")
_ENEMY_SIDE = re.compile(
    r"(?:\bcôté|\bdu\s+côté)\s+(?:de\s+l['’]\s*)?(?:ennemi|adverse|des\s+(?:assaillants|terroristes|d?jihadistes))"
    r"\s*[:,]?\s*$|\benemy(?:['’]s)?\s+(?:side|losses|casualties)\s*[:,]?\s*$",
    _FLAGS,
)
# victims named in the plural with no number ("killed his guards", "des militaires ont été tués"):
# the least a plural says is two, the codebook's most conservative reading
_PLURAL_VICTIMS = r"(?:(?:" + ANY_NOUN + r")(?<=[sx])|(?:gunm|wom|m)en|children|people)"
_UNNUMBERED = re.compile(
    r"\b(?:killed|killing|kills|shot\s+dead|executed|executing|massacred|slaughtered)\s+(?:his|her|their)\s+"
    r"(?:[a-z]+\s+)?" + _PLURAL_VICTIMS + r"\b"
    r"|\b(?:tué|abattu|exécuté|massacré)\s+(?:des|ses|leurs)\s+" + _PLURAL_VICTIMS + r"\b"
    r"|\b(?:des|ses|leurs)\s+" + _PLURAL_VICTIMS + r"\s+(?:ont\s+été\s+|auraient\s+été\s+|avaient\s+été\s+)?"
    r"(?:tués|abattus|exécutés|massacrés)\b",
    _FLAGS,
)
# one person named as dead ("the death of Marshal X was announced", "l'assassinat du président X")
_TITLE = (
    r"(?:president|marshal|general|colonel|captain|commander|chief|imam|pastor|father|mr|mrs|dr"
    r"|président|maréchal|général|capitaine|commandant|chef|l['’]imam|pasteur|père|m\.)"
)
_NAMED_DEATH = re.compile(
    r"\b(?:the\s+)?(?:death|killing|assassination|murder)\s+of\s+(?:(?i:" + _TITLE + r")\s+)?(?-i:[A-Z][\w'’-]+)"
    r"|\b(?:la\s+)?(?:mort|assassinat|meurtre)\s+(?:de\s+|du\s+|d['’])(?:(?i:" + _TITLE + r")\s+)?(?-i:[A-Z][\w'’-]+)",
)
# "after the death of X": a time told by another event, not a death of this one
_AFTER = re.compile(
    r"\b(?:after|since|following|après|depuis|suite\s+à|à\s+la\s+suite\s+de)\s+(?:the\s+|la\s+)?$", _FLAGS
)
# the one attacker told dead without a number ("the bomber, who struck the market, was dead")
_ONE_ATTACKER = re.compile(
    r"\bthe\s+(?:suicide\s+)?(?:bomber|attacker|assailant|gunman)(?:\s*,[^,.;]{1,120},)?\s+"
    r"(?:(?:was|is|had\s+been|has\s+been)\s+(?:also\s+)?(?:dead|killed|shot\s+dead)|died)\b"
    r"|\b(?:le|la|l['’])\s*(?:kamikaze|assaillant|tireur)(?:\s*,[^,.;]{1,120},)?\s+"
    r"(?:(?:a\s+été|est|avait\s+été)\s+(?:également\s+|aussi\s+)?(?:tué|abattu|neutralisé)|est\s+mort)\b",
    _FLAGS,
)
# a count told as a rumour or false report is no toll
_RUMOUR = re.compile(
    r"\b(?:fausses?\s+informations?|rumeurs?|rumou?rs?|false\s+(?:reports?|claims?|information)|fake\s+news|intox)"
    r"[^.!?]*$",
    _FLAGS,
)
# a toll said to be superseded ("un premier bilan faisait état de", "an earlier toll of")
_EARLIER_TOLL = re.compile(
    r"\b(?:(?:premier|précédent|ancien)\s+bilan|bilan\s+(?:initial|précédent)"
    r"|(?:initial|earlier|previous|first|preliminary)\s+(?:death\s+)?toll)\b[^.;!?\d]*$",
    _FLAGS,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_ATTACKER_CUE = re.compile(r"neutrali|abatt|repell|repoussé", _FLAGS)
_ADDITIVE = re.compile(
    r"\b(?:also|another|a\s+further|more(?!\s+than)|others?|additional|également|aussi|autres?|supplémentaires?)\b"
    r"|\b(?:blessés|wounded|injured)\s+(?:have\s+|had\s+|later\s+|ont\s+|avaient\s+)?(?:died|succomb)",
    _FLAGS,
)


_RESTATED = re.compile(r"\s*\(\s*\d+\s*\)|\s*[»”\"](?=\s)")


@dataclasses.dataclass
class _Phrase:
    start: int
    end: int  # end of the noun, or of the number when no noun follows
    count: int
    noun: str
    number_end: int
    partitive: bool = False  # "seven of them": part of a count already given


def _phrase_at(text: str, m: re.Match[str]) -> _Phrase | None:
    value = parse_number(m.group("num"))
    if value is None or (1900 <= value <= 2100 and _YEAR_BEFORE.search(text[max(0, m.start() - 15) : m.start()])):
        return None
    # "deux (02) morts": digits restating a number word; "une « trentaine » de morts": a quoted vague word
    paren = _RESTATED.match(text, m.end()) if m.group("num")[-1].isalpha() else None
    base = paren.end() if paren is not None else m.end()
    after = text[base : base + 80]
    wounded = _OF_THE_WOUNDED.match(after)
    if wounded is not None:  # "2 des 5 blessés ont succombé": deaths after the toll, never counted in it
        return _Phrase(m.start(), base + wounded.end(), value, wounded.group("hurt").lower(), m.end())
    if _OF_THE_WHOLE.match(after) or _OF_THE_DEAD.match(after):
        return None
    singular = m.group("num").lower() in SINGULAR
    noun = _NOUN_AFTER.match(after)
    if noun is None:
        alone = _PARTITIVE.match(after)
        if alone and not singular:  # "Trois d'entre eux ont été tués"
            return _Phrase(m.start(), base + alone.end(), value, "", m.end(), True)
        if singular or _NOT_PEOPLE.match(after) or 1900 <= value <= 2100:
            return None
        return _Phrase(m.start(), base, value, "", m.end())
    if _NOT_PEOPLE.match(after) and _NOT_PEOPLE.match(after).end() <= noun.end():  # type: ignore[union-attr]
        return None
    if singular and noun.group("adj").strip() and len(noun.group("adj").split()) > 2:
        return None
    if singular and any(parse_number(w) is not None for w in noun.group("adj").split()):
        return None  # "il y a quatre morts": the count is the word after the article
    return _Phrase(
        m.start(), base + noun.end(), value, noun.group("noun").lower(), m.end(), bool(noun.group("partitive"))
    )


_RANGE_JOIN = re.compile(r"\s*(?:to|or|à|ou|–|-)\s*|\s+(?:and|et)\s+", _FLAGS)
_RANGE_START = re.compile(r"\b(?:between|entre)\s+$", _FLAGS)
# "the toll rose from 13 to 46", "passant de 13 à 46 morts": a revised toll, the later figure stands
_REVISED = re.compile(
    r"\b(?:rose|risen|rising|rises|increased|climbed|jumped|revised|pass(?:é|ant|e)|grimp\w*|alourdi\w*|mont(?:é|ant|e))"
    r"\s+(?:\w+\s+){0,3}?(?:from|de)\s+$",
    _FLAGS,
)


def _bounds(text: str, low: _Phrase, high: _Phrase) -> str | None:
    """"range" when two counts bound one estimate ("between 170 and 200", "de 50 à 150"),
    "revised" when a toll went from one to the other ("rose from 13 to 46"), else None."""
    join = _RANGE_JOIN.fullmatch(text[low.end : high.start])
    if low.noun or join is None or low.count >= high.count:
        return None
    if _REVISED.search(text[max(0, low.start - 60) : low.start]):
        return "revised"
    if re.match(r"\s+(?:and|et)\s", join.group(0), _FLAGS) and not _RANGE_START.search(
        text[max(0, low.start - 20) : low.start]
    ):
        return None
    return "range"


def find_fatalities(text: str, language: str) -> tuple[FatalityMention, ...]:
    """Every stated death count in ``text``, in text order (``language`` "fr": "a" is a verb)."""
    phrases: list[_Phrase] = []
    for m in QUANT.finditer(text):
        if language == "fr" and m.group("num").lower() in ("a", "an"):
            continue  # "l'attaque a causé la mort de douze soldats"
        phrase = _phrase_at(text, m)
        if phrase is None or (phrases and phrase.start < phrases[-1].end):
            continue
        bounds = _bounds(text, phrases[-1], phrase) if phrases else None
        if bounds == "revised":  # "passant de 13 à 46 morts": the old figure is gone
            phrases.pop()
        elif bounds == "range":  # "between 170 and 200 people": the conservative 170
            low = phrases.pop()
            phrase = dataclasses.replace(phrase, start=low.start, count=min(low.count, phrase.count))
        phrases.append(phrase)
    out: list[FatalityMention] = []
    i = 0
    while i < len(phrases):
        group = [phrases[i]]
        while i + 1 < len(phrases) and group[-1].noun and phrases[i + 1].noun:
            gap = text[group[-1].end : phrases[i + 1].start]
            nxt = phrases[i + 1]
            if not _LIST_JOIN.fullmatch(gap) or nxt.partitive or _SUBSET_BEFORE.search(text[: nxt.start]):
                break
            group.append(phrases[i + 1])
            i += 1
        i += 1
        more = _POSSESSIVE_ITEMS.match(text[group[-1].end :]) if group[-1].noun else None
        if more is not None:
            end = group[-1].end + more.end()
            group.append(_Phrase(group[-1].end, end, 2 if more.group("second") else 1, "", end))
        mention = _death_mention(text, group)
        if mention is not None and group[0].partitive and out and not _SENTENCE_END.search(
            text[out[-1].span.end : group[0].start]
        ):
            continue  # "killing 22 people, 19 of whom died on the spot": part of the toll just given
        if mention is not None:
            out.append(mention)
    return tuple(out)


def implied_deaths(text: str, stated: Sequence[FatalityMention], within: Span) -> tuple[FatalityMention, ...]:
    """Deaths told without a number in ``text[within]``, apart from the ``stated`` counts: the
    one attacker told dead ("the bomber, who struck the market, was dead") is one, and so is one
    person named dead ("the death of Marshal X"), read only when no count is told; victims
    named in the plural ("killed his guards", "des militaires ont été tués") are two, the
    least a plural says, read only when no count is told (``is_vague``). They are no stated
    number, so they do not make a sentence tell a toll; the event's toll reads them."""
    out: list[FatalityMention] = []
    for pattern in (_ONE_ATTACKER, _NAMED_DEATH, _UNNUMBERED):
        for m in pattern.finditer(text, within.start, within.end):
            if any(f.span.start < m.end() and m.start() < f.span.end for f in (*stated, *out)):
                continue
            if pattern is _NAMED_DEATH and _AFTER.search(text[max(0, m.start() - 25) : m.start()]):
                continue
            nouns = re.findall(ANY_NOUN, m.group(0), _FLAGS)
            armed = pattern is _ONE_ATTACKER or (pattern is _UNNUMBERED and all(noun_side(n) == "armed" for n in nouns))
            count = 2 if pattern is _UNNUMBERED else 1
            out.append(FatalityMention(Span(m.start(), m.end(), m.group(0)), count, attackers=armed))
    return tuple(sorted(out, key=lambda f: f.span.start))


def _death_mention(text: str, group: list[_Phrase]) -> FatalityMention | None:
    first, last = group[0], group[-1]
    before = text[max(0, first.start - 80) : first.start]
    if _SUBSET_BEFORE.search(before):
        return None
    count = sum(p.count for p in group)
    nouns = [p.noun for p in group]
    start, end = first.start, last.end
    death_noun = len(group) == 1 and (
        bool(_DEATH_NOUN.fullmatch(first.noun))
        or (first.noun in ("lives", "vies") and bool(_LIVES_CUE.search(before)))  # "claimed 600 lives"
    )
    cue = _ACTIVE_KILL.search(before) or _TOLL_BEFORE.search(before)
    if _RUMOUR.search(text[max(0, first.start - 160) : first.start]):
        return None  # "démentant de « fausses informations » selon lesquelles l'armée aurait tué ..."
    if _HURT_AFTER.match(text[end : end + 40]):
        return None  # "leaving at least 19 people injured"
    if death_noun:
        pass  # "37 morts", "30 dead"
    elif cue is not None:  # "killing 14 soldiers", "death toll rose to 40"
        if not _ACTIVE_KILL.search(before) and _HURT_LATER.match(text[end : end + 120]):
            return None  # "le bilan fait état de 7 militaires estoniens et un français blessés"
        start = first.start - (len(before) - cue.start())
    else:  # "14 soldiers were killed"; a bare number needs the death word right after it ("14 killed")
        after = _DEATH_AFTER.match(text[end : end + 200])
        if after is None or (not any(nouns) and not first.partitive and after.end() > 12):
            return None
        end = end + after.end()
    attackers = (
        (all(noun_side(n) == "armed" for n in nouns if n) and any(nouns))
        or bool(_ATTACKER_CUE.search(text[start:end]))
        or bool(_ENEMY_SIDE.search(text[max(0, start - 40) : start]))
    )
    window = max(0, min(start, first.start) - 80)
    earlier = _EARLIER_TOLL.search(text[window : first.start])
    if earlier is not None:  # "un premier bilan faisait état de cinq morts": the evidence says so
        start = min(start, window + earlier.start())
    return FatalityMention(Span(start, end, text[start:end]), count, attackers=attackers)


def mention_side(mention: FatalityMention) -> str:
    """Which side a count is about: state, armed, foreign, civilian, or total (people, dead)."""
    if mention.attackers:
        return "armed"
    nouns = re.findall(ANY_NOUN, mention.span.text, _FLAGS)
    sides = {noun_side(n) for n in nouns} - {"total"}
    return sides.pop() if len(sides) == 1 else "total"


def fatalities_for_event(
    mentions: Sequence[FatalityMention],
) -> tuple[int, int, int, FatalityMention | None]:
    """The event's deaths from the counts reported for it: ``(count, low, high, evidence)``.

    Counts about different sides add up ("killing 10 soldiers; 20 attackers were also
    killed" -> 30). Counts about the same side are conflicting reports of one figure: the
    most conservative (smallest) is the count, the largest is ``high`` ("at least 30 ...
    some say 50" -> 30, high 50), unless a count says it is additional ("another", "also",
    "autres"), which adds. A total ("57 people") and a sum of sides are both readings of the
    whole: the larger of the two conservative readings is kept. No mention -> (0, 0, 0, None).
    """
    if not mentions:
        return 0, 0, 0, None
    low: dict[str, int] = {}
    high: dict[str, int] = {}
    extra: dict[str, int] = {}
    first: dict[str, FatalityMention] = {}
    for mention in mentions:
        side = mention_side(mention)
        if side in low and _ADDITIVE.search(mention.span.text):
            extra[side] = extra.get(side, 0) + mention.count
            continue
        if side not in low or mention.count < low[side]:
            low[side], first[side] = mention.count, mention
        high[side] = max(high.get(side, 0), mention.count)
    parts = [s for s in low if s != "total"]
    by_sides = sum(low[s] + extra.get(s, 0) for s in parts)
    total = low.get("total", 0) + extra.get("total", 0)
    count = max(by_sides, total)
    high_count = max(sum(high[s] + extra.get(s, 0) for s in parts), high.get("total", 0) + extra.get("total", 0))
    evidence = first["total"] if total >= by_sides and "total" in first else first[max(parts, key=lambda s: low[s])]
    return count, count, max(count, high_count), evidence


_VAGUE_WORD = re.compile(r"(?<!\w)(?:" + VAGUE_ALT + r")(?!\w)", _FLAGS)
# a later sentence that tells more deaths, not the same toll again ("a guide was also killed")
_ALSO = re.compile(
    r"\b(?:also|as\s+well|another|a\s+further|additional|également|aussi|supplémentaires?|en\s+outre)\b"
    r"|\b(?:blessés|wounded|injured)\s+(?:have\s+|had\s+|later\s+|ont\s+|avaient\s+)?(?:died|succomb)",
    _FLAGS,
)


_PAST_EVENT = re.compile(
    r"anniversa|commemorat|commémor|\byears?\s+(?:since|ago|after)|\bans\s+(?:après|jour\s+pour\s+jour)"
    r"|\bil\s+y\s+a\s+\w+\s+ans\b",
    _FLAGS,
)


def recalls_past_event(text_before: str) -> bool:
    """Whether the words before a count in its sentence recall an earlier event, whose toll it is
    ("marked the first anniversary of the bombing that killed 500", "quatre ans après l'attaque")."""
    return bool(_PAST_EVENT.search(text_before))


def _victims(mention: FatalityMention) -> str:
    """The words that say who died in a count ("French aid workers"), to tell reports of the
    same victims from counts of a part of them; "" when no noun follows the number."""
    words = []
    for m in QUANT.finditer(mention.span.text):
        noun = _NOUN_AFTER.match(mention.span.text[m.end() :])
        if noun is not None:
            words.append(" ".join((noun.group("adj") + noun.group("noun")).lower().split()))
    return " + ".join(words)


def is_vague(mention: FatalityMention) -> bool:
    """Whether the count is a codebook reading of a vague word ("dozens", "plusieurs")."""
    text = mention.span.text
    return bool(_VAGUE_WORD.search(text) or _UNNUMBERED.fullmatch(text) or _NAMED_DEATH.fullmatch(text))


def fatalities_across_reports(
    reports: Sequence[Sequence[FatalityMention]],
) -> tuple[int, int, int, FatalityMention | None]:
    """The deaths of one event told in several sentences (``reports``, in text order), as
    ``(count, low, high, evidence)``.

    Sentences that count only the attackers' dead are read apart (``_one_toll``): when the
    other sentences count the forces' dead ("89 soldiers were killed ... on the enemy side, 77
    dead"), the attackers add (166), as the codebook counts every death of the event. A total
    ("at least 20 dead ... three jihadists were shot") may already hold them, and a count of
    civilians is often the same dead the other side calls militants, so those stand alone,
    unless the attackers are told as more ("five attackers were also killed").
    """
    attackers = [r if r and all(mention_side(m) == "armed" for m in r) else () for r in reports]
    others = [() if attackers[i] else r for i, r in enumerate(reports)]
    base = _one_toll(others)
    if base[3] is None:
        return _one_toll(reports)
    more = _one_toll(attackers)
    told_more = any(_ALSO.search(m.span.text) for r in attackers for m in r)
    if more[3] is None or (mention_side(base[3]) not in ("state", "foreign") and not told_more):
        return base
    return base[0] + more[0], base[1] + more[1], base[2] + more[2], base[3]


def _same_or_total(side: str, other: str) -> bool:
    return side == other or "total" in (side, other)


def _one_toll(
    reports: Sequence[Sequence[FatalityMention]],
) -> tuple[int, int, int, FatalityMention | None]:
    """The toll of one event's sentences, as ``fatalities_across_reports``.

    Each sentence's own total is read by ``fatalities_for_event``. Sentences mostly restate
    one toll, so the first one told is kept, but a stated number beats a vague word ("Market
    raid kills dozens ... killed at least 80 people" -> 80), and a toll told for this place
    alone beats a share of one told for several places. Another report of the same victims
    with a smaller figure ("ten people were killed ... nine people had been killed") is the
    most conservative reading and is kept, unless it is under a third of the first (then it
    is a part of the toll). A later count that says it is more ("a guide was also killed",
    "two of the wounded later died") adds. A toll said to be superseded ("un premier bilan
    faisait état de cinq morts") is read only when no other is told. ``low``/``high`` span
    every reading.
    """
    if any(m.count and not _EARLIER_TOLL.search(m.span.text) for r in reports for m in r):
        reports = [[m for m in r if not _EARLIER_TOLL.search(m.span.text)] for r in reports]
    totals = [(i, fatalities_for_event(r)) for i, r in enumerate(reports) if r]
    totals = [(i, t) for i, t in totals if t[0] > 0]
    if not totals:
        return 0, 0, 0, None
    exact = [(i, fatalities_for_event([m for m in reports[i] if not is_vague(m) and not m.shared])) for i, _ in totals]
    exact = [(i, t) for i, t in exact if t[0] > 0]
    stated = [(i, fatalities_for_event([m for m in reports[i] if not is_vague(m)])) for i, _ in totals]
    stated = [(i, t) for i, t in stated if t[0] > 0]
    first, chosen = (exact or stated or totals)[0]
    extra = sum(m.count for r in reports[first + 1 :] for m in r if _ALSO.search(m.span.text))
    count, evidence = chosen[0], chosen[3]
    told = {_victims(m) for i, t in exact if t[0] == count for m in reports[i] if m.count == count} - {""}
    for i, t in exact:
        lower = [
            m
            for m in reports[i]
            if m.count == t[0]
            and chosen[0] <= 3 * m.count < 3 * count
            and _victims(m) in told
            and (evidence is None or _same_or_total(mention_side(m), mention_side(evidence)))
        ]
        if lower and not _ALSO.search(lower[0].span.text):
            count, evidence = t[0], lower[0]
    low = min(t[1] for _, t in totals) + extra
    high = max(t[2] for _, t in totals) + extra
    count += extra
    return count, min(low, count), max(high, count), evidence


class FatalitiesStage:
    name = "fatalities"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("fatalities",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, fatalities=find_fatalities(doc.article.text, doc.language))
