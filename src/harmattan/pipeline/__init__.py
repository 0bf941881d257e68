"""The coding pipeline: one module per stage; ``build_pipeline(settings)`` wires them."""

from __future__ import annotations

from harmattan.config import Settings
from harmattan.gazetteer import open_gazetteer
from harmattan.pipeline.actors import ActorsStage
from harmattan.pipeline.assemble import AssembleStage
from harmattan.pipeline.base import Pipeline, SkipArticle, Stage
from harmattan.pipeline.dates import DatesStage
from harmattan.pipeline.events import EventsStage
from harmattan.pipeline.fatalities import FatalitiesStage
from harmattan.pipeline.language import LanguageStage
from harmattan.pipeline.places import PlacesStage
from harmattan.pipeline.segment import SegmentStage

__all__ = ["Pipeline", "SkipArticle", "Stage", "build_pipeline"]


def build_pipeline(settings: Settings) -> Pipeline:
    """The default pipeline for these settings (models load lazily on first article)."""
    return Pipeline(
        [
            LanguageStage(languages=settings.languages),
            SegmentStage(use_models=settings.use_models),
            DatesStage(),
            FatalitiesStage(),
            ActorsStage(),
            PlacesStage(lambda: open_gazetteer(settings)),
            EventsStage(),
            AssembleStage(),
        ]
    )
