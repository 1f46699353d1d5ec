"""`File ▸ Export PDF…`: choose layers, notes, the “why” appendix, page size and one-per-article vs combined.

The dialog only collects options and shows progress: the user's notes are read on the store thread
(through the app's `StoreController`), and a worker thread waits for a child process that lays out
and writes the PDF (`desktop.export.worker`), so the window never freezes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.export.model import ExportError, ExportItem, ExportOptions, file_stem, item_from_library_id
from desktop.layers import LAYER_KEYS, LAYERS


@dataclass(frozen=True)
class ExportSource:
    """One open article: what the reader shows (article, analysis) and its library id, if stored."""

    article: object  # desktop.documents.model.Article
    analysis: object  # desktop.analysis.model.Analysis
    article_id: int | None = None
    dismissed: frozenset = frozenset()  # (kind, start, end) the reader shows as dismissed (added to the library's)


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


def _default_folder() -> Path:
    home = Path.home()
    docs = home / "Documents"
    return docs if docs.is_dir() else home


def _gather(library, sources: list[ExportSource], layers: frozenset[str]) -> list[ExportItem]:
    """On the store thread: each article with its highlights, notes and verdicts."""
    items = []
    for src in sources:
        if src.article_id is None or library is None:
            items.append(ExportItem(src.article, src.analysis, layers, dismissed=frozenset(src.dismissed)))
        else:
            item = item_from_library_id(library, src.article_id, src.article, src.analysis, layers)
            items.append(replace(item, dismissed=frozenset(item.dismissed) | frozenset(src.dismissed)))
    return items


def _render(items: list[ExportItem], target: str, options: ExportOptions, combined: bool) -> list[str]:
    """On a worker thread: wait for a child process that writes the PDF(s); returns the paths written.

    Qt's text layout is not safe in a second thread of this process while the GUI paints, so the
    layout itself runs in `desktop.export.worker`'s own process."""
    from desktop.export.worker import export_in_child

    return export_in_child(items, target, options, combined)


class ExportDialog(QDialog):
    """Options for a highlighted PDF of the open articles, and the export itself (off the GUI thread)."""

    exported = Signal(list)  # the paths written (str)

    def __init__(self, sources: list[ExportSource], parent: QWidget | None = None, *, layers: dict[str, bool] | None = None,
                 store=None, pools=None):
        super().__init__(parent)
        self.setWindowTitle("Export PDF")
        self.setObjectName("export_dialog")
        self.sources = [s for s in sources if s.analysis is not None]
        self._store = store if store is not None and getattr(store, "available", False) else None
        if pools is None:
            from desktop.ui.workers import Pools

            pools = Pools()
        self._pools = pools
        self.written: list[str] = []
        self.busy = False
        states = layers or {key: True for key in LAYER_KEYS}

        layout = QVBoxLayout(self)
        titles = [s.article.display_title for s in self.sources]
        what = titles[0] if len(titles) == 1 else f"{len(titles)} articles: " + "; ".join(titles)
        self.what_label = QLabel(what or "No analysed article is open.")
        self.what_label.setWordWrap(True)
        layout.addWidget(self.what_label)

        box = QGroupBox("Highlight layers")
        box_layout = QVBoxLayout(box)
        self.layer_boxes: dict[str, QCheckBox] = {}
        for layer in LAYERS:
            cb = QCheckBox(layer.title)
            cb.setIcon(_swatch(layer.color))
            cb.setToolTip(layer.description)
            cb.setChecked(bool(states.get(layer.key, True)))
            box_layout.addWidget(cb)
            self.layer_boxes[layer.key] = cb
        layout.addWidget(box)

        form = QFormLayout()
        self.notes_box = QCheckBox("Include my highlights and notes")
        has_library = self._store is not None and any(s.article_id is not None for s in self.sources)
        self.notes_box.setChecked(has_library)
        self.notes_box.setEnabled(has_library)
        if not has_library:
            self.notes_box.setToolTip("These articles are not in the library, or the library is not available.")
        self.why_box = QCheckBox("Add an appendix with each highlight's reason and the quotes' speakers")
        self.page_combo = QComboBox()
        self.page_combo.addItems(["A4", "Letter"])
        from desktop.export.pdf import default_page_size

        self.page_combo.setCurrentText(default_page_size())
        form.addRow(self.notes_box)
        form.addRow(self.why_box)
        form.addRow("Page size:", self.page_combo)
        layout.addLayout(form)

        self.combined_radio = QRadioButton("One PDF, with a comparison page first")
        self.folder_radio = QRadioButton("One PDF per article, into a folder")
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.combined_radio)
        self.mode_group.addButton(self.folder_radio)
        self.combined_radio.setChecked(True)
        mode_box = QGroupBox("Several articles")
        mode_layout = QVBoxLayout(mode_box)
        mode_layout.addWidget(self.combined_radio)
        mode_layout.addWidget(self.folder_radio)
        mode_box.setVisible(len(self.sources) > 1)
        layout.addWidget(mode_box)

        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText("Where to save")
        self.browse_button = QPushButton("Choose…")
        self.browse_button.clicked.connect(self.choose_target)
        row.addWidget(QLabel("Save to:"))
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        layout.addLayout(row)
        self.combined_radio.toggled.connect(self._suggest_target)
        self._suggest_target()

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.status.setObjectName("export_status")
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton("Open PDF", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.setDefault(True)
        self.export_button.setEnabled(bool(self.sources))
        self.export_button.clicked.connect(self.start_export)
        self.open_button.clicked.connect(self._open_result)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    # -- options ------------------------------------------------------------------------------------
    @property
    def combined(self) -> bool:
        return len(self.sources) > 1 and self.combined_radio.isChecked()

    @property
    def to_folder(self) -> bool:
        return len(self.sources) > 1 and not self.combined

    def selected_layers(self) -> frozenset[str]:
        return frozenset(key for key, cb in self.layer_boxes.items() if cb.isChecked())

    def options(self) -> ExportOptions:
        return ExportOptions(page_size=self.page_combo.currentText(), why=self.why_box.isChecked(),
                             notes=self.notes_box.isChecked(), layers=self.selected_layers())

    def _suggest_target(self, *_args) -> None:
        if not self.sources:
            return
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current and Path(current).suffix.lower() == ".pdf" else (Path(current) if current else _default_folder())
        if self.to_folder:
            self.path_edit.setText(str(folder / "Sourcelight export"))
        elif len(self.sources) == 1:
            item = ExportItem(self.sources[0].article, self.sources[0].analysis)
            self.path_edit.setText(str(folder / f"{file_stem(item, 0)}.pdf"))
        else:
            self.path_edit.setText(str(folder / f"comparison-{len(self.sources)}-articles.pdf"))

    def choose_target(self) -> None:
        current = self.path_edit.text().strip()
        if self.to_folder:
            path = QFileDialog.getExistingDirectory(self, "Folder for the PDFs", current or str(_default_folder()))
        else:
            path, _ = QFileDialog.getSaveFileName(self, "Export PDF", current or str(_default_folder()), "PDF files (*.pdf)")
            if path and not path.lower().endswith(".pdf"):
                path += ".pdf"
        if path:
            self.path_edit.setText(path)
            self._chosen_by_dialog = True

    # -- export -------------------------------------------------------------------------------------
    def start_export(self) -> None:
        """Check the target, then read notes on the store thread and write the PDF on a worker thread."""
        if self.busy or not self.sources:
            return
        target = self.path_edit.text().strip()
        if not target:
            self._fail("Choose where to save the PDF.")
            return
        target_path = Path(target).expanduser()
        if not self.to_folder:
            if target_path.suffix.lower() != ".pdf":
                target_path = target_path.with_suffix(target_path.suffix + ".pdf") if target_path.suffix else target_path.with_suffix(".pdf")
                self.path_edit.setText(str(target_path))
            if target_path.exists() and not getattr(self, "_chosen_by_dialog", False) and not self._confirm_overwrite(target_path):
                return
        self._set_busy(True)
        self.status.setText("Exporting…")
        options = self.options()
        layers = self.selected_layers()
        render_args = (str(target_path), options, self.combined)
        if self._store is not None and any(s.article_id is not None for s in self.sources):
            # verdicts and corrected metadata come from the library even when notes are left out
            self._store.run(_gather, self.sources, layers,
                            on_done=lambda items: self._render(items, *render_args),
                            on_error=self._failed)
        else:
            self._render(_gather(None, self.sources, layers), *render_args)

    def _confirm_overwrite(self, path: Path) -> bool:
        answer = QMessageBox.question(self, "Export PDF", f"{path.name} already exists. Replace it?",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _render(self, items, target, options, combined) -> None:
        self._pools.submit(self._pools.io, _render, items, target, options, combined, on_done=self._done, on_error=self._failed)

    def _done(self, paths: list[str]) -> None:
        self._set_busy(False)
        self.written = list(paths)
        shown = paths[0] if len(paths) == 1 else f"{len(paths)} PDFs in {Path(paths[0]).parent}"
        self.status.setStyleSheet("")
        self.status.setText(f"Saved {shown}")
        self.open_button.setText("Open PDF" if len(paths) == 1 else "Open folder")
        self.open_button.show()
        self.exported.emit(list(paths))

    def _failed(self, error) -> None:
        self._set_busy(False)
        if isinstance(error, ExportError):
            message = str(error)
        else:
            from desktop.ui.workers import error_message

            message = error_message(error)
        self._fail(f"Export failed: {message}")

    def _fail(self, message: str) -> None:
        self.status.setStyleSheet("color: #B00020;")
        self.status.setText(message.splitlines()[0] if message else "Export failed")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.progress.setVisible(busy)
        for w in (self.export_button, self.browse_button, self.path_edit, self.page_combo, self.why_box,
                  self.combined_radio, self.folder_radio, *self.layer_boxes.values()):
            w.setEnabled(not busy)
        self.notes_box.setEnabled(not busy and self._store is not None and any(s.article_id is not None for s in self.sources))

    def _open_result(self) -> None:
        if not self.written:
            return
        target = self.written[0] if len(self.written) == 1 else str(Path(self.written[0]).parent)
        QDesktopServices.openUrl(QUrl.fromLocalFile(target))

    def reject(self) -> None:
        if self.busy:
            self.status.setText("Still exporting… the dialog closes when the PDF is written.")
            return
        super().reject()
