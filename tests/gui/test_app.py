"""Starting the app: screenshots through the CLI, the database it opens, what it imports."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from labnews.cli import main
from labnews.gui.app import startup_target
from labnews.gui.main_window import VIEWS
from labnews.gui.preferences import Preferences
from labnews.store.database import Database
from labnews.store.location import ENV_VAR
from tests.conftest import CliResult

RunCli = Callable[..., CliResult]
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("view", VIEWS)
def test_gui_screenshot_writes_a_png_of_each_view(
    demo_database: Database, tmp_path: Path, cli: RunCli, view: str
) -> None:
    shot = tmp_path / f"{view}.png"
    result = cli("gui", "--screenshot", str(shot), "--view", view)
    assert result.code == 0, result.err
    data = shot.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 10_000  # a whole window, not an empty image


def test_gui_screenshot_of_an_unknown_view_is_one_clear_error(
    demo_database: Database, tmp_path: Path, cli: RunCli
) -> None:
    result = cli("gui", "--screenshot", str(tmp_path / "x.png"), "--view", "charts")
    assert result.code == 1
    assert result.err.strip().splitlines() == [
        "labnews: error: there is no view 'charts'; choose one of overview, papers, members, "
        "venues, achievements, news"
    ]
    assert not (tmp_path / "x.png").exists()


def test_gui_screenshot_of_a_broken_database_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from labnews.cli import main

    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"\x00" * 100)
    code = main(["--db", str(broken), "gui", "--screenshot", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert "is not a SQLite database" in err


def test_the_window_and_the_command_line_open_the_same_lab(
    preferences: Preferences,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``labnews`` and ``labnews summary`` agree: --db, then LABNEWS_DB, then the default file.

    A lab opened in the window before (and so listed in Open Recent) does not change that.
    """
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    preferences.remember_database(str(tmp_path / "last.sqlite"))
    default = tmp_path / "data" / "labnews" / "labnews.sqlite"
    assert startup_target(None) == str(default)
    assert main(["demo"]) == 0
    assert f"the lab is in {default}" in capsys.readouterr().err
    assert startup_target(str(tmp_path / "given.sqlite")) == str(tmp_path / "given.sqlite")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "env.sqlite"))
    assert startup_target(None) == str(tmp_path / "env.sqlite")
    assert main(["demo"]) == 0
    assert f"the lab is in {tmp_path / 'env.sqlite'}" in capsys.readouterr().err


def test_help_says_which_lab_the_window_and_the_commands_open(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "The window and every command work on the same lab: --db, else $LABNEWS_DB" in text


FIRST_PAINT_PROBE = """
import sys
from types import ModuleType
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from labnews.gui.app import MainWindow
from labnews.gui.preferences import Preferences
preferences = Preferences(QSettings(sys.argv[1], QSettings.Format.IniFormat))
if sys.argv[2] != "-":
    preferences.save_view(sys.argv[2])  # the view the window was closed on last time
window = MainWindow(preferences=preferences)

def loaded(prefixes):
    # A deferred module sits in sys.modules as a lazy subclass of ModuleType until first used.
    return sorted(
        name for name, module in list(sys.modules.items())
        if name.startswith(prefixes) and type(module) is ModuleType
    )

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = True
            heavy = ("matplotlib", "jinja2", "bibtexparser", "psycopg", "rapidfuzz", "sqlalchemy")
            print("at first paint:", loaded(heavy + ("labnews.gui.views.", "labnews.core.records")))
            QTimer.singleShot(50, app.quit)
        return False

probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
page = window.tabs.currentWidget()
print("then built:", [type(child).__name__ for child in page.children() if child.isWidgetType()])
"""


@pytest.mark.parametrize(
    ("last_view", "built"), [("-", "OverviewView"), ("papers", "PapersView"), ("news", "NewsView")]
)
def test_the_window_paints_before_its_views_data_layer_and_heavy_libraries_load(
    tmp_path: Path, last_view: str, built: str
) -> None:
    """The first paint needs only Qt: views, records, SQLAlchemy and the rest come after it,
    whichever view the window opens on."""
    done = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE, str(tmp_path / "labnews.ini"), last_view],
        capture_output=True,
        text=True,
        check=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).parents[2])},
        timeout=120,
    )
    assert done.stdout.splitlines() == ["at first paint: []", f"then built: ['{built}']"]


def test_many_qt_calls_do_not_wear_out_none_true_or_false() -> None:
    # PySide6-Essentials 6.12.0 on Python 3.11 loses a reference to None per void call and to
    # True per emit, and CPython aborts ("none_dealloc") after a few thousand: pyproject.toml
    # excludes that release. This guards against a PySide6 that brings the bug back.
    code = (
        "import labnews.gui\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class Poked(QObject):\n"
        "    poked = Signal()\n"
        "probe = Poked()\n"
        "for _ in range(200_000):\n"
        "    probe.setObjectName('x')\n"
        "    probe.poked.emit()\n"
        "print('survived')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).parents[2])},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "survived"
