"""The real pre-commit tool runs the scan hook in a fresh git repository.

The default test builds a ``repo: local`` configuration from the hook catalog
(``language: system``, the scanner of this checkout), so it needs no network
and no virtualenv. Set PROTOCOL_KIT_INSTALL_TESTS=1 to also run the published
hook through ``pre-commit try-repo``, which builds the hook's virtualenv with
pip (about a minute).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from protocol_kit.hooks import HOOKS

ROOT = Path(__file__).parent.parent.parent
PLAN = ROOT / "tests" / "cases" / "scan" / "plan.yaml"
BAD = 'analytics.track("Sign Up", { plan: "pro" });\n'
GOOD = 'analytics.track("Signed Up", { plan: "pro" });\n'
REJECTED = "app.js:1:17: EV002 unplanned event 'Sign Up' (did you mean 'Signed Up'?)"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    home = tmp_path / "pre-commit-home"
    work = tmp_path / "shop"
    work.mkdir()
    monkeypatch.setenv("PRE_COMMIT_HOME", str(home))
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    for key, value in {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
                       "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}.items():
        monkeypatch.setenv(key, value)
    shutil.copy(PLAN, work / "plan.yaml")
    (work / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plan.yaml"]\n')
    run(work, "git", "init", "-q")
    return work


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)


def pre_commit(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run(cwd, sys.executable, "-m", "pre_commit", *args)


def local_config() -> str:
    """The catalog's scan hook as a local hook running this checkout's scanner."""
    hook = next(h.to_dict() for h in HOOKS if h.id == "protocol-kit-scan")
    hook.update(language="system", entry=hook["entry"].replace("protocol-kit", f"{sys.executable} -m protocol_kit", 1))
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}, sort_keys=False)


def test_commit_with_a_bad_tracking_call_is_rejected(repo):
    (repo / ".pre-commit-config.yaml").write_text(local_config())
    assert pre_commit(repo, "install").returncode == 0
    (repo / "app.js").write_text(BAD)
    (repo / "README.md").write_text("A shop.\n")
    run(repo, "git", "add", "-A")
    rejected = run(repo, "git", "commit", "-qm", "Track sign-ups")
    assert rejected.returncode == 1
    assert REJECTED in rejected.stdout + rejected.stderr

    (repo / "app.js").write_text(GOOD)
    run(repo, "git", "add", "-A")
    accepted = run(repo, "git", "commit", "-qm", "Track sign-ups")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Check tracking calls against the tracking plan" in accepted.stdout + accepted.stderr


def test_hook_skips_files_that_are_not_source_code(repo):
    (repo / ".pre-commit-config.yaml").write_text(local_config())
    (repo / "notes.md").write_text('analytics.track("Sign Up")\n')
    run(repo, "git", "add", "-A")
    result = pre_commit(repo, "run", "protocol-kit-scan", "--files", "notes.md")
    assert result.returncode == 0
    assert "no files to check" in result.stdout


@pytest.mark.skipif(not os.environ.get("PROTOCOL_KIT_INSTALL_TESTS"), reason="builds a virtualenv with pip")
def test_published_hook_through_try_repo(repo):
    (repo / "app.js").write_text(BAD)
    run(repo, "git", "add", "-A")
    bad = pre_commit(repo, "try-repo", str(ROOT), "protocol-kit-scan", "--files", "app.js")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert REJECTED in bad.stdout
    (repo / "app.js").write_text(GOOD)
    good = pre_commit(repo, "try-repo", str(ROOT), "protocol-kit-scan", "--files", "app.js")
    assert good.returncode == 0, good.stdout + good.stderr
