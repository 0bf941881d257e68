"""Event detection and typing: which sentences report a specific event, and of what sub-type.

``classify_sentence`` is the pure rule set: trigger words (``lexicon.TRIGGERS``) decide the
family, context cues decide between neighbours (an attack on soldiers is a Battle, on
villagers Violence against civilians; a protest met with tear gas is a Protest with
intervention). Modal, negated, generic and background-summary sentences report no event.
``EventsStage`` applies it to every sentence. Merging mentions of one event lives in
``within_article.py``; field filling in ``assemble.py``.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache

from harmattan.pipeline.lexicon import cue
from harmattan.records import Document, EventMention, Span
from harmattan.taxonomy import event_type_of

_WEAK_VIOLENCE = re.compile(r"^(?:dead|died|death toll|morts?|bilan|lost their lives|perdu la vie|ont péri)$", re.I)
_NUMBER = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|scores|hundreds|several|"
    r"un (?:mort|tu[ée]|soldat|civil|militaire|enfant|homme)|une (?:personne|femme|victime)|"
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|dizaines?|vingtaine|trentaine|quarantaine|"
    r"cinquantaine|centaines?|plusieurs)\b",
    re.I,
)
_PASSIVE_AGENT = re.compile(r"\b(?:by|par|perpetrated by|blamed on|attribu[ée]e? à)\b", re.I)
_CONCLUDED = re.compile(
    r"\bsign|\bagree|\breach|conclu|accept|brokered|entered into force|took effect|announc|declar|"
    r"sign[ée]|conven|entendu|annonc|proclam|exchang|[ée]chang|surrender|rendu|laid down|reddition|truce was|swap|"
    r"taken place|released|talks|collapsed|broke down|violated",
    re.I,
)
_NOT_PEOPLE_RELEASED = re.compile(
    r"(?:footage|video|images?|statement|report|list|photos?|figures|data|details|communiqu\w+)"
    r"\s+(?:was|were|has been|have been)\s+released",
    re.I,
)
_CAPTIVITY = re.compile(
    r"hostages?|captiv\w*|kidnap\w*|abduct\w*|captors|custody|otages?|ravisseurs|enlev\w*|s[ée]questr\w*|d[ée]tenu\w*|held",
    re.I,
)
_ADJECTIVE_AFTER = re.compile(
    r"^\s*(?:terroristes?|jihadistes?|djihadistes?|meurtri[èe]re?s?|arm[ée]e?s?|terrorist|jihadist|militant|insurgent)\b",
    re.I,
)
_ANAPHOR = re.compile(r"(?:\b(?:the|this|that|these|those|same|la|cette|cet|ces|ce)\s+(?:\w+\s+)?|\bl['’]\s*)$", re.I)
_PLURAL_NOUN = re.compile(
    r"^(?:attacks|attaques|airstrikes|air strikes|strikes|raids|frappes\b.*|bombings|killings|massacres|kidnappings|"
    r"enl[eè]vements|clashes|affrontements|ambushes|embuscades)$",
    re.I,
)
# "moved in to retake", "managed to free": an infinitive that reports what happened
_REALISED_INFINITIVE = re.compile(
    r"\b(?:moved in|managed|succeeded|went on|proceeded|r[ée]ussi|parvenu\w*)\s+(?:to|à|a)$", re.I
)
_QUESTION = re.compile(r"\?\s*$")
_PASSIVE_BEFORE = re.compile(
    r"\b(?:were|was|been|being|are|is|ont été|a été|avaient été|sont|est|été|feared|reportedly)\s+(?:\w+\s+)?$", re.I
)
_MODAL_AFTER = re.compile(
    r"^\W*(?:\w+\W+)?(?:devrai\w*|pourrai\w*|will|would|should|are expected|is expected|sont pr[ée]vu\w*|"
    r"est pr[ée]vu\w*|pr[ée]vu\w*|had failed|failed|have failed|had not|has not|have not|was not|were not|"
    r"n'a pas|n'ont pas|n'avait pas)\b",
    re.I,
)
# Reporting clauses whose nouns ("police said") are sources, not sides. After a closing quote, a
# national adjective may come first ('”, Malian army colonel X said'); elsewhere a word before the
# noun would also take clauses such as ", security officials said, a bomb ..." with the event.
_ATTRIBUTION = re.compile(
    r"(?:(?:[,–—-]\s*(?:the\s+)?|[”\"]\s*,\s*(?:the\s+)?(?-i:[A-Z][a-z]+\s+))"
    r"(?:police|army|military|officials?|authorities|government|residents?|witnesses|sources?)"
    r"(?:\s+\w+){0,3}\s+(?:said|say|says|confirmed|reported|stated|told)\b.*$"
    r"|\s+[–—-]\s*(?:police|army|military|official|govt|government|residents?)\s*$"
    r"|,?\s*(?:according to|selon)\s+[^,.]+)",
    re.I,
)
_REPORTED = re.compile(
    r"^.{0,120}?\b(?:said|says|told [^,]{1,40}|confirmed|announced|reported|stated|a indiqué|a déclaré|"
    r"a annoncé|ont annoncé|a affirmé|a confirmé|rapporte)\s+"
    r"(?:on \w+\s+|today\s+|yesterday\s+|lundi |mardi |mercredi |jeudi |vendredi |samedi |dimanche )?"
    r"(?:that\s+|qu['e]\s*)",
    re.I,
)
_YEAR_ONLY = re.compile(
    r"\b(?:in|en|since|depuis|of|de)\s+(?:(?:early|late|mid|début|fin)[- ])?(?:19|20)\d{2}\b(?!\s*[-/]\d)"
    r"|\b(?:19|20)\d{2}\s+coup\b|\blast year\b|\bl'an dernier\b|\bl'année dernière\b",
    re.I,
)


_COMMUNAL = re.compile(r"\b(?:inter-?communa\w*|communal|inter-?ethni\w*|ethnic)\b", re.I)
# words that name crowd violence by themselves ("violences", "looted" alone do not)
# "gunmen stormed the hotel after a car bomb", "detonated explosives before entering and opening fire":
# a ground assault the blast opens is coded as the assault (attack or clash), not as a remote explosion
_GROUND_ASSAULT = re.compile(
    r"\b(?:storm(?:ed|ing)|(?:opened|opening) fire|(?:before|then|after) (?:entering|forcing their way)|"
    r"pris d['’]assaut|ont fait irruption)\b",
    re.I,
)
# "shelling and fighting with heavy weapons", "des combats et des bombardements": one battle
_SHELLING_AND_FIGHTING = re.compile(
    r"\b(?:shelling|bombardments?|artillery(?: fire)?|bombardements?|tirs d['’]artillerie)\s+(?:and|et)\s+"
    r"(?:(?:heavy|fierce|intense|de|des|violents?)\s+)?(?:fighting|clashes|gun ?battles|combats|affrontements)\b|"
    r"\b(?:fighting|clashes|combats|affrontements)\s+(?:and|et)\s+(?:(?:artillery|heavy|des|de)\s+)?"
    r"(?:shelling|bombardments?|bombardements?)\b",
    re.I,
)
_CROWD_VIOLENCE = re.compile(r"riot|[ée]meute|\bheurts\b|[ée]chauffour[ée]es?|scuffles?", re.I)
_COMMEMORATION = re.compile(
    r"\b(?:mark(?:ed|s|ing)?|commemorat\w*|comm[ée]mor\w*|observ(?:ed|es|ing)|c[ée]l[ée]br\w*)\s+"
    r"(?:the\s+|an?\s+|le\s+|la\s+|l['’]\s*)?(?:\w+\s+)?(?:anniversary|anniversaire)",
    re.I,
)
_ANNIVERSARY = re.compile(r"(?:anniversary|anniversaire)\s+(?:of|de|du|des|d['’])[^,.;:]*", re.I)


@dataclass(frozen=True)
class SentenceLabel:
    """A sub-event type read from one sentence, with its trigger (offsets in the sentence)."""

    sub_event_type: str
    start: int
    end: int
    score: float


def _find(name: str, text: str) -> re.Match[str] | None:
    return cue(name).search(text)


def _modal_before(text: str, start: int, end: int | None = None) -> bool:
    """A modal, future, negation or condemnation word shortly before (or right after) the trigger."""
    window = text[max(0, start - 45) : start].rstrip()
    if cue("modal").search(window) and not _REALISED_INFINITIVE.search(window):
        return True
    return end is not None and bool(_MODAL_AFTER.match(text[end : end + 40]))


@lru_cache(maxsize=4096)
def attribution_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Offsets (in ``text``) of its reporting frame: sources named there are not sides."""
    spans = [(m.start(), m.end()) for m in _ATTRIBUTION.finditer(text)]
    reported = _REPORTED.match(text)
    if reported:
        spans.append((0, reported.end()))
    return tuple(spans)


def role_text(text: str) -> str:
    """The sentence with its reporting frame ("police said that ...", "..., officials said")
    blanked out; offsets are kept so that matches still index the original sentence."""
    chars = list(text)
    for start, end in attribution_spans(text):
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _agent_patient(text: str, trigger: re.Match[str]) -> tuple[str, str]:
    """Split a sentence into (agent side, patient side) around its trigger, honouring passives."""
    before, after = text[: trigger.start()], text[trigger.end() :]
    after = _ADJECTIVE_AFTER.sub("", after)  # "une attaque terroriste": the attackers, not the target
    by = _PASSIVE_AGENT.search(after)
    # "killed by gunmen", "were attacked on Sunday by": a passive; "militants recaptured the town
    # hours after it was seized by troops": the "by" belongs to another verb
    if by and (by.start() < 25 or (by.start() < 80 and _PASSIVE_BEFORE.search(before))):
        return after[by.end() :], before + " " + after[: by.start()]
    if _PASSIVE_BEFORE.search(before):
        return "", before + " " + after[:80]
    return before, after[:90]


# an ambush is a battle when it hits an armed side, an attack when it hits civilians
_AMBUSH = re.compile(r"ambush|embuscade", re.I)
# killings that by their nature target the defenceless (executions are of captives)
_MASSACRE = re.compile(
    r"massacr|slaughter|butcher|hacked to death|burn(?:ed|t) alive|[ée]gorg|behead|d[ée]capit|execut|ex[ée]cut", re.I
)


def _violence_subtype(text: str, trigger: re.Match[str], *, clash: bool) -> str:
    """Battle or violence against civilians, from who acts on whom."""
    if clash and _AMBUSH.search(trigger.group(0)):
        _, patient = _agent_patient(text, trigger)
        if _find("civilian_target", patient) and not _find("state_side", text):
            return "Attack"  # "an ambush on a convoy of mine workers killed 37 civilians"
    if clash:
        return "Armed clash"
    agent, patient = _agent_patient(text, trigger)
    if _MASSACRE.match(trigger.group(0)) and not _find("state_side", patient[:25]):
        return "Attack"
    state_agent = bool(_find("state_side", agent))
    armed_agent = bool(_find("armed_group", agent))
    state_patient = bool(_find("state_side", patient))
    armed_patient = bool(_find("armed_group", patient))
    civilian_patient = bool(_find("civilian_target", patient))
    if state_patient and not (state_agent and civilian_patient and not armed_agent):
        return "Armed clash"
    if state_agent and armed_patient:
        return "Armed clash"
    if re.search(r"neutralis", trigger.group(0), re.I):
        return "Armed clash"
    if civilian_patient or armed_agent:
        return "Attack"
    if _find("state_side", text) and _find("armed_group", text):
        return "Armed clash"
    return "Attack"


_PROTEST_TOPIC = re.compile(
    r"(?:justice for|demand\w* justice|against|over|denounc\w*|d[ée]non[cç]\w*|contre|protest\w* (?:against|over)"
    r"|mourn\w*|decry\w*)"
    r" (?:\w+ ){0,5}?(?:gun violence|violence|violences|killings?|deaths?|killed|murders?|meurtres?|tu[ée]s?)",
    re.I,
)


def protest_topic(text: str) -> bool:
    """Whether violence words in a protest sentence name what it protests, not what happened at it."""
    return bool(_PROTEST_TOPIC.search(text))


def _protest_subtype(text: str) -> str:
    text = _PROTEST_TOPIC.sub(" ", text)
    killed = _find("violence", text)
    if _find("excessive", text):
        return "Excessive force against protesters"
    if killed and _find("state_side", text) and not _find("riot", text) and not _find("clash", text):
        return "Violent demonstration"
    if _find("riot", text) or _find("clash", text):
        return "Violent demonstration"
    if _find("intervention", text):
        return "Protest with intervention"
    return "Peaceful protest"


_NONSTATE_FORCES = re.compile(
    r"\b(?:ISIS|IS|ISIL|Islamic State|rebels?|militants?|jihadists?|Taliban|Shabaa?b|Boko Haram|RSF|M23|insurgents?|"
    r"Daesh|Houthis?|Wagner)\W+(?:\w+\W+)?(?:forces|fighters|troops)\b",
    re.I,
)
_REGAIN = re.compile(r"re(?:captur|gain|cover|took|tak|claim)|libér|liberat|repris|reconqu", re.I)


def _territory_subtype(text: str, trigger: re.Match[str]) -> str:
    agent, _ = _agent_patient(text, trigger)
    side = agent if agent.strip() else text
    state, armed = _find("state_side", side), _find("armed_group", side)
    if state and _NONSTATE_FORCES.search(side):
        state = None  # "ISIS forces", "rebel fighters": the forces of an armed group
    if state and (not armed or state.start() < armed.start() or _REGAIN.search(text)):
        return "Government regains territory"
    if _find("armed_group", side) or re.search(r"\b(?:M23|RSF|rebel|rebelle)", side, re.I):
        return "Non-state actor overtakes territory"
    return "Government regains territory" if _find("state_side", text) else "Non-state actor overtakes territory"


# Families in priority order: the first family whose trigger is present (and not modal) wins.
_ORDER = (
    "chemical", "suicide", "air", "disrupted", "transfer", "territory", "shelling", "ied", "grenade", "protest", "mob",
    "riot", "release", "abduction", "sexual", "clash", "violence", "arrest", "agreement", "hq", "change", "other",
    "looting",
)
_FIXED = {
    "release": "Agreement",
    "chemical": "Chemical weapon",
    "disrupted": "Disrupted weapons use",
    "change": "Change to group/activity",
    "transfer": "Non-violent transfer of territory",
    "suicide": "Suicide bomb",
    "air": "Air/drone strike",
    "shelling": "Shelling/artillery/missile attack",
    "ied": "Remote explosive/landmine/IED",
    "grenade": "Grenade",
    "mob": "Mob violence",
    "abduction": "Abduction/forced disappearance",
    "sexual": "Sexual violence",
    "arrest": "Arrests",
    "agreement": "Agreement",
    "other": "Other",
    "looting": "Looting/property destruction",
    "hq": "Headquarters or base established",
}
_SCORES = {
    "release": 0.6,
    "chemical": 0.8,
    "disrupted": 0.6,
    "change": 0.45,
    "transfer": 0.55,
    "suicide": 0.85, "air": 0.85, "shelling": 0.7, "ied": 0.8, "grenade": 0.75, "protest": 0.75, "riot": 0.7,
    "mob": 0.6, "territory": 0.7, "abduction": 0.8, "sexual": 0.7, "clash": 0.8, "violence": 0.7, "arrest": 0.65,
    "agreement": 0.55, "other": 0.45, "looting": 0.5, "hq": 0.5,
}


# "since the assassination of Sankara", "depuis l'attaque de 2019": a reference point, not the news
_SINCE_BEFORE = re.compile(r"\b(?:since|depuis)\s+(?:the\s+|l['’]\s*|la\s+|le\s+|les\s+)$", re.I)


def _first_live(name: str, text: str, *, background: bool = False) -> re.Match[str] | None:
    """The first match of a trigger family not governed by a modal word (nor, unless
    ``background``, named as the point a period starts from)."""
    for match in cue(name).finditer(text):
        if _modal_before(text, match.start(), match.end()):
            continue
        if not background and _SINCE_BEFORE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        return match
    return None


def classify_sentence(text: str, *, has_number: bool | None = None) -> SentenceLabel | None:
    """The sub-event type a sentence reports, or None when it reports no specific event."""
    if _QUESTION.search(text) or len(text) < 12:
        return None
    if has_number is None:
        has_number = bool(_NUMBER.search(text))
    masked = role_text(text)
    text = masked if masked.strip() else text
    # "marked the first anniversary of the bombing, which killed 500": the rest tells an old event;
    # "on the eve of the anniversary of the 2019 sit-in, protesters marched": so does the phrase
    commemoration = _COMMEMORATION.search(text)
    if commemoration is not None:
        text = text[: commemoration.start()] + " " * (len(text) - commemoration.start())
    text = _ANNIVERSARY.sub(lambda m: " " * len(m.group(0)), text)
    for family in _ORDER:
        match = _first_live(family, text)
        if match is None:
            continue
        if family == "violence" and _WEAK_VIOLENCE.match(match.group(0)) and not has_number:
            continue
        if family == "release" and (
            not _CAPTIVITY.search(text)
            or _NOT_PEOPLE_RELEASED.search(text)
            or ((v := _first_live("violence", text)) and not _WEAK_VIOLENCE.match(v.group(0)))
        ):
            continue  # a release is news only for captives, and killing outranks it
        if family == "shelling" and _SHELLING_AND_FIGHTING.search(text):
            continue  # "shelling and fighting with heavy weapons": artillery within a battle is the battle
        if family == "ied" and _GROUND_ASSAULT.search(text):
            continue  # the blast opened a ground assault: the assault is the event
        if family == "agreement" and not _CONCLUDED.search(text):
            continue  # talk of an agreement is not one: it must be signed, reached or agreed
        armed = _find("armed_group", text) or _find("state_side", text)
        if family == "clash" and _COMMUNAL.search(text) and not armed:
            # "intercommunal clashes between two ethnic groups": unorganised crowds, not armed sides
            return SentenceLabel("Mob violence", match.start(), match.end(), _SCORES["mob"])
        if family == "riot" and not (_find("protest", text) or _CROWD_VIOLENCE.search(text)):
            continue  # "violences", "looted" alone are not a riot
        strategic = family in ("other", "agreement", "looting", "arrest")
        if strategic and _find("violence", text) and _find("armed_group", text):
            # "gunmen killed three and burned houses": the violence is the event
            violence = _first_live("violence", text)
            if violence is not None:
                sub = _violence_subtype(text, violence, clash=False)
                return SentenceLabel(sub, violence.start(), violence.end(), _SCORES["violence"])
        if family in ("protest", "riot"):
            sub = _protest_subtype(text)
        elif family == "territory":
            sub = _territory_subtype(text, match)
        elif family in ("clash", "violence"):
            sub = _violence_subtype(text, match, clash=family == "clash")
        else:
            sub = _FIXED[family]
        score = _SCORES[family]
        if _find("generic", text):
            score -= 0.25
        return SentenceLabel(sub, match.start(), match.end(), round(score, 2))
    return None


def secondary_label(text: str, label: SentenceLabel) -> SentenceLabel | None:
    """A second event a sentence reports besides its main one: the kidnapping a release ends
    ("enlevé le 8 avril 2021 à Gao, il a été libéré lundi"), the coup a later event follows
    ("clashes since the seizure of power by the colonel on 5 September 2021")."""
    if event_type_of(label.sub_event_type) != "Strategic developments":
        coup = _first_live("coup", text, background=True)
        if coup is not None:
            return SentenceLabel("Other", coup.start(), coup.end(), _SCORES["other"])
    if label.sub_event_type not in ("Agreement", "Other") or not is_release(text[label.start : label.end]):
        return None
    match = _first_live("abduction", text)
    if match is None:
        return None
    return SentenceLabel("Abduction/forced disappearance", match.start(), match.end(), _SCORES["abduction"] - 0.1)


def is_release(text: str) -> bool:
    """Whether a trigger (or a group's text) tells captives set free."""
    return bool(cue("release").search(text))


_ATTRIBUTIVE = re.compile(
    r"\b(?:the|those|these|les|des|ces)\s+(?:kidnapped|abducted|enlev[ée]s|kidnapp[ée]s)\s$", re.I
)


def _dated_near(doc: Document, sentence: Span, extra: SentenceLabel, main: SentenceLabel, *, coup: bool) -> bool:
    """Whether a date in the sentence sits nearer the second event's trigger than the main one's;
    a coup's date follows it closely ("the May 2021 coup", "the seizure of power by the colonel
    on 5 September 2021")."""
    for d in doc.dates:
        if sentence.start <= d.span.start < sentence.end:
            pos = d.span.start - sentence.start
            if coup and not extra.start - 15 <= pos <= extra.end + 60:
                continue
            if abs(pos - extra.start) < abs(pos - main.start):
                return True
    return False


def detect_events(doc: Document, *, min_score: float = 0.3) -> tuple[EventMention, ...]:
    """One event mention per sentence that reports an event."""
    out: list[EventMention] = []
    numbers = {f.span.start for f in doc.fatalities}
    for sentence in doc.sentences:
        has_number = any(sentence.start <= n < sentence.end for n in numbers) or bool(_NUMBER.search(sentence.text))
        label = classify_sentence(sentence.text, has_number=has_number)
        if label is None or label.score < min_score:
            continue
        labels = [label]
        dated = any(sentence.start <= d.span.start < sentence.end for d in doc.dates)
        extra = secondary_label(sentence.text, label)
        if extra is not None and _dated_near(doc, sentence, extra, label, coup=extra.sub_event_type == "Other"):
            labels.append(extra)
        if not dated and (_YEAR_ONLY.search(sentence.text) or cue("generic").search(sentence.text)):
            continue  # background or generic statements without a date of their own are not events
        for label in labels:
            start = sentence.start + label.start
            trigger = Span(start, sentence.start + label.end, doc.article.text[start : sentence.start + label.end])
            around = doc.article.text[max(sentence.start, start - 12) : start + len(trigger.text) + 1]
            if not dated and _ATTRIBUTIVE.search(around):
                continue  # "the kidnapped students": a description, the event is told elsewhere
            if not dated and not has_number and _PLURAL_NOUN.match(trigger.text):
                continue  # "carried out attacks in Kenya": no single event
            if any(sentence.start <= f.span.start < sentence.end and f.count > 2000 for f in doc.fatalities):
                continue  # war-long tolls ("130,000 killed") are not one event
            anaphoric = not dated and bool(_ANAPHOR.search(doc.article.text[max(sentence.start, start - 25) : start]))
            out.append(
                EventMention(
                    sentence, trigger, event_type_of(label.sub_event_type), label.sub_event_type, label.score, anaphoric
                )
            )
    return tuple(out)


class EventsStage:
    """Sets ``doc.event_mentions``."""

    name = "events"
    requires: tuple[str, ...] = ("sentences", "fatalities")
    provides: tuple[str, ...] = ("event_mentions",)

    def __call__(self, doc: Document) -> Document:
        return dataclasses.replace(doc, event_mentions=detect_events(doc))
