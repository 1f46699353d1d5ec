"""The analysis result: frozen dataclasses with character offsets, JSON only at the edge."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("quote", "sentence", "emotive")
LABELS = ("attributed", "vague_source", "unsourced", "not_claim")


@dataclass(frozen=True, slots=True)
class Span:
    """One finding. Offsets are Python `str` indices into the analysed text, end exclusive.

    kind "quote": `speaker` and `cue` set. kind "sentence": `label` set, and `source` for
    attributed / vague_source. kind "emotive": `cue` names the lexicon entry or pattern.
    """

    kind: str
    start: int
    end: int
    why: str = ""
    label: str | None = None
    speaker: str | None = None
    cue: str | None = None
    source: str | None = None

    @property
    def layer(self) -> str | None:
        """The highlight layer this span paints (see `desktop.layers`), or None."""
        if self.kind == "quote":
            return "quote"
        if self.kind == "emotive":
            return "emotive"
        if self.label == "unsourced":
            return "unsourced"
        if self.label == "vague_source":
            return "vague"
        return None

    def to_dict(self) -> dict:
        out: dict = {"kind": self.kind, "start": self.start, "end": self.end}
        if self.kind == "quote":
            out.update(speaker=self.speaker, cue=self.cue)
        elif self.kind == "sentence":
            out.update(label=self.label, source=self.source)
        else:
            out.update(cue=self.cue)
        out["why"] = self.why
        return out


@dataclass(frozen=True, slots=True)
class Readability:
    flesch_reading_ease: float
    grade: float


@dataclass(frozen=True, slots=True)
class Profile:
    sentences: int = 0
    unsourced: int = 0
    attributed: int = 0
    vague_source: int = 0
    not_claim: int = 0
    quotes: int = 0
    speakers: int = 0
    emotive: int = 0
    words: int = 0
    emotive_per_1000: float = 0.0
    named_sources: tuple[str, ...] = ()
    vague_sources: tuple[str, ...] = ()

    @property
    def claims(self) -> int:
        """Sentences that assert something (everything but not_claim)."""
        return self.sentences - self.not_claim

    @property
    def unsourced_share(self) -> float:
        return self.unsourced / self.claims if self.claims else 0.0

    @property
    def vague_share(self) -> float:
        return self.vague_source / self.claims if self.claims else 0.0


@dataclass(frozen=True)
class Analysis:
    """Everything the detectors found in one text."""

    text: str
    spans: tuple[Span, ...]
    readability: Readability
    profile: Profile
    model: str | None
    version: str
    warnings: tuple[str, ...] = field(default=())

    def of_kind(self, kind: str) -> list[Span]:
        return [s for s in self.spans if s.kind == kind]

    @property
    def quotes(self) -> list[Span]:
        return self.of_kind("quote")

    @property
    def sentences(self) -> list[Span]:
        return self.of_kind("sentence")

    @property
    def emotive(self) -> list[Span]:
        return self.of_kind("emotive")

    def to_dict(self) -> dict:
        """The `sourcelight analyze --json` object (without path and title)."""
        profile = {
            k: v
            for k, v in asdict(self.profile).items()
            if k in ("sentences", "unsourced", "attributed", "vague_source", "not_claim", "quotes", "speakers", "emotive")
        }
        profile["emotive_per_1000_words"] = round(self.profile.emotive_per_1000, 2)
        profile["words"] = self.profile.words
        out = {
            "text": self.text,
            "model": self.model,
            "version": self.version,
            "spans": [s.to_dict() for s in self.spans],
            "readability": {
                "flesch_reading_ease": self.readability.flesch_reading_ease,
                "grade": self.readability.grade,
            },
            "profile": profile,
        }
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out
