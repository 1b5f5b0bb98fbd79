"""Dangling links, link loops, named pipes and unreadable files in the trees commands walk: findings or one
error line, never a crash or a hang."""
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PLAN = str(ROOT / "plans" / "ecommerce.yaml")


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """src/ and events/ each with one good file, a dangling link, a link loop and a named pipe."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes not available on this system")
    for folder, good, suffix in (("src", ROOT / "examples" / "src" / "checkout.ts", ".ts"),
                                 ("events", ROOT / "examples" / "events" / "ecommerce.jsonl", ".jsonl"),
                                 ("plans", ROOT / "plans" / "saas.yaml", ".yaml")):
        (tmp_path / folder).mkdir()
        shutil.copy(good, tmp_path / folder / f"good{suffix}")
        (tmp_path / folder / f"dangling{suffix}").symlink_to(f"missing{suffix}")
        (tmp_path / folder / f"loop{suffix}").symlink_to(f"loop{suffix}")
        os.mkfifo(tmp_path / folder / f"pipe{suffix}")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_scan_reports_each_bad_file_as_skipped(protocol_kit, tree):
    out = protocol_kit("scan", "src", "--plan", PLAN, "--format", "concise", "--fail-on", "never")
    assert out.code == 0, out.stderr
    skipped = sorted(line for line in out.stdout.splitlines() if " SC005 " in line)
    assert skipped == ["src/dangling.ts: SC005 skipped: dangling symbolic link",
                       "src/loop.ts: SC005 skipped: cannot be read (Too many levels of symbolic links)",
                       "src/pipe.ts: SC005 skipped: not a regular file (a named pipe)"]
    assert "src/good.ts:" in out.stdout and "Traceback" not in out.stderr


def test_scan_of_an_unreadable_file(protocol_kit, tree):
    if os.geteuid() == 0:
        pytest.skip("running as root: every file is readable")
    secret = tree / "src" / "secret.ts"
    secret.write_text('analytics.track("Order Completed")\n')
    secret.chmod(0)
    out = protocol_kit("scan", "src", "--plan", PLAN, "--format", "concise", "--fail-on", "never")
    assert "src/secret.ts: SC005 skipped: cannot be read (Permission denied)" in out.stdout


def test_validate_reads_the_regular_files_of_the_tree(protocol_kit, tree):
    out = protocol_kit("validate", "events", "--plan", PLAN, "--format", "concise")
    assert out.code == 1 and "events/good.jsonl:" in out.stdout
    assert "dangling" not in out.stdout + out.stderr and "pipe" not in out.stdout + out.stderr


@pytest.mark.parametrize("command", ["lint", "compile", "export"])
@pytest.mark.parametrize("plan, why", [("dangling", "no such file"), ("loop", "no such file"),
                                       ("pipe", "not a file")])
def test_plan_commands_name_the_bad_plan_file(protocol_kit, tree, command, plan, why):
    out = protocol_kit(command, f"plans/{plan}.yaml")
    assert (out.code, out.stdout) == (2, "")
    assert out.stderr == f"error: plans/{plan}.yaml: {why}\n"


def test_lint_of_the_good_plan_in_the_tree(protocol_kit, tree):
    assert protocol_kit("lint", "plans/good.yaml").code in (0, 1)


def test_digest_of_a_folder_is_a_usage_error(protocol_kit, tree):
    out = protocol_kit("digest", "events")
    assert out.code == 2 and "is a directory" in out.stderr
