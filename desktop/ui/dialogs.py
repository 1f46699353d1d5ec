"""Small dialogs: correct an article's details, the highlight guide, and a library that cannot be opened."""

from __future__ import annotations

import html

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
)

from desktop.layers import LAYERS


class MetadataDialog(QDialog):
    """Correct the title, outlet and date the library shows for an article."""

    def __init__(self, entry, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Article details")
        form = QFormLayout(self)
        self.title = QLineEdit(entry.title, self)
        self.outlet = QLineEdit(entry.subtitle if "." not in entry.subtitle else "", self)
        self.outlet.setPlaceholderText("e.g. Reuters")
        self.date = QLineEdit(entry.date, self)
        self.date.setPlaceholderText("YYYY-MM-DD")
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #D55E00")
        form.addRow("Title", self.title)
        form.addRow("Outlet", self.outlet)
        form.addRow("Date", self.date)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def _accept(self) -> None:
        date = self.date.text().strip()
        if date and not QDate.fromString(date, Qt.DateFormat.ISODate).isValid():
            self.error.setText("The date must look like 2024-02-27.")
            return
        self.accept()

    def values(self) -> dict:
        return {"title": self.title.text().strip(), "outlet": self.outlet.text().strip(), "date": self.date.text().strip()}


class GuideDialog(QDialog):
    """What each highlight means, with its colour and its non-colour cue."""

    def __init__(self, parent=None, dark: bool = False):
        super().__init__(parent)
        self.setWindowTitle("What the highlights mean")
        layout = QVBoxLayout(self)
        view = QTextBrowser(self)
        cues = {
            "solid_underline": "solid underline",
            "dash_underline": "dashed underline",
            "dot_underline": "dotted underline",
            "wave_underline": "wavy underline",
        }
        rows = []
        for layer in LAYERS:
            fill = layer.background_dark if dark else layer.background_light
            rows.append(
                f"<tr><td><span style='color:{layer.color}; font-size:x-large'>■</span></td>"
                f"<td><b>{html.escape(layer.title)}</b> — {html.escape(cues.get(layer.cue, layer.cue))}"
                f"{' and a tinted background' if fill[1:3] != '00' else ''}<br>{html.escape(layer.description)}</td></tr>"
            )
        view.setHtml(
            "<p>Each layer has its own colour (safe for colour-blind readers) and its own underline, "
            "so an emotive phrase inside an unsourced sentence shows both.</p>"
            "<table cellpadding='6'>" + "".join(rows) + "</table>"
            "<p>Hover a highlight to see why it was marked and, for a quote, who said it. "
            "Toggle layers in each pane's legend or with Ctrl+1 … Ctrl+4.</p>"
        )
        layout.addWidget(view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)


def library_error_dialog(parent, message: str, on_path=None) -> QMessageBox:
    """The library file could not be opened: say so, never overwrite it, offer a way on (non-blocking).

    `on_path(path)` is called with another existing library or a new file the user chose.
    """
    from PySide6.QtWidgets import QFileDialog

    box = QMessageBox(parent)
    box.setObjectName("library_error")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Library unavailable")
    box.setText("Sourcelight could not open your library. The file was left untouched.")
    box.setInformativeText(
        f"{message}\n\nYou can open another library, start a new one, or keep reading without one "
        "(articles open as usual, but highlights and notes are not saved)."
    )
    choose = box.addButton("Open another library…", QMessageBox.ButtonRole.ActionRole)
    new = box.addButton("Start a new library…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Continue without a library", QMessageBox.ButtonRole.RejectRole)

    def clicked(button) -> None:
        if on_path is None:
            return
        if button is choose:
            path, _ = QFileDialog.getOpenFileName(parent, "Open a Sourcelight library", "", "Sourcelight library (*.sqlite *.db);;All files (*)")
        elif button is new:
            path, _ = QFileDialog.getSaveFileName(parent, "New Sourcelight library", "library.sqlite", "Sourcelight library (*.sqlite)")
        else:
            return
        if path:
            on_path(path)

    box.buttonClicked.connect(clicked)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
