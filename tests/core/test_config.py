from pathlib import Path

import pytest

from protocol_kit.config import config_from_table, load_config
from protocol_kit.errors import ConfigError


def test_paths_are_relative_to_the_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["p/a.yaml"]\nschemas = "out"\n')
    (tmp_path / "sub").mkdir()
    config = load_config(tmp_path / "sub")
    assert config.plans == (tmp_path / "p" / "a.yaml",)
    assert config.schemas == tmp_path / "out"


def test_no_pyproject_gives_defaults(tmp_path):
    assert load_config(tmp_path).plans == ()


@pytest.mark.parametrize("table, message", [
    ({"plan": ["x"]}, "unknown key 'plan' in [tool.protocol-kit] (did you mean 'plans'?)"),
    ({"plans": 3}, "[tool.protocol-kit] plans: expected a list of paths, got 3"),
    ({"lint": {"select": ["XX"]}}, "'XX' matches no code"),
    ({"lint": {"ignore": ["PL9"]}}, "'PL9' matches no code"),
    ({"lint": {"severity": {"PL301": "fatal"}}},
     "[tool.protocol-kit.lint] severity.PL301: expected one of info, warning, error, got 'fatal'"),
    ({"lint": {"selct": []}}, "did you mean 'select'?"),
])
def test_bad_configuration_is_explained(table, message):
    with pytest.raises(ConfigError) as error:
        config_from_table(table, root=Path("."))
    assert message in str(error.value)


def test_broken_toml_names_the_file(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit\n")
    with pytest.raises(ConfigError) as error:
        load_config(tmp_path)
    assert "pyproject.toml" in str(error.value) and "not valid TOML" in str(error.value)


def test_config_error_is_exit_code_2(protocol_kit, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\nplans = 1\n")
    monkeypatch.chdir(tmp_path)
    out = protocol_kit("lint")
    assert out.code == 2
    assert out.stderr.startswith("error: ") and "pyproject.toml: [tool.protocol-kit] plans: expected a list" in out.stderr
