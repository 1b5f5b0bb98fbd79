"""The results layer: one digest builder (add, merge, cap) and one signature for baselines and SARIF."""
from __future__ import annotations

import json
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from protocol_kit.report import from_violations, render
from protocol_kit.report.baseline import entries
from protocol_kit.results import EXAMPLE_IDS, OTHER, DigestBuilder, digest_path, fingerprint, signature_of
from protocol_kit.violation import Location, Violation

EVENTS = ["Order Completed", "Signed Up", None]
PATHS = ["", "/properties/total", "/properties/products/0/sku", "/properties/products/3/sku", "/traits/email"]


@st.composite
def violations(draw):
    index = draw(st.integers(0, 10_000))
    event = draw(st.sampled_from(EVENTS))
    return Violation.of(draw(st.sampled_from(["EV003", "EV004", "EV012"])), "m", event=event,
                        event_type="track" if event else "identify", path=draw(st.sampled_from(PATHS)),
                        source=Location(index=index), message_id=draw(st.sampled_from([None, "a", "b", "c", "d"])))


def built(items, **options):
    builder = DigestBuilder(**options)
    for v in items:
        builder.add(v)
    return builder


@settings(max_examples=80, deadline=None)
@given(st.lists(violations(), max_size=40), st.integers(0, 40))
def test_merging_partitions_gives_the_digest_of_the_whole(items, cut):
    whole = built(items).rows()
    merged = built(items[:cut])
    merged.merge(built(items[cut:]))
    assert merged.rows() == whole


@settings(max_examples=80, deadline=None)
@given(st.lists(violations(), max_size=40), st.integers(0, 40))
def test_a_part_numbered_from_one_merges_with_its_lines_shifted(items, cut):
    """A later part of a file, its lines numbered from 1 (a worker's slice), merges into the digest of the
    whole file once its lines are shifted by the lines before it."""
    on_lines = [replace(v, source=Location(file="events.jsonl", line=n + 1)) for n, v in enumerate(items)]
    whole = built(on_lines).rows()
    later = [replace(v, source=v.source.shifted(-cut)) for v in on_lines[cut:]]
    merged = built(on_lines[:cut])
    merged.merge(built(later), line_shift=cut)
    assert merged.rows() == whole


@settings(max_examples=40, deadline=None)
@given(st.lists(violations(), max_size=40))
def test_rows_count_every_violation_once(items):
    rows = built(items).rows()
    assert sum(r.count for r in rows) == len(items)
    assert all(len(r.message_ids) <= EXAMPLE_IDS for r in rows)
    assert [(-r.count, r.event or "", r.code, r.path) for r in rows] == sorted(
        (-r.count, r.event or "", r.code, r.path) for r in rows)


def test_array_items_share_a_row_and_the_cap_keeps_memory_bounded():
    items = [Violation.of("EV002", "m", event=f"Made Up {n}", event_type="track") for n in range(30)]
    items += [Violation.of("EV004", "m", event="E", event_type="track", path=p) for p in PATHS[2:4]]
    rows = built(items, max_rows=5).rows()
    assert len(rows) == 7  # five rows, then one "(other)" row per code
    others = {r.code: (r.count, r.path) for r in rows if r.event == OTHER}
    assert others == {"EV002": (25, "*"), "EV004": (2, "*")}
    assert {r.path for r in built(items).rows() if r.code == "EV004"} == {"/properties/products/*/sku"}


def test_one_signature_for_rows_baselines_and_sarif():
    v = Violation.of("EV004", "m", event=None, event_type="identify", path="/traits/list/2")
    data = from_violations("validate", [v, v])
    [row] = data.digest
    assert row.signature == signature_of(v) == ("identify", "type_mismatch", "/traits/list/*", "EV004")
    assert entries(data) == [{"event": "identify", "kind": "type_mismatch", "path": "/traits/list/*",
                              "code": "EV004", "count": 2}]
    sarif = json.loads(render("sarif", data))
    prints = {r["partialFingerprints"]["protocolKitSignature/v1"] for r in sarif["runs"][0]["results"]}
    assert prints == {fingerprint(signature_of(v))}


def test_digest_path():
    assert digest_path("/properties/products/12/items/0") == "/properties/products/*/items/*"
    assert digest_path("/properties/x10") == "/properties/x10"
