"""Sourcelight: a desktop reader that shows journalists how a news article sources what it says."""

__version__ = "0.1.0"
