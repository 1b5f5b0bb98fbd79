"""[tool.protocol-kit.validate] settings."""
import shutil

import pytest

from tests.validate.conftest import EXAMPLE_PLAN
from tests.validate.test_cli import BAD, GOOD, invoke


@pytest.fixture
def project(tmp_path, monkeypatch):
    shutil.copy(EXAMPLE_PLAN, tmp_path / "shop.yaml")
    (tmp_path / "events.jsonl").write_bytes(GOOD + BAD)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_config(project, text: str) -> None:
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["shop.yaml"]\n' + text)


def test_the_one_configured_plan_is_the_default(project):
    write_config(project, "")
    code, out, _ = invoke("validate", "events.jsonl")
    assert code == 1 and "ecommerce: 2 event(s) read" in out


def test_settings_give_defaults(project):
    write_config(project, '[tool.protocol-kit.validate]\nplan = "shop.yaml"\nfail_on = "never"\nmax_violations = 0\n')
    code, out, _ = invoke("validate", "events.jsonl", "--format", "json")
    assert code == 0 and '"violations_omitted": 1' in out
    assert invoke("validate", "events.jsonl", "--fail-on", "error")[0] == 1


@pytest.mark.parametrize("table, message", [
    ('modes = "block"', "unknown key 'modes' in [tool.protocol-kit.validate] (did you mean 'mode'?)"),
    ('mode = "drop"', "pyproject.toml: [tool.protocol-kit.validate] mode: expected one of report, block, "
                      "quarantine, got 'drop'"),
    ("jobs = 0", "[tool.protocol-kit.validate] jobs: expected a positive integer, got 0"),
    ("fail_on = 'never'\nfail-on = 'error'", "[tool.protocol-kit.validate] has both 'fail-on' and 'fail_on'"),
])
def test_bad_settings_are_config_errors(project, table, message):
    write_config(project, f"[tool.protocol-kit.validate]\n{table}\n")
    code, _, err = invoke("validate", "events.jsonl")
    assert code == 2 and message in err


def test_no_plan_anywhere(project):
    (project / "pyproject.toml").write_text("[tool.protocol-kit]\n")
    code, _, err = invoke("validate", "events.jsonl")
    assert code == 2 and "no plan given" in err


def test_several_configured_plans_need_a_choice(project):
    shutil.copy(EXAMPLE_PLAN, project / "other.yaml")
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["shop.yaml", "other.yaml"]\n')
    code, _, err = invoke("validate", "events.jsonl")
    assert code == 2 and "several plans are configured" in err
