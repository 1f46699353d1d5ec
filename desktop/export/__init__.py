"""Exports what the reader shows: highlighted PDFs (one per article, or combined with a comparison page)."""

from desktop.export.model import ExportError, ExportItem, ExportOptions, parse_layers

__all__ = ["ExportError", "ExportItem", "ExportOptions", "export_folder", "export_pdf", "parse_layers"]


def export_pdf(*args, **kwargs):
    """See `desktop.export.pdf.export_pdf` (imported lazily: it needs QtGui)."""
    from desktop.export.pdf import export_pdf as _export_pdf

    return _export_pdf(*args, **kwargs)


def export_folder(*args, **kwargs):
    """See `desktop.export.pdf.export_folder`."""
    from desktop.export.pdf import export_folder as _export_folder

    return _export_folder(*args, **kwargs)
