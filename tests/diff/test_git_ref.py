"""`diff PLAN --against REF` reads the old plan with `git show` in a real temporary repository."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from plan_support import CASES
from protocol_kit.diff import diff_against

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed: --against needs it")
PAIR = CASES / "diff" / "DF104-property-removed"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def repo(project, monkeypatch):
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    git(project, "init", "-q", "-b", "main")
    (project / "plans").mkdir()
    shutil.copy(PAIR / "old.yaml", project / "plans" / "shop.yaml")
    (project / "pyproject.toml").write_text('[tool.protocol-kit]\nplans = ["plans/shop.yaml"]\n')
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Shop plan")
    git(project, "switch", "-qc", "drop-coupon")
    shutil.copy(PAIR / "new.yaml", project / "plans" / "shop.yaml")
    return project


def test_against_a_branch_a_removal_points_at_the_new_plan_and_names_its_old_place(repo, run):
    result = run(repo, "diff", "plans/shop.yaml", "--against", "main", "--format", "concise")
    assert result.code == 1, result.err
    assert result.out.startswith("plans/shop.yaml:6:3: DF104 property 'coupon' of 'Order Completed': removed "
                                 "(was at main:plans/shop.yaml:25:7)")
    github = run(repo, "diff", "plans/shop.yaml", "--against", "main", "--format", "github").out
    assert github.startswith("::error file=plans/shop.yaml,line=6,col=3,title=DF104 property-removed::")


def test_against_the_merge_base_and_the_configured_plans(repo, run):
    git(repo, "commit", "-qam", "Drop the coupon")
    base = git(repo, "rev-parse", "--short=12", "main").strip()
    result = run(repo, "diff", "--against", "merge-base", "--format", "json")
    assert result.code == 1
    [finding] = json.loads(result.out)["violations"]
    assert finding["code"] == "DF104" and f"(was at {base}:plans/shop.yaml:25:7)" in finding["message"]
    assert finding["location"].endswith("plans/shop.yaml:6:3")


def test_from_a_subfolder_and_from_the_library(repo, run):
    result = run(repo / "plans", "diff", "shop.yaml", "--against", "HEAD", "--format", "concise")
    assert result.out.startswith("shop.yaml:6:3: DF104")
    assert "(was at HEAD:plans/shop.yaml:25:7)" in result.out
    assert [c.code for c in diff_against(repo / "plans" / "shop.yaml", "HEAD").changes] == ["DF104"]


def test_a_plan_new_since_the_ref_is_all_additions(repo, run):
    shutil.copy(PAIR / "old.yaml", repo / "plans" / "web.yaml")
    result = run(repo, "diff", "plans/web.yaml", "--against", "main", "--format", "concise")
    assert result.code == 0
    assert result.out.splitlines() == ["plans/web.yaml:6:3: DF001 event 'Order Completed': added",
                                       "plans/web.yaml:48:3: DF001 event 'Cart Viewed': added"]


def test_a_spreadsheet_plan_at_a_ref(repo, run):
    run(repo, "export", "plans/shop.yaml", "--out", "plans/shop.xlsx")
    git(repo, "add", "plans/shop.xlsx")
    git(repo, "commit", "-qm", "As a workbook")
    run(repo, "export", str(PAIR / "old.yaml"), "--out", "plans/shop.xlsx")
    result = run(repo, "diff", "plans/shop.xlsx", "--against", "HEAD", "--format", "concise")
    assert result.out == ("plans/shop.xlsx[Events], row 5, column 3: DF101 property 'coupon' of 'Order Completed': "
                          "added (string)\n")


def test_unknown_revision_is_a_usage_error(repo, run):
    result = run(repo, "diff", "plans/shop.yaml", "--against", "no-such-branch")
    assert result.code == 2
    assert "unknown git revision 'no-such-branch'" in result.err


def test_a_compiled_schemas_folder_at_a_ref(repo, run):
    shutil.copy(PAIR / "old.yaml", repo / "plans" / "shop.yaml")
    assert run(repo, "compile").code == 0
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Compiled schemas")
    shutil.copy(PAIR / "new.yaml", repo / "plans" / "shop.yaml")
    assert run(repo, "compile").code == 0
    result = run(repo, "diff", "schemas/shop", "--against", "HEAD", "--format", "concise")
    assert result.code == 1
    assert result.out == ("schemas/shop/track/order_completed.json: DF104 property 'coupon' of 'Order Completed': "
                          "removed (was at HEAD:schemas/shop/track/order_completed.json); to keep old producers "
                          "valid, plan the change as version 2 of the event (impact: producers, consumers)\n")


def test_outside_a_repository_is_a_usage_error(tmp_path, run):
    shutil.copy(PAIR / "old.yaml", tmp_path / "shop.yaml")
    (tmp_path / "pyproject.toml").write_text("[tool.protocol-kit]\n")
    result = run(tmp_path, "diff", "shop.yaml", "--against", "main")
    assert result.code == 2
    assert result.err == "error: shop.yaml: --against needs the plan to be in a git repository\n"
