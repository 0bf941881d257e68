"""Language stage: English or French per article; anything else is skipped, never crashes.

lingua is restricted to a handful of languages common in West African news so that other
languages are recognised as "not en/fr" rather than forced into one of the two.
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from typing import Any

from harmattan.pipeline.base import SkipArticle
from harmattan.records import Document

_OTHERS = ("GERMAN", "SPANISH", "PORTUGUESE", "ITALIAN", "ARABIC", "TURKISH", "DUTCH", "HAUSA", "YORUBA", "SOMALI")


@lru_cache(maxsize=1)
def _detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.FRENCH]
    languages += [getattr(Language, name) for name in _OTHERS if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*languages).build()


# Below this many words a text (a headline) is too short to tell a third language reliably:
# proper nouns ("Boko Haram", "Kankara") pull short English headlines towards Hausa or Turkish.
SHORT_TEXT_WORDS = 25


@lru_cache(maxsize=1)
def _en_fr_detector() -> Any:
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).build()


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en", "fr", "de", ...), "" when unknown.

    Short texts are only told apart between English and French (93 % on short EN/FR
    fragments in the stack probe); longer ones may come out as another language."""
    sample = text[:2000]
    detector = _en_fr_detector() if len(sample.split()) < SHORT_TEXT_WORDS else _detector()
    language = detector.detect_language_of(sample)
    return "" if language is None else language.iso_code_639_1.name.lower()


class LanguageStage:
    """Sets ``doc.language``; skips articles outside ``languages``."""

    name = "language"
    requires: tuple[str, ...] = ("article",)
    provides: tuple[str, ...] = ("language",)

    def __init__(self, *, languages: tuple[str, ...] = ("en", "fr")) -> None:
        self.languages = languages

    def __call__(self, doc: Document) -> Document:
        language = doc.article.language or detect_language(doc.article.text)
        if language not in self.languages:
            raise SkipArticle(f"article {doc.article.id!r}: language {language or 'unknown'!r} is not coded")
        return dataclasses.replace(doc, language=language)
