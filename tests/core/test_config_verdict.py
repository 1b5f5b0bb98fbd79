"""The schema check's verdict on an unchanged configuration is kept in the project's cache folder (when there
is one), so that a pre-commit run does not check it again; a changed, corrupt or missing verdict means a check."""
from __future__ import annotations

import pytest

from protocol_kit import config
from protocol_kit.cache import CACHE_DIR
from protocol_kit.config import VERDICT_FILE, config_from_table
from protocol_kit.errors import ConfigError

VALID = {"validate": {"fail-on": "warning"}, "scan": {"strict": True}}


def checks_counted(monkeypatch) -> list[int]:
    counted = [0]
    check = config.check_against_schema

    def counting(table, where):
        counted[0] += 1
        check(table, where)
    monkeypatch.setattr(config, "check_against_schema", counting)
    return counted


def test_an_unchanged_table_is_checked_once(tmp_path, monkeypatch):
    (tmp_path / CACHE_DIR).mkdir()
    counted = checks_counted(monkeypatch)
    first, second = config_from_table(VALID, root=tmp_path), config_from_table(VALID, root=tmp_path)
    assert first == second and counted == [1]
    assert (tmp_path / CACHE_DIR / VERDICT_FILE).is_file()


def test_without_a_cache_folder_every_load_checks_and_nothing_is_written(tmp_path, monkeypatch):
    counted = checks_counted(monkeypatch)
    config_from_table(VALID, root=tmp_path)
    config_from_table(VALID, root=tmp_path)
    assert counted == [2] and not (tmp_path / CACHE_DIR).exists()


@pytest.mark.parametrize("changed", [
    {"validate": {"fail-on": "loud"}},  # an invalid value after a valid one
    {"validate": {"max-violations": -1}},
    {"validate": {"jobs": "2"}},  # a string where an integer was: its repr differs
])
def test_a_changed_table_is_checked_again(changed, tmp_path):
    (tmp_path / CACHE_DIR).mkdir()
    config_from_table({"validate": {"jobs": 2}}, root=tmp_path)
    config_from_table(VALID, root=tmp_path)
    with pytest.raises(ConfigError):
        config_from_table(changed, root=tmp_path)


def test_a_corrupt_verdict_means_a_check(tmp_path, monkeypatch):
    (tmp_path / CACHE_DIR).mkdir()
    config_from_table(VALID, root=tmp_path)
    (tmp_path / CACHE_DIR / VERDICT_FILE).write_bytes(b"\xff torn")
    counted = checks_counted(monkeypatch)
    config_from_table(VALID, root=tmp_path)
    config_from_table(VALID, root=tmp_path)
    assert counted == [1]


def test_an_invalid_table_leaves_no_verdict(tmp_path):
    (tmp_path / CACHE_DIR).mkdir()
    for _ in range(2):
        with pytest.raises(ConfigError, match="fail-on"):
            config_from_table({"validate": {"fail-on": "loud"}}, root=tmp_path)
    assert not (tmp_path / CACHE_DIR / VERDICT_FILE).exists()
