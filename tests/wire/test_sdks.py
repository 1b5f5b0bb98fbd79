"""The real client libraries send to a loopback recorder; what they send validates as it should.

For every SDK: the conforming calls give no violation, through the CLI and the
API; each planted mistake gives its code and path. The bodies of a run are
the golden inputs of tests/cases/wire/<sdk>/ (UPDATE_CASES=1 rewrites them
from a live run), which test_bodies.py reads without the network.
"""
from __future__ import annotations

import json
import os

import pytest

from protocol_kit import Validator, load_plan
from tests.wire.conftest import CASES, PLAN
from tests.wire.senders import CONFORMING, MISTAKES, SENDERS, supported

MODULES = {"segment-python": "segment.analytics", "rudderstack-python": "rudderstack.analytics",
           "posthog": "posthog", "mixpanel": "mixpanel", "amplitude": "amplitude",
           "snowplow-post": "snowplow_tracker", "snowplow-get": "snowplow_tracker"}
SCENARIOS = {"conforming": (CONFORMING, []), "mistakes": ([call for call, _ in MISTAKES], [f for _, f in MISTAKES])}


def found(violations) -> list[tuple[str, str]]:
    return sorted((v["code"], v["path"]) if isinstance(v, dict) else (v.code, v.path) for v in violations)


def capture(sdk: str, calls: list[tuple], recorder, request) -> list[str]:
    if sdk == "segment-node":
        request.getfixturevalue("node_sdk")
    else:
        pytest.importorskip(MODULES[sdk], reason=f"{sdk} not installed: pip install -e '.[dev]'")
    SENDERS[sdk](recorder.host, calls)
    return recorder.lines()


@pytest.mark.parametrize("scenario", SCENARIOS)
@pytest.mark.parametrize("sdk", SENDERS)
def test_sdk_bodies_validate(sdk, scenario, recorder, request, tmp_path, protocol_kit):
    calls, expected = SCENARIOS[scenario]
    calls = supported(sdk, calls)
    lines = capture(sdk, calls, recorder, request)
    assert lines, f"{sdk} sent nothing"
    bodies = tmp_path / "bodies.txt"
    bodies.write_text("\n".join(lines) + "\n", "utf-8")

    outcome = protocol_kit("validate", "--plan", str(PLAN), str(bodies), "--format", "json")
    report = json.loads(outcome.stdout)
    assert found(report["violations"]) == sorted(expected), outcome.stdout
    assert outcome.code == (1 if expected else 0)
    assert report["summary"]["events"] == len(calls)

    api = Validator(load_plan(PLAN)).run(line.encode("utf-8") for line in lines)
    assert found(api.violations) == sorted(expected)
    assert api.summary.events == len(calls)
    assert set(api.formats) == {sdk.split("-")[0]}
    if os.environ.get("UPDATE_CASES"):
        (CASES / sdk).mkdir(exist_ok=True)
        (CASES / sdk / f"{scenario}.txt").write_text(bodies.read_text("utf-8"), "utf-8")
