"""The highlight layers and their palette: one table, read by the reader view and the PDF export.

Colours are the Okabe–Ito palette (safe for the common colour-vision deficiencies); each
layer also has a non-colour cue so overlapping layers stay distinguishable in grey.
No Qt here: colours are hex strings, cues are names the UI and export map to their own styles.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layer:
    key: str  # "quote", "unsourced", "vague", "emotive"
    title: str  # shown in the legend
    description: str  # tooltip in the legend
    color: str  # Okabe–Ito hex, used for underline / border / legend swatch
    background_light: str  # translucent fill on a light page (#AARRGGBB)
    background_dark: str  # translucent fill on a dark page (#AARRGGBB)
    cue: str  # non-colour cue: "solid_underline", "wave_underline", "dash_underline", "box", "bold"
    text_light: str = ""  # text colour on a light page, for layers drawn without a fill ("" keeps the ink)
    text_dark: str = ""  # the same on a dark page


LAYERS: tuple[Layer, ...] = (
    Layer(
        "quote",
        "Attributed quote",
        "Words in quotation marks credited to an identifiable speaker",
        "#0072B2",  # blue
        "#400072B2",
        "#660072B2",
        "solid_underline",
    ),
    Layer(
        "unsourced",
        "Unsourced assertion",
        "The author states it as fact and credits nobody",
        "#E69F00",  # orange
        "#33E69F00",
        "#55E69F00",
        "dash_underline",
    ),
    Layer(
        "vague",
        "Vague sourcing",
        "Credited to a source the reader cannot identify or check",
        "#CC79A7",  # reddish purple
        "#40CC79A7",
        "#66CC79A7",
        "dot_underline",
    ),
    Layer(
        "emotive",
        "Emotive phrasing",
        "Words chosen to make the reader feel rather than know",
        "#D55E00",  # vermillion
        "#00D55E00",
        "#00D55E00",
        "wave_underline",
        "#A33A00",  # vermillion darkened to 6:1 contrast on white (and on the orange fill)
        "#FF9F6B",  # lightened for dark pages
    ),
)

LAYER_BY_KEY = {layer.key: layer for layer in LAYERS}
LAYER_KEYS = tuple(layer.key for layer in LAYERS)


@dataclass(frozen=True)
class UserTag:
    """A colour the user picks for a personal highlight (keys 1–5 in the reader)."""

    key: str  # "1" … "5"
    name: str  # default tag name, editable by the user
    color: str  # hex; drawn as a solid fill with a left border so it never looks like a detector layer


USER_TAGS: tuple[UserTag, ...] = (
    UserTag("1", "Important", "#F0E442"),  # Okabe–Ito yellow
    UserTag("2", "Check this", "#56B4E9"),  # sky blue
    UserTag("3", "Contradiction", "#FF9DA7"),
    UserTag("4", "Follow up", "#009E73"),  # bluish green
    UserTag("5", "Background", "#BBBBBB"),
)
USER_TAG_BY_KEY = {tag.key: tag for tag in USER_TAGS}
