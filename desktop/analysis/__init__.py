"""Text in, findings out: quotes, sentence sourcing, emotive phrasing. No Qt here."""

from desktop.analysis.model import Analysis, Profile, Readability, Span

__all__ = ["Analysis", "Profile", "Readability", "Span"]
