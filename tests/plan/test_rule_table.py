"""Plan lint rules are bound to their codes in one table, checked against the code table."""
from protocol_kit import codes
from protocol_kit.commands.lint_command import personal_data_rules
from protocol_kit.plan import load_plan
from protocol_kit.plan.lint import LOAD_CODES, RULES, lint_plan
from protocol_kit.policy import CodePolicy
from plan_support import ROOT


def test_every_plan_lint_code_has_its_rule_or_comes_from_loading():
    lint_codes = {c for c in codes.CODES if c.startswith("PL")}
    assert set(RULES) | set(LOAD_CODES) == lint_codes
    assert not set(RULES) & set(LOAD_CODES)
    [personal] = personal_data_rules(None)
    assert set(personal.codes) == {c for c in codes.CODES if c.startswith("PII") and c != "PII001"}


def test_each_rule_reports_only_its_own_code():
    for path in sorted((ROOT / "tests" / "cases" / "lint").glob("PL[1-4]*/plan.yaml")):
        plan = load_plan(path)
        for code, rule in RULES.items():
            assert {v.code for v in rule(plan)} <= {code}, (path.parent.name, code)


def test_unselected_rules_are_not_run(monkeypatch):
    ran = []
    monkeypatch.setitem(RULES, "PL301", lambda plan: ran.append("PL301") or [])
    plan = load_plan(ROOT / "plans" / "ecommerce.yaml")
    lint_plan(plan, config=CodePolicy(select=("PL1",)))
    assert ran == []
    lint_plan(plan, config=CodePolicy(select=("PL3",)))
    assert ran == ["PL301"]
