"""The README's `repo: local` pre-commit snippet agrees with the hook catalog and works with real pre-commit."""
from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import pytest
import yaml

from protocol_kit.hooks import HOOKS
from tests.hooks.test_precommit_acceptance import BAD, REJECTED, pre_commit, repo, run  # noqa: F401 (fixture)

ROOT = Path(__file__).parent.parent.parent
BLOCKS = re.findall(r"```yaml\n(.*?)```", (ROOT / "README.md").read_text("utf-8"), flags=re.S)
LOCAL = next(yaml.safe_load(b) for b in BLOCKS if "repo: local" in b)


def test_the_local_snippet_matches_the_catalog():
    [local] = LOCAL["repos"]
    catalog = {h.id: h.to_dict() for h in HOOKS}
    for hook in local["hooks"]:
        published = catalog[hook["id"]]
        assert hook["language"] == "system"
        for key in ("name", "entry", "files", "types_or"):
            assert hook.get(key) == published.get(key), (hook["id"], key)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_local_snippet_rejects_a_bad_call(repo):  # noqa: F811 (the fixture)
    config = yaml.safe_load(yaml.safe_dump(LOCAL))
    for hook in config["repos"][0]["hooks"]:  # the installed command, as this checkout runs it
        hook["entry"] = hook["entry"].replace("protocol-kit", f"{sys.executable} -m protocol_kit", 1)
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    (repo / "app.js").write_text(BAD)
    run(repo, "git", "add", "-A")
    result = pre_commit(repo, "run", "--all-files")
    assert result.returncode == 1 and REJECTED in result.stdout, result.stdout + result.stderr
