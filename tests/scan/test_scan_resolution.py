"""Working out event names: the nearest definition, every assignment, parameters, other files."""
from __future__ import annotations

import os

import pytest

from protocol_kit.scan import ScanConfig, scan_paths, scan_source
from protocol_kit.scan.project import Project


def names(source: str, path: str = "a.ts") -> list[tuple]:
    return [(c.event.candidates, c.event.why) for c in scan_source(source, path=path, plan=None).calls]


def test_the_nearest_enclosing_definition_wins():
    source = ('function a() { const eventName = "A"; analytics.track(eventName); }\n'
              'function b() { const eventName = "B"; analytics.track(eventName); }\n'
              'const eventName = "Top"; analytics.track(eventName);\n')
    assert names(source) == [(("A",), None), (("B",), None), (("Top",), None)]


def test_a_variable_assigned_several_literals_is_each_of_them():
    assert names('let name = "A"; if (x) name = "B"; analytics.track(name);') == [(("A", "B"), None)]
    assert names('let name; if (x) { name = "A" } else { name = "B" } analytics.track(name);') == [(("A", "B"), None)]
    assert names("label = 'A'\nif x:\n    label = 'B'\nanalytics.track(u, label)\n", "a.py") == [(("A", "B"), None)]


def test_any_computed_assignment_leaves_the_name_unresolved():
    [(candidates, why)] = names('let name = "A"; if (x) name = pick(); analytics.track(name);')
    assert (candidates, why) == ((), "computed at run time")


def test_a_parameter_is_never_matched_to_another_functions_local():
    source = ('class T {\n  a() { const name = "Unrelated"; return name; }\n'
              '  send(name: string) { analytics.track(name); }\n}\n')
    assert names(source) == [((), "a parameter of the enclosing function")]


def test_a_local_shadows_a_parameter_and_a_parameter_shadows_the_module():
    source = ('const name = "Module";\nfunction f(name) { analytics.track(name); }\n'
              'function g(name) { const inner = "Inner"; analytics.track(inner); }\n')
    assert names(source) == [((), "a parameter of the enclosing function"), (("Inner",), None)]


@pytest.mark.parametrize("path, source", [
    ("a.kt", 'fun a() { val n = "A"; analytics.track(n) }\nfun b() { val n = "B"; analytics.track(n) }\n'),
    ("A.java", 'class A { void a() { String n = "A"; analytics.track(n); } void b() { String n = "B"; '
               'analytics.track(n); } }\n'),
    ("a.swift", 'func a() { let n = "A"; analytics.track(name: n) }\nfunc b() { let n = "B"; analytics.track(name: n) }\n'),
    ("a.py", 'def a():\n    n = "A"\n    analytics.track(u, n)\n\ndef b():\n    n = "B"\n    analytics.track(u, n)\n'),
    ("a.rb", 'def a\n  n = "A"\n  Analytics.track(event: n)\nend\ndef b\n  n = "B"\n  Analytics.track(event: n)\nend\n'),
])
def test_scopes_in_every_language(path, source):
    assert [c.event.candidates for c in scan_source(source, path=path, plan=None).calls] == [("A",), ("B",)]


def test_names_from_other_files_need_the_project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "events.ts").write_text('export const SIGNED_UP = "Signed Up";\n')
    source = 'import { SIGNED_UP } from "./events";\nanalytics.track(SIGNED_UP);\n'
    [alone] = scan_source(source, path="app.ts", plan=None).calls
    assert alone.event.why == "imported from './events' (no project to look in)"
    [found] = scan_source(source, path="app.ts", plan=None, project=Project(tmp_path)).calls
    assert found.event.candidates == ("Signed Up",)


def test_two_files_giving_a_name_different_values_leave_it_unresolved(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for folder, value in (("a", "One"), ("b", "Two")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "events.rb").write_text(f'module Events\n  NAME = "{value}"\nend\n')
    (tmp_path / "app.rb").write_text('Analytics.track(user_id: 1, event: Events::NAME)\n')
    [call] = scan_paths(["app.rb"], plan=None, config=ScanConfig(cache=False)).calls
    assert (call.event.candidates, call.event.why) == ((), "defined differently in 2 files")


def test_swift_shorthand_is_unresolved_when_two_enums_disagree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "A.swift").write_text('enum A: String { case opened = "Opened" }\n')
    (tmp_path / "B.swift").write_text('enum B: String { case opened = "App Opened" }\n')
    (tmp_path / "View.swift").write_text('func f() { Analytics.track(.opened) }\n')
    [call] = scan_paths(["View.swift"], plan=None, config=ScanConfig(cache=False)).calls
    assert call.event.why == "ambiguous: 2 enum cases are named 'opened', with different values"


def test_the_project_defaults_to_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "Events.kt").write_text('package shop\nobject Events { const val A = "Signed Up" }\n')
    (tmp_path / "src" / "App.kt").write_text('package shop\nfun f() { analytics.track(Events.A) }\n')
    monkeypatch.chdir(tmp_path)
    [call] = scan_paths([os.path.join("src", "App.kt")], plan=None, config=ScanConfig(cache=False)).calls
    assert call.event.candidates == ("Signed Up",)


def test_python_star_imports_and_package_re_exports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "events.py").write_text('SIGNED_UP = "Signed Up"\n')
    (tmp_path / "pkg" / "__init__.py").write_text("from .events import *\n")
    (tmp_path / "app.py").write_text("from pkg import *\nfrom pkg import SIGNED_UP as S\n"
                                     "analytics.track(u, SIGNED_UP)\nanalytics.track(u, S)\n")
    calls = scan_paths(["app.py"], plan=None, config=ScanConfig(cache=False)).calls
    assert [c.event.candidates for c in calls] == [("Signed Up",), ("Signed Up",)]


@pytest.mark.parametrize("path, source, receiver", [
    ("a.swift", 'amplitude.track(eventType: "Signed Up", eventProperties: ["plan": "pro"])', "amplitude"),
    ("a.swift", 'RSClient.sharedInstance()?.track("Signed Up", properties: ["plan": "pro"])', "RSClient.sharedInstance()"),
    ("a.kt", 'fun f() { MixpanelAPI.getInstance(ctx, token).track("Signed Up", props) }', "MixpanelAPI.getInstance()"),
    ("a.kt", 'fun f() { PostHog.capture(event = "Signed Up", properties = mapOf("plan" to "pro")) }', "PostHog"),
    ("a.swift", 'PostHogSDK.shared.capture("Signed Up", properties: ["plan": "pro"])', "PostHogSDK.shared"),
])
def test_sdk_clients_recognised_without_configuration(path, source, receiver):
    [call] = scan_source(source, path=path, plan=None).calls
    assert (call.receiver, call.event.candidates) == (receiver, ("Signed Up",))


@pytest.mark.parametrize("path, source", [
    ("a.js", 'const name = "Outer";\nfor (const name of names) { analytics.track(name); }\n'),
    ("a.js", 'const name = "Outer";\nfunction f({ name }) { analytics.track(name); }\n'),
    ("a.js", 'const name = "Outer";\ntry { x() } catch (name) { analytics.track(name); }\n'),
    ("a.ts", 'const name = "Outer";\nfunction f() { const { name } = props; analytics.track(name); }\n'),
    ("a.py", 'name = "Outer"\nfor name in names:\n    analytics.track(u, name)\n'),
    ("a.py", 'name = "Outer"\nwith open(f) as name:\n    analytics.track(u, name)\n'),
    ("a.kt", 'val name = "Outer"\nfun f() { for (name in names) { analytics.track(name) } }\n'),
    ("A.java", 'class A { String name = "Outer"; void f() { for (String name : names) { analytics.track(name); } } }\n'),
    ("a.swift", 'let name = "Outer"\nfunc f() { for name in names { analytics.track(name: name) } }\n'),
    ("a.rb", 'name = "Outer"\nfor name in names do\n  Analytics.track(event: name)\nend\n'),
])
def test_loop_variables_patterns_and_caught_names_shadow_outer_definitions(path, source):
    [call] = scan_source(source, path=path, plan=None).calls
    assert call.event.candidates == ()


def test_python_self_reads_the_attributes_of_the_class_around_the_method():
    source = ('class Tracker:\n    SIGNED_UP = "Signed Up"\n\n    def sign_up(self, user):\n'
              '        analytics.track(user.id, self.SIGNED_UP)\n\n    def other(self, user):\n'
              '        analytics.track(user.id, self.dynamic_name)\n')
    first, second = scan_source(source, path="a.py", plan=None).calls
    assert (first.event.candidates, second.event.candidates) == (("Signed Up",), ())
