"""What the window remembers between runs (QSettings): size, columns, view, databases."""

from __future__ import annotations

import hashlib

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "labnews"
APPLICATION = "labnews"
MAX_RECENT = 8
INTERFACE_LANGUAGES = ("system", "en", "ko")


def _lab_key(lab: str) -> str:
    # A settings key of its own for each lab: paths and URLs hold "/" and ":", which QSettings
    # would read as groups; a digest of the name has neither.
    return hashlib.sha1(forget_password(lab).encode("utf-8"), usedforsecurity=False).hexdigest()


def forget_password(target: str) -> str:
    """A database target safe to write to disk: a URL loses its password (files stay as they are).

    Recent databases live in a plain settings file; the server can take the password from
    ~/.pgpass or the environment instead.
    """
    # Imported here: preferences are read before the window paints, SQLAlchemy only after.
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    from labnews.store.location import is_url, mask_secret

    if not is_url(target):
        return target
    try:
        url = make_url(target)
    except (ArgumentError, ValueError):
        # It will not open anyway; a password in it must not reach the settings file.
        return mask_secret(target)
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


class Preferences:
    """Typed access to the settings; tests hand in a QSettings on a file in their tmp_path."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    @classmethod
    def for_user(cls) -> Preferences:
        """The user's own settings (organization and application "labnews")."""
        return cls(QSettings(ORGANIZATION, APPLICATION))

    def _value(self, key: str) -> object:
        # Ask first: a missing key comes back as an empty QVariant, not as None.
        return self.settings.value(key) if self.settings.contains(key) else None

    # --- databases ----------------------------------------------------------------------------

    def recent_databases(self) -> list[str]:
        value = self._value("databases/recent")
        if isinstance(value, str):  # an INI file gives back a one-item list as a plain string
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(v) for v in value if v][:MAX_RECENT]

    def remember_database(self, target: str) -> None:
        """Put ``target`` first among the recent databases and make it the one to reopen."""
        target = forget_password(target)
        recent = [target, *(t for t in self.recent_databases() if t != target)]
        self.settings.setValue("databases/recent", recent[:MAX_RECENT])
        self.settings.setValue("databases/last", target)

    def clear_recent(self) -> None:
        self.settings.remove("databases/recent")

    def last_database(self) -> str | None:
        value = self._value("databases/last")
        return str(value) if value else None

    # --- the window ---------------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def columns(self, view: str) -> QByteArray | None:
        """A view's saved header state: column widths, order and sort."""
        return self._bytes(f"columns/{view}")

    def save_columns(self, view: str, state: QByteArray) -> None:
        self.settings.setValue(f"columns/{view}", state)

    def last_view(self) -> str | None:
        value = self._value("window/view")
        return str(value) if value else None

    def save_view(self, view: str) -> None:
        self.settings.setValue("window/view", view)

    def overview_year(self, lab: str) -> int | None:
        """The year the Overview last showed for this lab (its file or masked URL)."""
        value = self._value(f"overview_year/{_lab_key(lab)}")
        try:
            return int(str(value)) if value is not None else None
        except ValueError:
            return None

    def save_overview_year(self, lab: str, year: int) -> None:
        self.settings.setValue(f"overview_year/{_lab_key(lab)}", year)

    # --- the interface language -------------------------------------------------------------

    def interface_language(self) -> str:
        """ "system", "en" or "ko": the language of menus and dialogs on this computer."""
        value = self._value("interface/language")
        return str(value) if value in INTERFACE_LANGUAGES else "system"

    def set_interface_language(self, language: str) -> None:
        if language not in INTERFACE_LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        self.settings.setValue("interface/language", language)

    def sync(self) -> None:
        self.settings.sync()
