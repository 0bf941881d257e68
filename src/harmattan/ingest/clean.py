"""Turn a published article body into the clean text every later offset points into.

Removes photo captions, bylines, agency trailers and publisher boilerplate, and finds the
agency dateline ("DAKAR, March 9 (Reuters) -", "BAMAKO, Mali —") as a location hint.
Owns text cleaning only: no language, date or place logic beyond the dateline's span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from harmattan.records import Span

# Whole lines that carry no report text.
_DROP_LINE = re.compile(
    r"""^(?:
        (?:file\s+)?photo\s*:.*                         # FILE PHOTO: captions
      | .*\b(?:REUTERS|AFP|AP\ Photo|Getty\ Images)\s*/\s*[\w .'-]+(?:/File\ Photo)?\.?\s*$
      | .*©.*                                          # copyright / photo credit lines
      | (?:copyright|all\ rights\ reserved).*
      | photo\ credit\s*:.*
      | (?:reporting|writing|editing|additional\ reporting)\ by\ .*
      | read\ (?:the\ original\ article\ on|more|also)\b.*
      | (?:lire\ aussi|à\ lire\ aussi|voir\ aussi)\b.*
      | share(?:\ news|\ this)?|advertisements?|publicité|source\ link|skip\ to\ content
      | leave\ a\ reply|laisser\ un\ commentaire|comments?|published|keep\ reading
      | your\ email\ address\ will\ not\ be\ published.*
      | related(?:\ articles?|\ posts?)?|world|information|associated\ press
      | .*pic\.twitter\.com/\S+.*
      | !\[[^\]]*\]\([^)]*\)                          # markdown images
      | img\ \d+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY|[Pp]ar|PAR)\s+[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3}\b(?:\s*[,|]\s*.{0,40})?$"
)
# Stray markup left in text records ("<p>BAMAKO, Mali —", "< p>", "</p>")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?\s*/?>")
_TRAILER = re.compile(
    r"\s*(?:[-–—]\s*)?(?:\(\s*(?:REUTERS|Reuters|AFP|NAN|AP)\s*\)|(?<=\s)(?:REUTERS|AFP)"
    r"|/\s*Agence France-Presse|–\s*READ MORE|-\s*READ MORE)\s*$"
)
# A line that ends mid-sentence (a word or a comma) and is continued by a lowercase line.
_WRAPPED = re.compile(r"[\w,;’'-]$")
# ... or ends on a word no sentence or title ends with ("said on\nSunday", "Mocimboa da\nPraia").
_OPEN_END = re.compile(
    r"\s(?:the|a|an|of|on|in|at|to|and|or|for|by|with|from|da|de|du|des|la|le|les|et|à|au|aux|en|sur|par|pour)$"
)
_DATE_PREFIX = re.compile(r"^\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[^\n]*?(?=\S)", re.IGNORECASE)
_DATELINE = re.compile(
    r"""^(?P<place>[A-ZÀ-Ý][A-ZÀ-Ý'’ .-]{2,40}?)          # BAMAKO / N'DJAMENA / FADA N'GOURMA
        (?:,\s*(?P<country>[A-Z][\w' -]{2,30}?))?            # , Mali
        (?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?                # , March 9
        \s*(?:\((?:Reuters|AFP|AP|Xinhua|Anadolu|APA)\)|\(AFP\))?
        \s*(?:[-–—]|:)\s""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class CleanText:
    """The cleaned body, its dateline (if any) and the date found in a ``date`` prefix."""

    text: str
    dateline: Span | None
    prefix_date: str | None


def strip_date_prefix(raw: str) -> tuple[str, str | None]:
    """Split a ``" date YYYY-MM-DD ..."`` record into (body, date string)."""
    match = _DATE_PREFIX.match(raw)
    if not match:
        return raw, None
    body = raw[match.end() :]
    # Some prefixes carry a trailing token such as a page number or outlet name on the line.
    return body, match.group(1)


def clean_text(raw: str) -> CleanText:
    """Clean an article body and locate its dateline."""
    body, prefix_date = strip_date_prefix(raw.replace("\r\n", "\n").replace("\r", "\n"))
    kept: list[str] = []
    for line in body.split("\n"):
        stripped = line.strip()
        if not stripped:
            if kept and kept[-1] != "":
                kept.append("")
            continue
        stripped = _HTML_TAG.sub(" ", stripped.replace("{{{", "").replace("}}}", "")).strip()
        if _DROP_LINE.match(stripped) or (len(stripped) < 70 and _BYLINE.match(stripped)):
            continue
        stripped = re.sub(r"[ \t]+", " ", _TRAILER.sub("", stripped).strip())
        wrapped = kept and ((_WRAPPED.search(kept[-1]) and stripped[:1].islower()) or _OPEN_END.search(kept[-1]))
        if stripped and wrapped:
            kept[-1] += " " + stripped  # a hard-wrapped line ("a 1,000-strong\nforce to"), not a new paragraph
        elif stripped:
            kept.append(stripped)
    text = "\n".join(kept).strip()
    return CleanText(text=text, dateline=find_dateline(text), prefix_date=prefix_date)


def find_dateline(text: str) -> Span | None:
    """The dateline place at the start of a paragraph within the first 600 characters."""
    for para in re.finditer(r"(?:^|\n)([^\n]+)", text[:600]):
        line_start = para.start(1)
        match = _DATELINE.match(para.group(1))
        if match:
            place = match.group("place").strip(" .-")
            if len(place) >= 3 and place.upper() == place:
                start = line_start + match.start("place")
                return Span(start, start + len(place), place)
    return None
