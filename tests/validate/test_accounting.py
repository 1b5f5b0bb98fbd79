"""Nothing is lost: every record read ends in exactly one output, in input order."""
import io

import orjson
from hypothesis import given, settings, strategies as st

from protocol_kit.events import read_chunks
from protocol_kit.validation import Validator
from tests.validate.test_cli import BAD, GOOD, GOOD2, MALFORMED, UNPLANNED_ONLY

DEPRECATED = b'{"event":"Order Cancelled","properties":{"order_id":"o-1"}}\n'
NOT_UTF8 = b'{"event":"Products Searched","properties":{"query":"caf\xe9"}}\n'
KINDS = [GOOD, GOOD2, BAD, UNPLANNED_ONLY, MALFORMED, DEPRECATED, NOT_UTF8, b"[]\n", b"\n"]


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(st.sampled_from(KINDS), max_size=40), mode=st.sampled_from(["block", "quarantine"]),
       omit=st.booleans(), jobs=st.sampled_from([1, 1, 2]))
def test_every_record_ends_in_exactly_one_output(example_plan, tmp_path_factory, lines, mode, omit, jobs):
    path = tmp_path_factory.mktemp("events") / "mixed.jsonl"
    path.write_bytes(b"".join(lines))
    valid, quarantine = io.BytesIO(), io.BytesIO()
    validator = Validator(example_plan, mode=mode, omit_unplanned=omit, jobs=jobs)
    report = validator.run(read_chunks([path], chunk_lines=7, slices=jobs > 1), valid_out=valid,
                           quarantine_out=quarantine if mode == "quarantine" else None)
    records = [line for line in lines if line.strip()]
    outcomes = report.outcomes
    assert outcomes.read == len(records) == report.summary.events
    assert outcomes.read == outcomes.passed + outcomes.dropped + outcomes.quarantined
    assert outcomes.balanced and outcomes.reported == 0
    passed = valid.getvalue().splitlines(keepends=True)
    quarantined = [orjson.loads(line) for line in quarantine.getvalue().splitlines()]
    assert len(passed) == outcomes.passed
    assert len(quarantined) == outcomes.quarantined
    assert (outcomes.dropped if mode == "block" else outcomes.quarantined) == report.summary.invalid - outcomes.omitted
    # conforming lines pass byte for byte, in input order
    conforming = [line for line in records if line in (GOOD, GOOD2, DEPRECATED)]
    assert [line for line in passed if line in (GOOD, GOOD2, DEPRECATED)] == conforming
    # quarantine records point back at their lines, in order
    numbers = [r["source"]["line"] for r in quarantined]
    assert numbers == sorted(numbers)
