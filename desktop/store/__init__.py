"""The user's library in one SQLite file: articles, notes, highlights, verdicts, analysis cache. No Qt."""
