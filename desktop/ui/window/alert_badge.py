"""A raised alert is plain outside the Alerts dock: "RED ALERT ACTIVE · Stand down" in the
status bar, one click clearing it, whichever dock is in front."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from desktop.model.state import TableState
from desktop.model.warden import alert_name


class AlertBadge(QPushButton):
    """Hidden while no alert is raised; a click asks for a stand down (`clicked`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusAlert")
        self.setToolTip("An alert is on the displays: click to stand down (clear every alert)")
        self._alerts: tuple[str, ...] = ()
        self.hide()

    def sync(self, state: TableState) -> None:
        alerts = state.warden.alerts
        if alerts == self._alerts:
            return
        self._alerts = alerts
        names = ", ".join(alert_name(a).upper() for a in alerts)
        self.setText(f"● {names} ACTIVE · Stand down")
        self.setVisible(bool(alerts))
