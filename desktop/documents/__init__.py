"""Files, URLs and pasted text in; clean body text and metadata (`Article`) out. No Qt here."""

from desktop.documents.model import Article, DocumentError
from desktop.documents.loader import load_path, load_source

__all__ = ["Article", "DocumentError", "load_path", "load_source"]
