from __future__ import annotations

import pytest

from harmattan.pipeline.base import SkipArticle
from harmattan.pipeline.language import LanguageStage, detect_language
from harmattan.records import Document
from harmattan.testing import make_article


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Boko Haram kills 28 in three village attacks", "en"),
        ("Des hommes armés ont attaqué un village dans la région de Mopti", "fr"),
        (
            "Bewaffnete Männer haben am Sonntag ein Dorf im Norden des Landes angegriffen und dabei mehrere "
            "Menschen getötet, wie die Behörden mitteilten. Die Regierung verurteilte den Angriff scharf und "
            "kündigte eine Untersuchung an.",
            "de",
        ),
    ],
)
def test_language_detects_en_fr_and_others(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_language_stage_skips_other_languages() -> None:
    text = (
        "Bewaffnete Männer haben am Sonntag ein Dorf im Norden des Landes angegriffen und dabei mehrere Menschen "
        "getötet, wie die Behörden mitteilten. Die Regierung verurteilte den Angriff scharf und kündigte an."
    )
    with pytest.raises(SkipArticle, match="de"):
        LanguageStage()(Document(article=make_article(text, language=None)))


def test_language_stage_trusts_a_given_language() -> None:
    doc = LanguageStage()(Document(article=make_article("Gunmen attacked a village.", language="fr")))
    assert doc.language == "fr"
