"""Names in generated code: the documented rule, each language's reserved words, collisions, determinism."""
from __future__ import annotations

import json
import keyword
import subprocess
import sys
from pathlib import Path

import pytest

from protocol_kit.codegen import Target, generate
from protocol_kit.codegen.names import PYTHON_RESERVED, TYPESCRIPT_RESERVED, NameTable, lower_camel, pascal, snake
from protocol_kit.codegen.python import arguments
from protocol_kit.codegen.python import function_names as python_functions
from protocol_kit.codegen.typescript import function_names as typescript_functions
from protocol_kit.codegen.model import build_model
from protocol_kit.compile import compile_plan
from protocol_kit.plan import Event, Plan, Property

# The reserved words of ECMAScript 2023 (section 12.7.2) with the strict-mode ones, as a reader would list them.
ECMASCRIPT_RESERVED = """await break case catch class const continue debugger default delete do else enum export
extends false finally for function if import in instanceof new null return super switch this throw true try typeof
var void while with yield implements interface let package private protected public static""".split()


def plan_of(*events: Event) -> Plan:
    return Plan(name="names", version="1.0.0", events=events)


def model_of(*events: Event):
    return build_model(compile_plan(plan_of(*events)))


@pytest.mark.parametrize("name, camel, snake_name, pascal_name", [
    ("Order Completed", "orderCompleted", "order_completed", "OrderCompleted"),
    ("order_completed", "orderCompleted", "order_completed", "OrderCompleted"),
    ("userIPAddress Set", "userIpAddressSet", "user_ip_address_set", "UserIpAddressSet"),
    ("3DS Checked", "3DsChecked", "3_ds_checked", "3DsChecked"),
    ("$set", "set", "set", "Set"),
    ("Commande Passée", "commandePassee", "commande_passee", "CommandePassee"),
    ("prixUnitéTTC", "prixUniteTtc", "prix_unite_ttc", "PrixUniteTtc"),
])
def test_case_conversions(name, camel, snake_name, pascal_name):
    assert (lower_camel(name), snake(name), pascal(name)) == (camel, snake_name, pascal_name)


def test_the_rule_for_digits_reserved_words_and_repeats():
    table = NameTable(TYPESCRIPT_RESERVED, ("identify",))
    assert [table.name(n) for n in ("3dsChecked", "delete", "identify", "", "cartViewed", "cartViewed")] == [
        "_3dsChecked", "delete_", "identify_", "unnamed", "cartViewed", "cartViewed_2"]


@pytest.mark.parametrize("word", ECMASCRIPT_RESERVED)
def test_every_ecmascript_reserved_word_is_renamed(word):
    assert word in TYPESCRIPT_RESERVED
    names = typescript_functions(model_of(Event(name=word)))
    assert names == {word: f"{word}_"}


@pytest.mark.parametrize("word", keyword.kwlist + keyword.softkwlist)
def test_every_python_keyword_is_renamed_as_function_and_argument(word):
    event = Event(name=word, properties=(Property(name=word, type="string", required=True),))
    model = model_of(event)
    expected = word.lower() + "_" if word.lower() in PYTHON_RESERVED else word.lower()
    assert python_functions(model)[word] == expected if word != "_" else "unnamed"
    [argument] = arguments(model.track[0])
    assert argument.name not in PYTHON_RESERVED and argument.name.isidentifier()


def test_python_arguments_that_collide_get_numbered_and_options_are_kept_apart():
    event = Event(name="Thing Done", properties=tuple(
        Property(name=n, type="string") for n in ("orderId", "order_id", "user_id", "context", "self")))
    names = {a.field.name: a.name for a in arguments(model_of(event).track[0])}
    assert names == {"context": "context_", "orderId": "order_id", "order_id": "order_id_2",
                     "self": "self_", "user_id": "user_id_"}


def test_tracker_api_names_are_not_taken_by_events():
    model = model_of(Event(name="Identify"), Event(name="Page"), Event(name="Send"))
    assert typescript_functions(model) == {"Identify": "identify_", "Page": "page_", "Send": "send_"}
    assert python_functions(model) == {"Identify": "identify_", "Page": "page_", "Send": "send"}


def test_output_is_the_same_whatever_the_order_of_the_plan(tmp_path):
    events = [Event(name=f"Thing {n} Done", properties=(Property(name=f"p{n}", type="integer"),)) for n in range(20)]
    forward = compile_plan(plan_of(*events))
    backward = compile_plan(plan_of(*reversed(events)))
    for lang in ("typescript", "python"):
        target = Target(lang=lang, out=tmp_path / ("a.ts" if lang == "typescript" else "a.py"))
        first, again, other = (generate(c, target).files for c in (forward, forward, backward))
        assert first == again == other


RESERVED_PLAN = plan_of(*(Event(name=w, properties=(Property(name=w, type="string", required=True),
                                                    Property(name=f"{w} value", type="integer")))
                          for w in sorted({w.lower() for w in [*ECMASCRIPT_RESERVED, *keyword.kwlist, "match", "type"]})))


def test_reserved_words_everywhere_still_compile_in_typescript(tmp_path, node_tools):
    generated = generate(compile_plan(RESERVED_PLAN), Target(lang="typescript", out=tmp_path / "names.ts"))
    for path, text in generated.files.items():
        path.write_text(text, encoding="utf-8")
    (tmp_path / "node_modules").symlink_to(node_tools, target_is_directory=True)
    usage = "import { createTracker } from './names';\nconst t = createTracker({ track: () => undefined });\n"
    usage += "t.delete_({ delete: 'x' });\nt.class_({ class: 'x', 'class value': 1 });\n"
    (tmp_path / "usage.ts").write_text(usage)
    (tmp_path / "tsconfig.json").write_text(json.dumps({"compilerOptions": {
        "strict": True, "noEmit": True, "target": "ES2020", "module": "commonjs", "moduleResolution": "node"},
        "files": ["usage.ts"]}))
    done = subprocess.run([str(node_tools / ".bin" / "tsc"), "-p", "."], cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout


def test_reserved_words_everywhere_still_pass_mypy(tmp_path: Path):
    generated = generate(compile_plan(RESERVED_PLAN), Target(lang="python", out=tmp_path / "names.py"))
    for path, text in generated.files.items():
        path.write_text(text, encoding="utf-8")
    (tmp_path / "usage.py").write_text("from names import Tracker\n\n\ndef send(t: Tracker) -> None:\n"
                                       "    t.class_(class_='x', class_value=1)\n    t.import_(import_='x')\n")
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "names.py", "usage.py"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout
