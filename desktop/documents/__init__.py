"""Files, URLs and pasted text in; clean body text and metadata (`Article`) out. No Qt here."""

from desktop.documents.model import Article, DocumentError
from desktop.documents.loader import FILE_DIALOG_FILTER, load_path, load_source
from desktop.documents.url import load_url
from desktop.documents.clipboard import from_clipboard
from desktop.documents.metadata import correct_metadata, guess_metadata, normalize_date

__all__ = [
    "Article",
    "DocumentError",
    "FILE_DIALOG_FILTER",
    "load_path",
    "load_source",
    "load_url",
    "from_clipboard",
    "correct_metadata",
    "guess_metadata",
    "normalize_date",
]
