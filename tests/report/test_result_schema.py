"""Every command's --format json output conforms to the published schema of a run."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from protocol_kit import Validator, load_plan
from protocol_kit.events import read_chunks
from protocol_kit.report.load import load_result
from protocol_kit.report.validation import from_validation
from tests.report.sample import report

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "protocol_kit" / "report" / "result.schema.json").read_text("utf-8"))
PLAN = str(ROOT / "plans" / "ecommerce.yaml")
EVENTS = str(ROOT / "examples" / "events" / "ecommerce.jsonl")


def conforms(document) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.mark.parametrize("args", [
    ["lint", PLAN, str(ROOT / "plans" / "saas.yaml")],
    ["validate", "--plan", PLAN, EVENTS],
    ["validate", "--plan", PLAN, EVENTS, "--mode", "quarantine", "--quarantine-out", "q.jsonl", "--max-violations", "2"],
    ["scan", "--plan", PLAN, str(ROOT / "examples" / "src")],
], ids=["lint", "validate", "validate-quarantine", "scan"])
def test_command_output(protocol_kit, tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    outcome = protocol_kit(*args, "--format", "json")
    assert outcome.code in (0, 1), outcome.stderr
    conforms(json.loads(outcome.stdout))


def test_digest_output_with_its_comparison(protocol_kit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "run.json"
    saved.write_text(protocol_kit("validate", "--plan", PLAN, EVENTS, "--format", "json").stdout)
    outcome = protocol_kit("digest", str(saved), "--format", "json")
    document = json.loads(outcome.stdout)
    conforms(document)
    assert "baseline" in document["summary"] and all("status" in row for row in document["digest"])


def test_baseline_comparison_output(protocol_kit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    protocol_kit("validate", "--plan", PLAN, EVENTS, "--write-baseline", "base.json", "--format", "json")
    outcome = protocol_kit("validate", "--plan", PLAN, EVENTS, "--baseline", "base.json", "--format", "json")
    conforms(json.loads(outcome.stdout))


def test_the_report_sample_and_what_digest_reads_back(tmp_path):
    document = report().to_dict()
    conforms(document)
    saved = tmp_path / "sample.json"
    saved.write_text(json.dumps(document))
    conforms(load_result(saved).to_dict())


def test_the_schema_refuses_what_is_not_a_run():
    document = report().to_dict()
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert validator.is_valid(document)
    broken = [{k: v for k, v in document.items() if k != "digest"},
              {**document, "violations": [{**document["violations"][0], "severity": "fatal"}]},
              {**document, "summary": {**document["summary"], "files": "many"}}]
    assert not any(validator.is_valid(b) for b in broken)


@pytest.mark.parametrize("max_violations", [1000, 2])
def test_the_library_and_the_cli_print_one_document_of_a_validation_run(protocol_kit, tmp_path, monkeypatch,
                                                                        max_violations):
    """``ValidationReport.to_dict()`` is what ``validate --format json`` prints, with one name per count."""
    monkeypatch.chdir(tmp_path)
    printed = json.loads(protocol_kit("validate", "--plan", PLAN, EVENTS, "--format", "json",
                                      "--max-violations", str(max_violations)).stdout)
    plan = load_plan(PLAN)
    report = Validator(plan, max_violations=max_violations).run(read_chunks([EVENTS]))
    document = report.to_dict(inputs=(EVENTS,), plan_version=plan.version)
    conforms(document)
    assert document == printed == from_validation(report, inputs=(EVENTS,), plan_version=plan.version).to_dict()
    assert document["summary"]["violations_omitted"] == report.violations_omitted == max(6 - max_violations, 0)
    assert "violations_not_kept" not in json.dumps(document)


def test_a_result_saved_under_the_earlier_name_of_the_count_is_read(tmp_path):
    document = report().to_dict()
    summary = {k: v for k, v in document["summary"].items() if k != "violations_omitted"}
    saved = tmp_path / "earlier.json"
    saved.write_text(json.dumps({**document, "summary": {**summary, "violations_not_kept": 4}}))
    loaded = load_result(saved)
    assert loaded.violations_omitted == 4 and "violations_not_kept" not in loaded.summary.totals
