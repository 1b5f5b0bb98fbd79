""".pre-commit-hooks.yaml is generated from the catalog, and each hook picks the right files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from identify.identify import tags_from_filename

from protocol_kit.hooks import HOOKS, HOOKS_FILE, render

ROOT = Path(__file__).parent.parent.parent
BY_ID = {hook.id: hook for hook in HOOKS}

# hook id -> (paths it must run on, paths it must leave alone)
SAMPLES = {
    "protocol-kit-scan": (
        ["src/app.js", "web/App.jsx", "web/api.ts", "web/Button.tsx", "server/events.py", "ios/App.swift",
         "android/Checkout.kt", "android/Checkout.java", "app/models/order.rb"],
        ["plans/shop.yaml", "README.md", "schemas/shop/index.json", "styles/site.css", "Makefile"],
    ),
    "protocol-kit-lint": (
        ["plans/shop.yaml", "plans/web.yml", "analytics/plans/mobile.xlsx", "plan/events.csv",
         "docs/tracking-plan.yaml", "tracking_plan.yml"],
        ["config/app.yaml", ".github/workflows/ci.yml", "plans/README.md", "schemas/shop/index.json"],
    ),
    "protocol-kit-compile-check": (
        ["plans/shop.yaml", "schemas/shop/order-completed.json", "pyproject.toml", "tracking-plan.csv"],
        ["src/app.js", "package.json", "config/app.yaml"],
    ),
    "protocol-kit-diff": (
        ["plans/shop.yaml", "analytics/plans/mobile.xlsx", "tracking-plan.csv"],
        ["src/app.js", "schemas/shop/index.json", "config/app.yaml"],
    ),
    "protocol-kit-codegen-check": (
        ["plans/shop.yaml", "pyproject.toml", "web/src/analytics.ts", "app/tracking/__init__.py", "tracking-plan.csv"],
        ["schemas/shop/index.json", "package.json", "README.md", "web/src/app.js"],
    ),
    "protocol-kit-validate": (
        ["events/order-completed.json", "samples/day.jsonl", "tests/payloads/web.ndjson"],
        ["schemas/shop/index.json", "package.json", "events/README.md"],
    ),
}


def test_file_on_disk_is_generated_from_the_catalog():
    assert (ROOT / HOOKS_FILE).read_text("utf-8") == render(), \
        ".pre-commit-hooks.yaml is stale: run `python -m protocol_kit.hooks`"


def test_file_lists_the_catalog_in_order():
    hooks = yaml.safe_load(render())
    assert [h["id"] for h in hooks] == [h.id for h in HOOKS] == list(SAMPLES)
    assert all(h["language"] == "python" and h["entry"].startswith("protocol-kit ") for h in hooks)


def _runs_on(hook, path: str) -> bool:
    """The file selection of pre-commit: ``files`` regex, then ``types_or`` tags from identify."""
    if hook.files and not re.search(hook.files, path):
        return False
    return not hook.types_or or bool(set(hook.types_or) & tags_from_filename(path))


@pytest.mark.parametrize("hook_id, path", [(h, p) for h, (yes, _) in SAMPLES.items() for p in yes])
def test_hook_runs_on(hook_id, path):
    assert _runs_on(BY_ID[hook_id], path)


@pytest.mark.parametrize("hook_id, path", [(h, p) for h, (_, no) in SAMPLES.items() for p in no])
def test_hook_leaves_alone(hook_id, path):
    assert not _runs_on(BY_ID[hook_id], path)


def test_compile_check_runs_once_without_filenames():
    assert BY_ID["protocol-kit-compile-check"].pass_filenames is False
