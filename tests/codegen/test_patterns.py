"""CG001: plan patterns whose meaning differs between Python and JavaScript, held to the real engines."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from protocol_kit.codegen.model import build_model
from protocol_kit.codegen.patterns import differences, pattern_warnings
from protocol_kit.compile import compile_plan
from protocol_kit.plan import Event, Plan, Property

# pattern, a value on which the two languages disagree (or None: one of them rejects the pattern)
DIFFERING = [
    (r"^\d+$", "\u0663\u0664"),  # Arabic-Indic digits: Unicode \d in Python only
    (r"^\w+$", "caf\u00e9"),
    (r"^(?P<year>[0-9]{4})$", None),
    (r"^(?<year>[0-9]{4})$", None),
    (r"\Aabc\Z", None),
    (r"(?i)^abc$", None),
    (r"^a++$", None),
    (r"^\p{L}+$", None),
    (r"^a(?#note)$", None),
]
PORTABLE = [r"^[a-z]{2}(-[A-Z]{2})?$", r"^[0-9]+\.[0-9]+\.[0-9]+$", r"^[A-Z0-9-]{4,32}$", r"^a\\d$", r"^[^@]+@[^@]+$"]


def python_result(pattern: str, value: str) -> object:
    try:
        return bool(re.search(pattern, value))
    except re.error:
        return "error"


def javascript_results(cases: list[tuple[str, str]]) -> list[object]:
    script = ("const cases = JSON.parse(process.argv[1]); console.log(JSON.stringify(cases.map(([p, v]) => {"
              " try { return new RegExp(p, 'u').test(v); } catch (e) { return 'error'; } })));")
    done = subprocess.run(["node", "-e", script, json.dumps(cases)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed: cannot compare with JavaScript")
def test_warned_patterns_really_differ_and_portable_ones_agree():
    cases = [(p, v if v is not None else "abc") for p, v in DIFFERING]
    portable = [(p, s) for p in PORTABLE for s in ("en-US", "1.2.3", "AB-12", "a\\d", "a@b", "\u0663")]
    js = javascript_results(cases + portable)
    for (pattern, value), in_js in zip(cases, js):
        assert differences(pattern), f"{pattern} is not warned about"
        py = python_result(pattern, value)
        assert py != in_js or "error" in (py, in_js), f"{pattern!r} on {value!r}: Python {py}, JavaScript {in_js}"
    for (pattern, value), in_js in zip(portable, js[len(cases):]):
        assert differences(pattern) == []
        assert python_result(pattern, value) == in_js, f"{pattern!r} on {value!r}"


def test_warnings_name_the_event_the_property_and_a_pointer():
    item = Property(name="items", type="array", items=Property(name="items", type="object", properties=(
        Property(name="code", type="string", pattern=r"^\w+$"),)))
    plan = Plan(name="p", events=(Event(name="Thing Done", properties=(
        Property(name="sku", type="string", pattern=r"^\d+$"), Property(name="ok", type="string", pattern="^[0-9]+$"),
        item)),))
    warnings = list(pattern_warnings(build_model(compile_plan(plan))))
    assert [(w.code, w.severity, w.event, w.path) for w in warnings] == [
        ("CG001", "warning", "Thing Done", "/properties/items/*/code"),
        ("CG001", "warning", "Thing Done", "/properties/sku")]
    assert "of 'sku'" in warnings[1].message
