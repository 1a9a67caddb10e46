"""Window geometry and the last firm, kept in an ini file in the data folder (not the registry).

An ini file beside the database keeps each data folder (and each test's temporary folder) separate,
and moves with the data when an office copies the folder to a new machine.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILE = "zjtx-desktop.ini"


class AppSettings:
    def __init__(self, data_dir: Path):
        self._settings = QSettings(str(Path(data_dir) / SETTINGS_FILE), QSettings.Format.IniFormat)

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)

    def last_company(self) -> int | None:
        value = self._settings.value("session/last_company")
        return int(value) if value not in (None, "") else None

    def set_last_company(self, company_id: int | None) -> None:
        self._settings.setValue("session/last_company", "" if company_id is None else company_id)

    def sync(self) -> None:
        self._settings.sync()
