"""What the store keeps for the user, as plain frozen dataclasses shared with the UI and export."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Anchor:
    """Where an annotation sits: W3C TextPositionSelector (start, end) + TextQuoteSelector (exact, prefix, suffix)."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int, context: int = 32) -> "Anchor":
        return cls(start, end, text[start:end], text[max(0, start - context) : start], text[end : end + context])


@dataclass(frozen=True)
class Highlight:
    """A personal highlight (tag 1–5, see `desktop.layers.USER_TAGS`) with an optional note."""

    id: int | None
    article_id: int
    anchor: Anchor
    tag: str = "1"
    note: str = ""
    orphan: bool = False  # could not be re-anchored after the article text changed
    created: str = ""
    updated: str = ""

    @property
    def start(self) -> int:
        return self.anchor.start

    @property
    def end(self) -> int:
        return self.anchor.end


@dataclass(frozen=True)
class Verdict:
    """The user's judgement of a detector span: "dismissed" (wrong: not drawn, counted or exported) or "confirmed"."""

    id: int | None
    article_id: int
    kind: str  # the detector span's kind: quote, sentence, emotive
    anchor: Anchor
    verdict: str  # "dismissed" | "confirmed"
    orphan: bool = False
