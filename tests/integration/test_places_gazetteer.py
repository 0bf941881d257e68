"""The geoparser over the packaged gazetteer, on sentences written for this test."""

from __future__ import annotations

import pytest

from harmattan.gazetteer.sqlite import open_gazetteer_file
from harmattan.pipeline.places import PlacesStage, locate_event
from harmattan.pipeline.segment import load_nlp, split_sentences
from harmattan.records import Document
from harmattan.testing import make_article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "language", "country", "admin1", "location", "precision"),
    [
        ("Gunmen killed five villagers near Boni in central Mali on Sunday.", "en", "Mali", "Mopti", "Boni", 2),
        ("Des jihadistes ont attaqué Ménaka, dans le nord du Mali.", "fr", "Mali", "Menaka", "Ménaka", 1),
        ("Des soldats ont été tués dans la région de Tillabéri, au Niger.", "fr", "Niger", "Tillaberi", "Tillaberi", 3),
        ("Bandits abducted 30 pupils in Zamfara State, Nigeria.", "en", "Nigeria", "Zamfara", "Zamfara", 3),
        ("Les manifestants ont été dispersés à N'Djamena, au Tchad.", "fr", "Chad", "N'Djamena", "N'Djamena", 1),
        ("Gunmen attacked a church in Dablo, in Burkina Faso's Centre-Nord region.", "en", "Burkina Faso",
         "Centre-Nord", "Dablo", 1),
        ("Rangers were ambushed in W National Park in northern Benin.", "en", "Benin", "Alibori", "W National Park", 1),
        ("Sept soldats ont été tués dans le Parc national de la Pendjari, au Bénin.", "fr", "Benin", "Atakora",
         "Pendjari National Park", 1),
        ("Des hommes armés ont tué six personnes à Bungou, dans l'est du Burkina Faso.", "fr", "Burkina Faso", "Est",
         "Boungou", 1),
        ("Gunmen killed four farmers in the village of Gremari in Borno State, Nigeria.", "en", "Nigeria", "Borno",
         "Gremari", 1),
        ("Des soldats ont été tués dans la région du Nord-Ouest, au Cameroun.", "fr", "Cameroon", "North-West",
         "North-West", 3),
    ],
)
def test_places_real_gazetteer_resolves_sahel_places(text: str, language: str, country: str, admin1: str,
                                                     location: str, precision: int) -> None:
    gaz = open_gazetteer_file()
    nlp_doc = load_nlp(language, use_models=False)(text)
    doc = Document(article=make_article(text, language=language), language=language,
                   sentences=split_sentences(nlp_doc), nlp=nlp_doc)
    doc = PlacesStage(gaz)(doc)
    where = locate_event(doc, doc.sentences[0], gazetteer=gaz)
    assert (where.country, where.admin1, where.location, where.geo_precision) == (country, admin1, location,
                                                                                  precision)
    assert where.iso and where.region
