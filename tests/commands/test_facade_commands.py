"""The facade of diff, changelog, infer, import, codegen, explain and serve gives what the CLI gives,
on the case folders the CLI tests use (tests/cases/{diff,infer,vendor,codegen}).

Each case is run once through ``protocol_kit.commands`` and once through ``protocol-kit``; the
JSON reports, written files and exit codes must be the same.
"""
from __future__ import annotations

import json
import shlex
import shutil
import sys
from pathlib import Path

import pytest

from protocol_kit.commands.codegen_command import CodegenOptions, codegen
from protocol_kit.commands.diff_command import CompareOptions, changelog, diff
from protocol_kit.commands.explain_command import code_list, explain
from protocol_kit.commands.import_command import ImportOptions, import_from
from protocol_kit.commands.infer_command import DraftOptions, conventions_of, infer
from protocol_kit.commands.serve_command import CollectorOptions, collector_plan
from protocol_kit.config import load_config
from protocol_kit.errors import ConfigError, OptionsError
from tests.commands.cases import CASES, ROOT, folders, as_json

sys.path.insert(0, str(CASES.parent / "vendors"))
from vendor_support import CASES as VENDOR_CASES, VENDOR  # noqa: E402


def diff_plans_of(case: Path) -> list[str]:
    return [label if (case / label).is_dir() else next(case.glob(f"{label}.*")).name for label in ("old", "new")]


def diff_args(case: Path) -> dict:
    args = shlex.split((case / "args").read_text()) if (case / "args").exists() else []
    given = {}
    if "--ignore-file" in args:
        given["ignore_file"] = Path(args[args.index("--ignore-file") + 1])
    if "--require-version-bump" in args:
        given["require_version_bump"] = True
    return given


@pytest.mark.parametrize("case", folders("diff"), ids=lambda p: p.name)
def test_diff(case, inside, protocol_kit):
    inside(case)
    plans, given = diff_plans_of(case), diff_args(case)
    args = shlex.split((case / "args").read_text()) if (case / "args").exists() else []
    cli = protocol_kit("diff", *plans, "--format", "json", "--fail-on", "none", *args)
    run = diff(plans, CompareOptions.configured(load_config(), fail_on="none", **given))
    assert as_json(run.report) == json.loads(cli.stdout)
    gated = protocol_kit("diff", *plans, *args)
    assert gated.code == (1 if diff(plans, CompareOptions.configured(load_config(), **given)).failed else 0)


@pytest.mark.parametrize("case", [c for c in folders("diff") if (c / "changelog.md").exists()], ids=lambda p: p.name)
def test_changelog(case, inside, protocol_kit):
    inside(case)
    plans = diff_plans_of(case)
    markdown = changelog(plans, CompareOptions.configured(load_config())).markdown
    assert markdown == protocol_kit("changelog", *plans).stdout == (case / "changelog.md").read_text("utf-8")


def test_diff_needs_two_plans_or_a_revision(inside, protocol_kit):
    inside()
    with pytest.raises(OptionsError, match="give OLD and NEW plans"):
        diff(["only.yaml"], CompareOptions())
    cli = protocol_kit("diff", "only.yaml")
    assert cli.code == 2 and "give OLD and NEW plans, or PLAN... --against REF" in cli.stderr


def infer_args(case: Path) -> list[str]:
    return shlex.split((case / "args").read_text()) if (case / "args").exists() else []


@pytest.mark.parametrize("case", folders("infer"), ids=lambda p: p.name)
def test_infer(case, inside, protocol_kit):
    project = inside(case)
    args = infer_args(case)
    cli = protocol_kit("infer", "events.jsonl", "--out", "draft.yaml", "--report-format", "json", *args)
    drafted = (project / "draft.yaml").read_text("utf-8")
    (project / "draft.yaml").unlink()
    given = {}
    if "--merge-into" in args:
        given["merge_into"] = Path(args[args.index("--merge-into") + 1])
    if "--conventions" in args:
        given["conventions"] = conventions_of(args[args.index("--conventions") + 1])
    run = infer(["events.jsonl"], DraftOptions.configured(load_config(), out=Path("draft.yaml"), **given))
    assert run.written == (Path("draft.yaml"),)
    assert (project / "draft.yaml").read_text("utf-8") == drafted == (case / "expected.yaml").read_text("utf-8")
    assert as_json(run.report) == json.loads(cli.stdout)
    assert cli.code == 0


@pytest.mark.parametrize("out, plan_format, message", [
    ("draft.txt", None, "a plan file ends in .yaml, .yml, .xlsx or .csv"),
    ("draft.yaml", "csv", "--format csv does not match --out draft.yaml (yaml)"),
])
def test_infer_refuses_a_draft_it_could_not_load_back(inside, protocol_kit, out, plan_format, message):
    inside()
    with pytest.raises(OptionsError, match=message.replace(".", r"\.").replace("(", r"\(").replace(")", r"\)")):
        infer(["events.jsonl"], DraftOptions(out=Path(out), format=plan_format))
    cli = protocol_kit("infer", "events.jsonl", "--out", out, *(["--format", plan_format] if plan_format else []))
    assert cli.code == 2 and message in cli.stderr


def test_infer_never_overwrites_the_plan_merged_into(inside):
    project = inside(CASES / "infer" / "merge-into")
    before = (project / "plan.yaml").read_bytes()
    with pytest.raises(OptionsError, match="refusing to overwrite the plan merged into"):
        infer(["events.jsonl"], DraftOptions(out=Path("plan.yaml"), merge_into=Path("plan.yaml")))
    assert (project / "plan.yaml").read_bytes() == before


@pytest.mark.parametrize("case", [c for c in VENDOR_CASES if len(c["sources"]) == 1][:6], ids=lambda c: c["case"])
def test_import(case, inside, protocol_kit):
    project = inside()
    source = str(VENDOR / case["sources"][0])
    extra = ["--select", case["select"]] if case.get("select") else []
    cli = protocol_kit("import", source, "--out", "cli.yaml", "--format", "json", *extra)
    run = import_from([source], ImportOptions(out=Path("facade.yaml"), select=case.get("select")))
    assert run.written == (Path("facade.yaml"),)
    assert (project / "facade.yaml").read_text("utf-8") == (project / "cli.yaml").read_text("utf-8")
    assert as_json(run.report) == json.loads(cli.stdout)
    assert run.result.format == case["format"] and cli.code == 0


def test_import_never_overwrites_a_source(inside, protocol_kit):
    project = inside()
    source = project / "plan.json"
    shutil.copy(VENDOR / VENDOR_CASES[0]["sources"][0], source)
    before = source.read_bytes()
    from protocol_kit.errors import InputError

    with pytest.raises(InputError, match="refusing to overwrite plan.json, one of the files imported"):
        import_from([source], ImportOptions(out=source))
    cli = protocol_kit("import", str(source), "--out", str(source))
    assert cli.code == 2 and "refusing to overwrite" in cli.stderr
    assert source.read_bytes() == before


@pytest.mark.parametrize("plan", ["ecommerce", "saas"])
@pytest.mark.parametrize("lang, out", [("typescript", "web/analytics.ts"), ("python", "app/tracking.py")])
def test_codegen(plan, lang, out, inside, protocol_kit):
    project = inside()
    shutil.copy(ROOT / "plans" / f"{plan}.yaml", project / "plan.yaml")
    cli = protocol_kit("codegen", "plan.yaml", "--lang", lang, "--out", f"cli/{out}")
    run = codegen(["plan.yaml"], CodegenOptions.configured(load_config(), lang=lang, out=Path(f"facade/{out}")))
    assert cli.code == 0
    assert sorted(c.path.relative_to("facade") for c in run.changes) == \
        sorted(p.relative_to(project / "cli") for p in (project / "cli").rglob("*") if p.is_file())
    for path in (project / "cli").rglob("*"):
        if path.is_file():
            assert path.read_text("utf-8") == (project / "facade" / path.relative_to(project / "cli")).read_text("utf-8")
    check = codegen(["plan.yaml"], CodegenOptions.configured(load_config(), lang=lang, out=Path(f"facade/{out}"),
                                                             check=True))
    assert check.up_to_date
    assert protocol_kit("codegen", "plan.yaml", "--lang", lang, "--out", f"cli/{out}", "--check").code == 0


@pytest.mark.parametrize("given, error, message", [
    ({"lang": "python"}, OptionsError, "--lang and --out go together"),
    ({"mode": "production"}, OptionsError, "--mode goes with --lang and --out"),
    ({}, ConfigError, "no codegen target"),
])
def test_codegen_options_that_cannot_go_together(given, error, message, inside, protocol_kit):
    inside()
    with pytest.raises(error, match=message):
        CodegenOptions.configured(load_config(), **given)
    flags = [part for key, value in given.items() for part in (f"--{key}", value)]
    cli = protocol_kit("codegen", *flags)
    assert cli.code == 2 and message in cli.stderr


@pytest.mark.parametrize("code", ["EV003", "ev003", "missing-required-property", "PII001"])
def test_explain(code, protocol_kit):
    cli = protocol_kit("explain", code)
    assert cli.code == 0 and cli.stdout == explain(code) + "\n"


def test_explain_an_unknown_code(protocol_kit):
    with pytest.raises(OptionsError, match="unknown code 'EV03' \\(did you mean 'EV013'\\?\\)"):
        explain("EV03")
    cli = protocol_kit("explain", "EV03")
    assert cli.code == 2 and "unknown code 'EV03' (did you mean 'EV013'?)" in cli.stderr
    assert protocol_kit("explain", "--all").stdout == "".join(f"{line}\n" for line in code_list())


def test_serve_options_from_the_validate_table(inside):
    project = inside()
    shutil.copy(ROOT / "plans" / "ecommerce.yaml", project / "shop.yaml")
    (project / "pyproject.toml").write_text('[tool.protocol-kit.validate]\nplan = "shop.yaml"\npii = "redact"\n'
                                            'event-version = "latest"\nfail-on = "warning"\n', "utf-8")
    options = CollectorOptions.configured(load_config())
    assert (options.plan, options.pii, options.event_version, options.fail_on) == (
        project / "shop.yaml", "redact", "latest", "warning")
    assert collector_plan(options).name == "ecommerce"


@pytest.mark.parametrize("given, error, message", [
    ({"valid_out": Path("ok.jsonl")}, OptionsError, "record mode changes nothing"),
    ({"plan": Path("shop.yaml"), "pii": "hash"}, OptionsError, "--pii hash needs a salt"),
    ({}, ConfigError, "no plan given"),
])
def test_serve_options_that_are_refused(given, error, message, inside, protocol_kit, monkeypatch):
    inside()
    monkeypatch.delenv("PROTOCOL_KIT_SALT", raising=False)
    with pytest.raises(error, match=message):
        CollectorOptions.configured(load_config(), **given)
    flags = {"valid_out": "--valid-out", "plan": "--plan", "pii": "--pii"}
    cli = protocol_kit("serve", *[part for key, value in given.items() for part in (flags[key], str(value))])
    assert cli.code == 2 and message in cli.stderr
