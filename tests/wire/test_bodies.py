"""The captured SDK bodies (tests/cases/wire/<sdk>/) read without the network, from files, stdin and the API.

Detection is by content: the same bodies validate the same whether they are
a file of one body per line, one pretty-printed body in a file with no
telling name, or piped on stdin.
"""
from __future__ import annotations

import json
import subprocess
import sys

import orjson
import pytest

from protocol_kit import Validator, load_plan, validate
from tests.wire.conftest import CASES, PLAN, ROOT
from tests.wire.senders import CONFORMING, MISTAKES, supported
from tests.wire.test_sdks import found

FOLDERS = sorted(p.parent.name for p in CASES.glob("*/conforming.txt"))
EXPECTED = {"conforming": [], "mistakes": sorted(f for _, f in MISTAKES)}
FORMAT = {name: name.split("-")[0] for name in FOLDERS}


def bodies(sdk: str, scenario: str) -> list[str]:
    return (CASES / sdk / f"{scenario}.txt").read_text("utf-8").splitlines()


@pytest.fixture(scope="module")
def plan():
    return load_plan(PLAN)


def test_every_sdk_has_its_bodies():
    assert set(FOLDERS) == {"segment-python", "segment-node", "rudderstack-python", "posthog", "mixpanel",
                            "amplitude", "snowplow-post", "snowplow-get"}


@pytest.mark.parametrize("scenario", EXPECTED)
@pytest.mark.parametrize("sdk", FOLDERS)
def test_file_of_bodies(sdk, scenario, protocol_kit):
    outcome = protocol_kit("validate", "--plan", str(PLAN), str(CASES / sdk / f"{scenario}.txt"),
                           "--format", "json")
    report = json.loads(outcome.stdout)
    assert found(report["violations"]) == EXPECTED[scenario]
    assert outcome.code == (1 if EXPECTED[scenario] else 0)
    calls = CONFORMING if scenario == "conforming" else [call for call, _ in MISTAKES]
    assert report["summary"]["formats"] == {FORMAT[sdk]: len(supported(sdk, calls))}


@pytest.mark.parametrize("sdk", FOLDERS)
def test_forced_format_reads_the_same(sdk, protocol_kit):
    forced = protocol_kit("validate", "--plan", str(PLAN), str(CASES / sdk / "mistakes.txt"), "--format", "json",
                          "--input-format", FORMAT[sdk])
    assert found(json.loads(forced.stdout)["violations"]) == EXPECTED["mistakes"]


@pytest.mark.parametrize("sdk", [name for name in FOLDERS if name not in ("mixpanel", "snowplow-get")])
def test_pretty_printed_body_in_a_file_without_a_telling_name(sdk, tmp_path, protocol_kit):
    paths = []
    for number, line in enumerate(bodies(sdk, "mistakes")):
        path = tmp_path / f"request-{number}.body"
        path.write_bytes(orjson.dumps(orjson.loads(line), option=orjson.OPT_INDENT_2))
        paths.append(str(path))
    outcome = protocol_kit("validate", "--plan", str(PLAN), *paths, "--format", "json")
    assert found(json.loads(outcome.stdout)["violations"]) == EXPECTED["mistakes"]


@pytest.mark.parametrize("pretty", [False, True], ids=["lines", "pretty"])
@pytest.mark.parametrize("sdk", ["posthog", "amplitude", "segment-node"])
def test_body_on_stdin(sdk, pretty):
    line = bodies(sdk, "mistakes")[0]
    text = orjson.dumps(orjson.loads(line), option=orjson.OPT_INDENT_2) if pretty else line.encode() + b"\n"
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(PLAN), "-",
                           "--format", "json"], input=text, capture_output=True, timeout=120, cwd=ROOT)
    assert done.returncode == 1, done.stderr
    expected = EXPECTED["mistakes"] if sdk in ("amplitude", "segment-node") else [("EV003", "/properties/order_id")]
    assert found(json.loads(done.stdout)["violations"]) == expected


@pytest.mark.parametrize("sdk", FOLDERS)
def test_api_takes_raw_and_parsed_bodies(sdk, plan):
    lines = bodies(sdk, "mistakes")
    raw = Validator(plan).run(line.encode("utf-8") for line in lines)
    assert found(raw.violations) == EXPECTED["mistakes"]
    as_text = [validate(line, plan) for line in lines]
    assert found(v for result in as_text for v in result.violations) == EXPECTED["mistakes"]
    if all(line.startswith("{") for line in lines):
        parsed = Validator(plan).run(orjson.loads(line) for line in lines)
        assert found(parsed.violations) == EXPECTED["mistakes"]
        assert parsed.formats == {FORMAT[sdk]: len(supported(sdk, [call for call, _ in MISTAKES]))}


def test_a_mixed_file_reads_each_line_in_its_format(tmp_path, protocol_kit):
    lines = [line for sdk in FOLDERS for line in bodies(sdk, "conforming")]
    path = tmp_path / "requests.log"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    outcome = protocol_kit("validate", "--plan", str(PLAN), str(path))
    assert outcome.code == 0, outcome.stdout
    assert "formats read: amplitude (4), mixpanel (4), posthog (5), rudderstack (5), segment (10), snowplow (6)" \
        in outcome.stdout


def test_worker_processes_read_bodies_too(tmp_path, protocol_kit):
    lines = [line for sdk in FOLDERS for line in bodies(sdk, "mistakes")]
    path = tmp_path / "requests.log"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    one = json.loads(protocol_kit("validate", "--plan", str(PLAN), str(path), "--format", "json").stdout)
    two = json.loads(protocol_kit("validate", "--plan", str(PLAN), str(path), "--format", "json", "-j", "2").stdout)
    assert one["violations"] == two["violations"] and one["summary"]["formats"] == two["summary"]["formats"]
    assert found(one["violations"]) == sorted(EXPECTED["mistakes"] * len(FOLDERS))


def test_a_forced_format_names_the_format_a_body_is_in(protocol_kit):
    outcome = protocol_kit("validate", "--plan", str(PLAN), str(CASES / "amplitude" / "conforming.txt"),
                           "--input-format", "posthog")
    assert outcome.code == 1
    assert "EV001 not a PostHog payload: looks like an Amplitude batch, read with --input-format amplitude" \
        in outcome.stdout


@pytest.mark.parametrize("input_format", ["auto", "rudderstack"])
def test_rudderstack_traits_in_context_are_checked_on_the_compiled_path_too(input_format, plan, tmp_path,
                                                                           protocol_kit):
    # RudderStack's Python SDK sends identify traits in context.traits: a wrong one there is found whether
    # the call comes parsed, raw, or as a line of a file (where conforming lines take the compiled path)
    call = {"type": "identify", "userId": "u-1", "channel": "server", "traits": {"email": "ada@example.com"},
            "context": {"traits": {"plan": "gold"}, "library": {"name": "analytics-python", "version": "2.1.9"}}}
    expected = [("EV006", "/traits/plan")]
    checker = Validator(plan, input_format=input_format)
    assert found(checker.check(call).violations) == found(checker.check(orjson.dumps(call)).violations) == expected
    assert found(checker.run([call]).violations) == expected
    path = tmp_path / "calls.jsonl"
    path.write_bytes(orjson.dumps(call) + b"\n")
    outcome = protocol_kit("validate", "--plan", str(PLAN), str(path), "--format", "json", "--input-format",
                           input_format)
    assert found(json.loads(outcome.stdout)["violations"]) == expected
