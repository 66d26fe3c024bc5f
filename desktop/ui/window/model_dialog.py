"""File > Ship computer model…: the language model the ship computer drafts with (or none).

The window only edits plain values (services.ModelChoice); the composition root keeps them in
the user's config folder, the key apart and private, never in the campaign.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.services import ModelChoice, WindowServices

INTRO = (
    "The ship computer drafts its replies offline from the campaign. With a language model "
    "(an OpenAI-compatible chat endpoint: llama.cpp or Ollama on this machine, or a cloud "
    "provider) it drafts with the model instead, and falls back to the offline drafter when "
    "the model fails. A draft's question and the campaign passages it uses, GM-only ones "
    "included, go to that address: name a cloud provider only if you are happy for it to read "
    "them. Leave the address empty for no model: the app then connects nowhere."
)


class ModelDialog(QDialog):
    """Edit the endpoint's address, model name, key and timeout; Save hands them over."""

    def __init__(
        self,
        current: ModelChoice | None,
        save: Callable[[ModelChoice | None], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Ship computer model")
        self._save = save
        self.url = QLineEdit(current.url if current else "")
        self.url.setPlaceholderText("http://127.0.0.1:11434/v1")
        self.model = QLineEdit(current.model if current else "")
        self.model.setPlaceholderText("llama3.1")
        self.key = QLineEdit(current.key if current else "")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("optional")
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(1, 300)
        self.timeout.setSuffix(" s")
        self.timeout.setValue(current.timeout if current else 20.0)
        self.problem = QLabel("")
        self.problem.setObjectName("ProblemText")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._layout()

    def _layout(self) -> None:
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Address", self.url)
        form.addRow("Model", self.model)
        form.addRow("Key", self.key)
        form.addRow("Timeout", self.timeout)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def choice(self) -> ModelChoice | None:
        """What the fields say (None: no model); ValueError naming what is wrong."""
        url, model = self.url.text().strip(), self.model.text().strip()
        if not url:
            return None
        if not url.startswith(("http://", "https://")):
            raise ValueError("The address must start with http:// or https://")
        if not model:
            raise ValueError("Name the model to use (for example llama3.1)")
        return ModelChoice(url, model, self.key.text().strip(), self.timeout.value())

    def submit(self) -> None:
        try:
            choice = self.choice()
        except ValueError as exc:
            self.problem.setText(str(exc))
            return
        failure = self._save(choice)
        if failure:
            self.problem.setText(failure)
            return
        self.accept()


def ask_chat_model(parent: QWidget, services: WindowServices) -> ModelDialog:
    """Open the dialog on the model configured now; Save keeps the GM's choice."""
    dialog = ModelDialog(services.chat_model(), services.keep_chat_model, parent)
    dialog.open()
    return dialog
