"""Harmattan: news reports in, geocoded, deduplicated ACLED-schema events out."""

__version__ = "0.1.0"
