"""The real pre-commit runs the catalog's protocol-kit-diff hook in a fresh git repository.

As in tests/hooks/test_precommit_acceptance.py, the hook is configured as a
``repo: local`` hook built from the catalog (``language: system``, this
checkout's command), so no network and no virtualenv are needed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from plan_support import CASES
from protocol_kit.hooks import HOOKS

ROOT = Path(__file__).resolve().parents[2]
PAIR = CASES / "diff" / "DF104-property-removed"
REJECTED = "DF104 property 'coupon' of 'Order Completed': removed"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def local_config() -> str:
    hook = next(h.to_dict() for h in HOOKS if h.id == "protocol-kit-diff")
    hook.update(language="system", entry=hook["entry"].replace("protocol-kit", f"{sys.executable} -m protocol_kit", 1))
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for key in ("GIT_AUTHOR", "GIT_COMMITTER"):
        monkeypatch.setenv(f"{key}_NAME", "t")
        monkeypatch.setenv(f"{key}_EMAIL", "t@example.com")
    work = tmp_path / "shop"
    (work / "plans").mkdir(parents=True)
    shutil.copy(PAIR / "old.yaml", work / "plans" / "shop.yaml")
    (work / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/shop.yaml"]\n')
    (work / ".pre-commit-config.yaml").write_text(local_config())
    run(work, "git", "init", "-q", "-b", "main")
    run(work, "git", "add", "-A")
    assert run(work, "git", "commit", "-qm", "Shop plan").returncode == 0
    assert run(work, sys.executable, "-m", "pre_commit", "install").returncode == 0
    run(work, "git", "switch", "-qc", "checkout-changes")
    return work


def test_a_breaking_plan_change_is_rejected_against_the_merge_base(repo):
    shutil.copy(PAIR / "new.yaml", repo / "plans" / "shop.yaml")
    run(repo, "git", "add", "-A")
    rejected = run(repo, "git", "commit", "-qm", "Drop the coupon")
    assert rejected.returncode == 1
    assert REJECTED in rejected.stdout + rejected.stderr

    compatible = (PAIR / "old.yaml").read_text().replace(
        "      note:\n", "      tax:\n        type: number\n      note:\n", 1)
    (repo / "plans" / "shop.yaml").write_text(compatible)
    run(repo, "git", "add", "-A")
    accepted = run(repo, "git", "commit", "-qm", "Plan the tax")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Check tracking plan changes for breaking changes" in accepted.stdout + accepted.stderr


def test_hook_skips_files_that_are_not_plans(repo):
    (repo / "README.md").write_text("A shop.\n")
    run(repo, "git", "add", "-A")
    result = run(repo, sys.executable, "-m", "pre_commit", "run", "protocol-kit-diff", "--files", "README.md")
    assert result.returncode == 0
    assert "no files to check" in result.stdout
