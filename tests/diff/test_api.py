"""The library call behind `protocol-kit diff`: gates, the ignore file, version bumps, inputs of any form."""
from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest

from plan_support import CASES
from protocol_kit import compile_plan, load_plan
from protocol_kit.diff import DiffOptions, IgnoreEntry, diff_plans, load_ignore_file
from protocol_kit.diff.bump import requirement
from protocol_kit.diff.renames import close_names
from protocol_kit.errors import ConfigError
from protocol_kit.report import FORMATS

DIFF = CASES / "diff"
REMOVED = DIFF / "DF104-property-removed"


def pair(case: str):
    return DIFF / case / "old.yaml", DIFF / case / "new.yaml"


def test_plans_compiled_plans_and_paths_give_the_same_changes():
    old, new = pair("DF206-constraint-tightened")
    by_path = diff_plans(old, new)
    by_model = diff_plans(load_plan(old), load_plan(new))
    by_compiled = diff_plans(compile_plan(load_plan(old)), new)
    assert [v.message for v in by_path.violations] == [v.message for v in by_model.violations] \
        == [v.message for v in by_compiled.violations]


def test_a_plan_against_itself_has_no_changes():
    result = diff_plans(*[REMOVED / "old.yaml"] * 2, DiffOptions(require_version_bump=True))
    assert result.changes == () and result.violations == () and not result.fails("any")


@pytest.mark.parametrize("case, producer, consumer, any_, warning", [
    ("DF104-property-removed", True, True, True, True),
    ("DF202-type-widened", False, True, True, True),
    ("DF102-property-added-to-open-object", False, False, True, True),  # a possible producer break, a warning
    ("DF101-property-added", False, False, False, False),
])
def test_gates(case, producer, consumer, any_, warning):
    result = diff_plans(*pair(case))
    assert (result.fails("producer"), result.fails("consumer"), result.fails("any"), result.fails("warning")) \
        == (producer, consumer, any_, warning)
    assert not result.fails("none") and not result.fails("never")


def test_fail_on_from_the_command_line_and_the_config(project, run):
    shutil.copytree(DIFF / "DF202-type-widened", project, dirs_exist_ok=True)
    assert run(project, "diff", "old.yaml", "new.yaml").code == 0
    assert run(project, "diff", "old.yaml", "new.yaml", "--fail-on", "consumer").code == 1
    (project / "pyproject.toml").write_text('[tool.protocol-kit.diff]\nfail_on = "consumer"\n')
    assert run(project, "diff", "old.yaml", "new.yaml").code == 1
    (project / "pyproject.toml").write_text('[tool.protocol-kit.diff]\nfail-on = "consumer"\n')
    assert run(project, "diff", "old.yaml", "new.yaml").code == 1
    (project / "pyproject.toml").write_text('[tool.protocol-kit.diff]\nfail-onn = "consumer"\n')
    result = run(project, "diff", "old.yaml", "new.yaml")
    assert result.code == 2 and "unknown key 'fail-onn' in [tool.protocol-kit.diff] (did you mean 'fail-on'?)" in result.err


def test_ignore_file_and_version_bump_from_the_config(project, run):
    shutil.copytree(DIFF / "ignored-change", project, dirs_exist_ok=True)
    (project / "pyproject.toml").write_text('[tool.protocol-kit.diff]\nignore_file = "ignore.yaml"\n'
                                            'require_version_bump = true\n')
    result = run(project, "diff", "old.yaml", "new.yaml", "--format", "json")
    summary = json.loads(result.out)["summary"]
    assert [v["code"] for v in json.loads(result.out)["violations"]] == ["DF101", "DF501"]
    assert summary["ignored"] == 1 and summary["diffs"][0]["version_bump"]["expected"] == "1.1.0"


def test_expired_entry_ignores_nothing_and_expiry_is_by_day():
    old, new = pair("DF104-property-removed")
    entry = IgnoreEntry(code="DF104", reason="r", property="coupon", expires=datetime.date(2030, 1, 1))
    on_the_day = diff_plans(old, new, DiffOptions(ignore=(entry,), today=datetime.date(2030, 1, 1)))
    after = diff_plans(old, new, DiffOptions(ignore=(entry,), today=datetime.date(2030, 1, 2)))
    assert [v.code for v in on_the_day.violations] == []
    assert [v.code for v in after.violations] == ["DF104", "DF502"]


@pytest.mark.parametrize("text, message", [
    ("code: DF104\n", "an ignore file is a list of entries"),
    ("- code: DF104\n", "ignore entry needs a `reason`"),
    ("- code: DF104\n  reason: r\n  propery: x\n", "unknown key 'propery' in ignore entry"),
    ("- code: EV003\n  reason: r\n", r"matches no plan-change \(DF\) code"),
    ("- code: DF104\n  reason: r\n  expires: soon\n", "expires must be a date such as 2026-03-31"),
    ("- code: [DF104\n", "not valid YAML"),
])
def test_broken_ignore_files_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "ignore.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=message) as error:
        load_ignore_file(path)
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", str(error.value))


def test_ignore_entry_matches_by_name_prefix_event_and_path_forms():
    change = diff_plans(*pair("DF206-constraint-tightened")).changes[1]  # total: minimum raised
    for entry in (IgnoreEntry("constraint-tightened", "r"), IgnoreEntry("DF2", "r", event="Order Completed"),
                  IgnoreEntry("DF206", "r", property="total"), IgnoreEntry("DF206", "r", property="/properties/total")):
        assert entry.matches(change), entry
    assert not IgnoreEntry("DF206", "r", event="Cart Viewed").matches(change)
    common = diff_plans(*pair("common-fields")).changes[0]
    assert IgnoreEntry("DF102", "r", event="common", property="context.app").matches(common)
    assert not IgnoreEntry("DF104", "r").matches(change)


@pytest.mark.parametrize("old, codes, expected", [
    ("2.1.0", ["DF104"], ("major", "3.0.0")),
    ("2.1.3", ["DF101"], ("minor", "2.2.0")),
    ("2.1.3", ["DF202"], ("minor", "2.2.0")),
    ("2.1.3", ["DF401"], (None, None)),
    ("1-0-2", ["DF104"], ("MODEL", "2-0-0")),
    ("1-0-2", ["DF102"], ("REVISION", "1-1-0")),
    ("1-0-2", ["DF202"], ("ADDITION", "1-0-3")),
    ("v4", ["DF104"], ("major", "5.0.0")),
])
def test_required_version(old, codes, expected):
    from protocol_kit.diff.change import Change
    need = requirement(old, [Change(code, "x") for code in codes])
    assert (need.level_name, need.expected) == expected


def test_version_findings_name_the_version_to_set(tmp_path):
    old, new = pair("DF104-property-removed")
    result = diff_plans(old, new, DiffOptions(require_version_bump=True))
    [gate] = result.gate_findings
    assert gate.code == "DF501" and gate.expected == "2.0.0" and str(gate.source).endswith("new.yaml:2:1")
    unversioned = tmp_path / "new.yaml"
    unversioned.write_text(new.read_text().replace("version: 1.0.0\n", ""))
    [gate] = diff_plans(old, unversioned, DiffOptions(require_version_bump=True)).gate_findings
    assert gate.message == ("the plan's version None is not a semantic version; it has changes that need a major "
                            "bump (semver): expected at least 2.0.0")


@pytest.mark.parametrize("a, b, close", [
    ("total", "totals", True), ("orderId", "order_id", True), ("coupon", "coupons", True),
    ("note", "notes", True), ("coupon", "discount", False), ("sku", "qty", False), ("Cart Viewed", "Carts Viewed", True),
    ("Checkout Started", "Checkout Begun", False),
])
def test_close_names(a, b, close):
    assert close_names(a, b) is close


def test_same_shape_far_names_are_a_removal_and_an_addition():
    old, new = pair("DF104-property-removed")
    text = new.read_text().replace("      receipt_email:", "      coupon_code:\n        type: string\n"
                                                          "      receipt_email:", 1)
    other = new.with_name("x.yaml")
    assert {c.code for c in diff_plans(old, load_plan_text(text, other)).changes} == {"DF101", "DF104"}


def load_plan_text(text, path):
    import tempfile
    from pathlib import Path
    folder = Path(tempfile.mkdtemp())
    (folder / path.name).write_text(text)
    return load_plan(folder / path.name)


@pytest.mark.parametrize("name", sorted(set(FORMATS) - {"xlsx"}))
def test_every_report_format_renders_a_diff(project, run, name):
    shutil.copytree(REMOVED, project, dirs_exist_ok=True)
    result = run(project, "diff", "old.yaml", "new.yaml", "--format", name)
    assert result.code == 1
    assert "coupon" in result.out


def test_github_annotations_point_at_plan_lines(project, run):
    shutil.copytree(DIFF / "xlsx-vs-yaml", project, dirs_exist_ok=True)
    lines = run(project, "diff", "old.xlsx", "new.yaml", "--format", "github").out.splitlines()
    assert lines[0].startswith("::error file=new.yaml,line=19,col=7,title=DF205 enum-values-removed::")
    assert lines[1].startswith("::error file=old.xlsx,title=DF104 property-removed::")
    assert "(Order Completed /properties/coupon old.xlsx[Events], row 5, column 3)" in lines[1]


def test_usage_errors(project, run):
    shutil.copytree(REMOVED, project, dirs_exist_ok=True)
    assert run(project, "diff", "old.yaml").code == 2
    missing = run(project, "diff", "old.yaml", "nothere.yaml")
    assert missing.code == 2 and "nothere.yaml: no such file" in missing.err


@pytest.mark.parametrize("name", ["ecommerce", "saas"])
def test_each_example_plan_equals_its_compiled_folder(name):
    from plan_support import ROOT
    plan, folder = ROOT / "plans" / f"{name}.yaml", ROOT / "schemas" / name
    assert diff_plans(plan, folder).violations == () == diff_plans(folder, plan).violations
    assert diff_plans(ROOT / "plans" / "ecommerce.xlsx", ROOT / "plans" / "ecommerce.yaml").violations == ()
