"""Harmattan's exception tree. Translated into messages only at the edges (CLI, API).

    HarmattanError
     +-- ConfigError        bad setting or environment variable
     +-- InputError         a file or record we cannot read (names file and line)
     +-- StageError         a pipeline stage failed on one article (names stage and article)
     +-- GazetteerError     the gazetteer file is missing or unreadable
     +-- StoreError         the event store failed (connection, migration, write)
"""

from __future__ import annotations


class HarmattanError(Exception):
    """Root of every error Harmattan raises on purpose."""


class ConfigError(HarmattanError):
    """A setting is missing or invalid."""


class InputError(HarmattanError):
    """An input file or record cannot be read; the message names where."""

    def __init__(self, message: str, *, origin: str = "") -> None:
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class StageError(HarmattanError):
    """A pipeline stage failed on one article."""

    def __init__(self, message: str, *, stage: str, article_id: str) -> None:
        self.stage = stage
        self.article_id = article_id
        super().__init__(f"stage {stage!r} failed on article {article_id!r}: {message}")


class GazetteerError(HarmattanError):
    """The gazetteer cannot be opened or built."""


class StoreError(HarmattanError):
    """The event store cannot be reached, migrated or written."""
