"""Adds real PDF /Highlight annotations (colour, QuadPoints, note or reason) and metadata to a rendered PDF."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Highlight
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


@dataclass(frozen=True)
class PdfHighlight:
    """One highlight annotation on one page: rectangles (x0, y0, x1, y1) in PDF points, origin bottom left."""

    page: int
    rects: tuple[tuple[float, float, float, float], ...]
    color: str  # "#RRGGBB"
    contents: str  # the note or the reason, shown in the viewer's comment panel
    subject: str  # the layer or tag name
    author: str  # who made it: "Sourcelight" for detectors, the tag for the user's own
    name: str  # a unique id (/NM)


def _pdf_date(when: datetime) -> str:
    when = when.astimezone(timezone.utc)
    return when.strftime("D:%Y%m%d%H%M%SZ")


def _quad_points(rects) -> ArrayObject:
    # Per rectangle: top-left, top-right, bottom-left, bottom-right (the order Acrobat writes).
    out = []
    for x0, y0, x1, y1 in rects:
        out += [x0, y1, x1, y1, x0, y0, x1, y0]
    return ArrayObject(FloatObject(round(v, 2)) for v in out)


def _empty_appearance(writer: PdfWriter, bbox) -> object:
    """An appearance that paints nothing: the page content already shows the highlight exactly as on screen,
    so viewers list the annotation (colour, note) without tinting the passage a second time."""
    stream = DecodedStreamObject()
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(round(v, 2)) for v in bbox),
        }
    )
    stream.set_data(b"")
    return writer._add_object(stream)


def finish_pdf(
    raw: bytes,
    highlights: Iterable[PdfHighlight],
    metadata: dict[str, str],
    out: BinaryIO,
    when: datetime | None = None,
    opacity: float = 0.0,
) -> int:
    """Write `raw` (a PDF from QPdfWriter) to `out` with the annotations and metadata added; returns how many.

    The page content already paints every highlight exactly as the reader does, so the annotations
    are drawn with `opacity` 0 by default: viewers list them (colour, note, reason) in their
    comment panels and show the note on hover without tinting the passage a second time.
    """
    reader = PdfReader(io.BytesIO(raw))
    writer = PdfWriter(clone_from=reader)
    stamp = _pdf_date(when or datetime.now(timezone.utc))
    count = 0
    npages = len(writer.pages)
    for hl in highlights:
        if not hl.rects or not 0 <= hl.page < npages:
            continue
        x0 = min(r[0] for r in hl.rects)
        y0 = min(r[1] for r in hl.rects)
        x1 = max(r[2] for r in hl.rects)
        y1 = max(r[3] for r in hl.rects)
        bbox = (x0, y0, x1, y1)
        annot = Highlight(rect=bbox, quad_points=_quad_points(hl.rects), highlight_color=hl.color.lstrip("#").lower(), printing=True)
        annot.update(
            {
                NameObject("/Contents"): TextStringObject(hl.contents),
                NameObject("/T"): TextStringObject(hl.author),
                NameObject("/Subj"): TextStringObject(hl.subject),
                NameObject("/NM"): TextStringObject(hl.name),
                NameObject("/M"): TextStringObject(stamp),
                NameObject("/CreationDate"): TextStringObject(stamp),
                NameObject("/CA"): FloatObject(opacity),
                NameObject("/F"): NumberObject(4),
                NameObject("/AP"): DictionaryObject({NameObject("/N"): _empty_appearance(writer, bbox)}),
            }
        )
        writer.add_annotation(hl.page, annot)
        count += 1
    writer.add_metadata({key: value for key, value in metadata.items() if value})
    writer.write(out)
    return count
