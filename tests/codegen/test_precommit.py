"""The real pre-commit runs the catalog's codegen-check hook: a plan change without regenerating is rejected."""
from __future__ import annotations

import shutil
import sys

import pytest
import yaml

from protocol_kit.hooks import HOOKS
from tests.codegen.conftest import PLANS, ROOT
from tests.hooks.test_precommit_acceptance import pre_commit, run

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
PYPROJECT = """[tool.protocol-kit]
plans = ["plans/ecommerce.yaml"]

[[tool.protocol-kit.codegen.targets]]
lang = "python"
out = "app/tracking.py"
"""


def local_config() -> str:
    """The catalog's codegen-check hook as a local hook running this checkout."""
    hook = next(h.to_dict() for h in HOOKS if h.id == "protocol-kit-codegen-check")
    hook.update(language="system", entry=hook["entry"].replace("protocol-kit", f"{sys.executable} -m protocol_kit", 1))
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


def test_a_stale_generated_client_blocks_the_commit(tmp_path, monkeypatch):
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for key in ("GIT_AUTHOR_NAME", "GIT_COMMITTER_NAME"):
        monkeypatch.setenv(key, "t")
    for key in ("GIT_AUTHOR_EMAIL", "GIT_COMMITTER_EMAIL"):
        monkeypatch.setenv(key, "t@example.com")
    repo = tmp_path / "shop"
    (repo / "plans").mkdir(parents=True)
    shutil.copy(PLANS["ecommerce"], repo / "plans" / "ecommerce.yaml")
    (repo / "pyproject.toml").write_text(PYPROJECT)
    (repo / ".pre-commit-config.yaml").write_text(local_config())
    run(repo, "git", "init", "-q")
    assert pre_commit(repo, "install").returncode == 0
    assert run(repo, sys.executable, "-m", "protocol_kit", "codegen").returncode == 0
    run(repo, "git", "add", "-A")
    first = run(repo, "git", "commit", "-qm", "Tracking plan and its client")
    assert first.returncode == 0, first.stdout + first.stderr

    plan = repo / "plans" / "ecommerce.yaml"
    plan.write_text(plan.read_text().replace("version: 2.1.0", "version: 2.2.0"))
    run(repo, "git", "add", "-A")
    rejected = run(repo, "git", "commit", "-qm", "Plan 2.2.0")
    assert rejected.returncode == 1
    assert "stale: app/tracking.py" in rejected.stdout + rejected.stderr

    assert run(repo, sys.executable, "-m", "protocol_kit", "codegen").returncode == 0
    run(repo, "git", "add", "-A")
    accepted = run(repo, "git", "commit", "-qm", "Plan 2.2.0")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Check generated tracking clients are up to date" in accepted.stdout + accepted.stderr
