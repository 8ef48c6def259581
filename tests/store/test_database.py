"""Where the database is, and the warning for SQLite files on shares and in sync folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from labnews.store.database import sharing_risk, sharing_warning, to_url
from labnews.store.location import default_database_path, is_url, resolve_target


def test_db_option_wins_over_the_environment_which_wins_over_the_default() -> None:
    assert resolve_target("mine.sqlite", {"LABNEWS_DB": "env.sqlite"}) == "mine.sqlite"
    assert resolve_target(None, {"LABNEWS_DB": "env.sqlite"}) == "env.sqlite"
    assert resolve_target(None, {}) == str(default_database_path())
    assert default_database_path().name == "labnews.sqlite"


def test_a_plain_path_is_sqlite_and_a_url_is_a_url() -> None:
    assert not is_url("/home/lab/news.sqlite")
    assert not is_url("C:\\\\lab\\\\news.sqlite")
    assert is_url("postgresql+psycopg://editor@db.lab.example/labnews")
    assert to_url("lab.sqlite").get_backend_name() == "sqlite"
    assert to_url("postgresql+psycopg://u@h/db").get_backend_name() == "postgresql"


@pytest.mark.parametrize("folder", ["Dropbox", "OneDrive", "OneDrive - ETRI", "Nextcloud"])
def test_a_file_in_a_sync_folder_is_a_risk(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "lab" / "labnews.sqlite"
    risk = sharing_risk(path, mounts_file=tmp_path / "no-mounts")
    assert risk is not None
    assert "folder" in risk


def test_a_file_on_an_nfs_or_smb_mount_is_a_risk(tmp_path: Path) -> None:
    mounts = tmp_path / "mounts"
    mounts.write_text(
        "/dev/vda1 / ext4 rw 0 0\n"
        "fileserver:/export/labs /mnt/labs nfs4 rw 0 0\n"
        "//nas/share /mnt/nas cifs rw 0 0\n"
    )
    assert "nfs4" in (sharing_risk(Path("/mnt/labs/vilab/news.sqlite"), mounts) or "")
    assert "cifs" in (sharing_risk(Path("/mnt/nas/news.sqlite"), mounts) or "")
    assert sharing_risk(Path("/home/admin/news.sqlite"), mounts) is None
    assert sharing_risk(Path("/mnt/labsother/news.sqlite"), mounts) is None


def test_the_warning_points_to_postgresql(tmp_path: Path) -> None:
    warning = sharing_warning(tmp_path / "Dropbox" / "lab.sqlite")
    assert warning is not None
    assert "PostgreSQL" in warning


def test_the_cli_warns_about_a_sync_folder_once_and_still_works(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from labnews.cli import main

    target = tmp_path / "Dropbox" / "lab.sqlite"
    target.parent.mkdir()  # labnews makes no folders (a typo in --db must not make a lab)
    assert main(["--db", str(target), "demo"]) == 0
    err = capsys.readouterr().err
    assert err.count("labnews: warning:") == 1
    assert "Dropbox" in err


def test_db_current_reports_a_new_database_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from labnews.cli import main

    target = tmp_path / "new.sqlite"
    assert main(["--db", str(target), "db", "current"]) == 0
    assert "a new database" in capsys.readouterr().out
    assert not target.exists()
    assert main(["--db", str(target), "db", "upgrade"]) == 0
    assert main(["--db", str(target), "db", "current"]) == 0
    assert "(newest)" in capsys.readouterr().out
