"""No raw personal data in any report: personal data planted in every field of an event, every format checked.

The valid and quarantine outputs are the data itself and keep what came in;
every report format (and ``digest`` over the JSON result) must show masks only.
"""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_kit.report import FORMATS

PLAN = Path(__file__).resolve().parents[2] / "plans" / "ecommerce.yaml"
FIELDS = ("event", "type", "messageId", "userId", "property_name", "property_value", "planned_value",
          "nested_key", "trait_name", "context_value")


def luhn_card(body: str) -> str:
    digits = [int(d) for d in "4" + body]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        total += digit if index % 2 else (digit * 2 - 9 if digit > 4 else digit * 2)
    return "4" + body + str((10 - total % 10) % 10)


emails = st.builds(lambda local, host: f"{local}@{host}.example.com",
                   st.from_regex(r"[a-z]{3,10}\.[a-z]{3,10}", fullmatch=True),
                   st.from_regex(r"[a-z]{4,10}", fullmatch=True))
cards = st.builds(luhn_card, st.from_regex(r"[0-9]{14}", fullmatch=True))


def event_with(secret: str, fields: set[str]) -> dict:
    event = {"type": "track", "event": "Products Searched", "messageId": "m-1", "userId": "u-1",
             "context": {"locale": "en-GB"}, "properties": {"query": "socks"}}
    if "event" in fields:
        event["event"] = secret
    if "messageId" in fields:
        event["messageId"] = secret
    if "userId" in fields:
        event["userId"] = secret
    if "property_name" in fields:
        event["properties"][secret] = 1
    if "property_value" in fields:
        event["properties"]["note"] = secret
    if "planned_value" in fields:
        event["properties"]["results_count"] = secret
    if "nested_key" in fields:
        event["properties"]["filters"] = {secret: True}
    if "trait_name" in fields:
        event["context"]["traits"] = {secret: "x"}
    if "context_value" in fields:
        event["context"]["campaign"] = {"name": secret}
    if "type" in fields:
        event["type"] = secret
    return event


def texts(folder: Path) -> dict[str, str]:
    found = {}
    for path in folder.iterdir():
        data = path.read_bytes()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                found[path.name] = " ".join(archive.read(n).decode("utf-8") for n in archive.namelist())
        else:
            found[path.name] = data.decode("utf-8")
    return found


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(secret=st.one_of(emails, cards), fields=st.sets(st.sampled_from(FIELDS), min_size=1))
def test_planted_personal_data_never_leaves_raw(tmp_path_factory, run, secret, fields):
    folder = tmp_path_factory.mktemp("pii")
    reports = folder / "reports"
    reports.mkdir()
    events = [event_with(secret, fields), event_with(secret, fields - {"type"})]
    (folder / "e.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    options = [f"--report={name}={reports / ('report.' + name)}" for name in FORMATS]
    result = run(folder, "validate", "--plan", str(PLAN), "e.jsonl", "--format", "json", *options,
                 "--violations-out", str(reports / "violations.jsonl"))
    assert result.code in (0, 1), result.err
    (folder / "result.json").write_text(result.out, encoding="utf-8")
    digest = run(folder, "digest", "result.json", "--window", "100000d", "--format", "text",
                 f"--report=json={reports / 'digest.json'}")
    outputs = {"stdout": result.out, "stderr": result.err, "digest": digest.out, **texts(reports)}
    leaks = sorted(name for name, text in outputs.items() if secret in text)
    assert not leaks, f"{secret!r} planted in {sorted(fields)} is shown raw in {leaks}"
