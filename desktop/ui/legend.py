"""The legend of one reader pane: each layer's swatch (colour + its underline cue), count and toggle."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

from desktop.layers import LAYERS

SWATCH = QSize(22, 16)


def swatch_icon(layer, dark: bool = False, scale: float = 2.0) -> QIcon:
    """A small picture of how the layer looks in the text: its fill and its underline cue."""
    w, h = SWATCH.width(), SWATCH.height()
    pm = QPixmap(int(w * scale), int(h * scale))
    pm.setDevicePixelRatio(scale)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    fill = QColor(layer.background_dark if dark else layer.background_light)
    if fill.alpha():
        p.fillRect(QRectF(1, 1, w - 2, h - 5), fill)
    pen = QPen(QColor(layer.color), 1.8)
    base = h - 3.0
    if layer.cue == "dash_underline":
        pen.setStyle(Qt.PenStyle.DashLine)
    elif layer.cue == "dot_underline":
        pen.setStyle(Qt.PenStyle.DotLine)
        pen.setWidthF(2.2)
    p.setPen(pen)
    if layer.cue == "wave_underline":
        path = QPainterPath(QPointF(1, base))
        x = 1.0
        up = True
        while x < w - 1:
            path.quadTo(QPointF(x + 1.5, base - 2.5 if up else base + 2.5), QPointF(x + 3, base))
            x += 3
            up = not up
        p.drawPath(path)
    else:
        p.drawLine(QPointF(1, base), QPointF(w - 1, base))
    p.end()
    return QIcon(pm)


class LegendBar(QWidget):
    """One toggle button per detector layer; emits toggled(layer, on)."""

    toggled = Signal(str, bool)

    def __init__(self, parent=None, dark: bool = False):
        super().__init__(parent)
        self.setObjectName("legend")
        self.buttons: dict[str, QToolButton] = {}
        self._counts: dict[str, int | None] = {layer.key: None for layer in LAYERS}
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(2)
        for layer in LAYERS:
            b = QToolButton(self)
            b.setObjectName(f"legend_{layer.key}")
            b.setCheckable(True)
            b.setChecked(True)
            b.setAutoRaise(True)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            b.setIcon(swatch_icon(layer, dark))
            b.setIconSize(SWATCH)
            b.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            b.toggled.connect(lambda on, key=layer.key: self._toggled(key, on))
            self.buttons[layer.key] = b
            row.addWidget(b)
        row.addStretch(1)
        self.compact = False
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._refresh()

    def minimumSizeHint(self):  # noqa: N802
        # a narrow pane shows counts only (the tooltips keep the names): never force the pane wider
        return QSize(60, super().minimumSizeHint().height())

    def resizeEvent(self, event):  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _full_width(self) -> int:
        fm = self.fontMetrics()
        total = 12
        for key, b in self.buttons.items():
            total += SWATCH.width() + fm.horizontalAdvance(self._label(key, False)) + 26
        return total

    def _fit(self) -> None:
        compact = self.width() < self._full_width()
        if compact != self.compact:
            self.compact = compact
            self._refresh()

    def set_dark(self, dark: bool) -> None:
        for layer in LAYERS:
            self.buttons[layer.key].setIcon(swatch_icon(layer, dark))

    def _toggled(self, key: str, on: bool) -> None:
        self._refresh()
        self.toggled.emit(key, on)

    def set_counts(self, counts: dict[str, int] | None) -> None:
        for layer in LAYERS:
            self._counts[layer.key] = None if counts is None else counts.get(layer.key, 0)
        self._refresh()

    def set_states(self, states: dict[str, bool]) -> None:
        for key, on in states.items():
            b = self.buttons.get(key)
            if b is not None and b.isChecked() != bool(on):
                b.setChecked(bool(on))

    def states(self) -> dict[str, bool]:
        return {key: b.isChecked() for key, b in self.buttons.items()}

    def _label(self, key: str, compact: bool) -> str:
        count = self._counts[key]
        short = {"quote": "Quotes", "unsourced": "Unsourced", "vague": "Vague", "emotive": "Emotive"}[key]
        if compact:
            return str(count) if count is not None else ""
        return f"{short} {count}" if count is not None else short

    def _refresh(self) -> None:
        for layer in LAYERS:
            b = self.buttons[layer.key]
            b.setText(self._label(layer.key, self.compact))
            state = "shown" if b.isChecked() else "hidden"
            b.setToolTip(f"<b>{layer.title}</b> ({state}; click to {'hide' if b.isChecked() else 'show'})<br>{layer.description}")
            font = b.font()
            font.setStrikeOut(not b.isChecked())
            b.setFont(font)
