"""protocol_kit.spark in local mode: the same violations as the CLI, row for row; nothing lost by split."""
from __future__ import annotations

import pytest

from tests.frames.conftest import COMPARED, EXAMPLE_PLAN, EXAMPLES, cli_violations, numbered_lines, order

pk = pytest.importorskip("protocol_kit.spark")


def lines_frame(spark, events, partitions=3):
    return spark.createDataFrame(numbered_lines(events), "line long, payload string").repartition(partitions)


def frame_violations(frame) -> list[tuple]:
    return sorted(((r["row_id"], *(r[name] for name in COMPARED)) for r in frame.collect()), key=order)


@pytest.mark.parametrize("which", ["examples", "generated"])
def test_violations_are_the_clis_row_for_row(spark, generated, which):
    plan, events = (EXAMPLE_PLAN, EXAMPLES) if which == "examples" else generated
    found = frame_violations(pk.violations(lines_frame(spark, events), plan, row_id="line"))
    assert found == cli_violations(plan, events)
    assert len(found) > 0


def test_verdicts_match_the_violations(spark, generated):
    plan, events = generated
    checked = pk.with_verdict(lines_frame(spark, events), plan).collect()
    expected = cli_violations(plan, events)
    codes: dict[int, list[str]] = {}
    for row in expected:
        codes.setdefault(row[0], []).append(row[1])
    assert len(checked) == len(numbered_lines(events))
    for row in checked:
        assert sorted(row["pk_codes"]) == sorted(codes.get(row["line"], []))
        assert row["pk_valid"] is (row["line"] not in {r[0] for r in expected if r[3] == "error"})
    assert {"Product Viewed", "identify"} <= {row["pk_event"] for row in checked}


def test_split_keeps_every_row_once_with_its_violations(spark, generated):
    plan, events = generated
    frame = lines_frame(spark, events).cache()
    conforming, nonconforming = pk.split(frame, plan)
    assert conforming.columns == ["line", "payload"]
    good = {r["line"] for r in conforming.collect()}
    bad = nonconforming.collect()
    assert good.isdisjoint(r["line"] for r in bad)
    assert len(good) + len(bad) == frame.count()
    kept = sorted(((r["line"], *(v[name] for name in COMPARED)) for r in bad for v in r["pk_violations"]), key=order)
    assert kept == [row for row in cli_violations(plan, events) if row[0] in {r["line"] for r in bad}]


def test_struct_columns_are_checked_as_the_events_they_hold(spark):
    """Events read into structs (one schema for all): the same violations as the JSON Spark writes of them."""
    import json

    from pyspark.sql import functions as F

    lines = [(n, line) for n, line in numbered_lines(EXAMPLES) if _parses(line)]
    as_text = spark.createDataFrame(lines, "line long, payload string")
    schema = spark.read.json(spark.sparkContext.parallelize([line for _, line in lines])).schema
    as_struct = as_text.select("line", F.from_json("payload", schema).alias("payload"))
    written = as_struct.select("line", F.to_json("payload").alias("payload"))
    by_struct = frame_violations(pk.violations(as_struct, EXAMPLE_PLAN, row_id="line"))
    assert by_struct == frame_violations(pk.violations(written, EXAMPLE_PLAN, row_id="line"))
    assert {"EV003", "EV005"} <= {row[1] for row in by_struct}
    assert json.loads(written.filter("line = 1").first()["payload"])["type"] == "identify"


def test_the_digest_is_the_clis(spark, generated, tmp_path):
    import json
    import subprocess
    import sys

    plan, events = generated
    rows = pk.digest(lines_frame(spark, events), plan).collect()
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(plan), str(events),
                           "--format", "json", "--fail-on", "never"], capture_output=True, text=True, check=True)
    expected = json.loads(done.stdout)["digest"]
    key = ("event", "kind", "code", "path", "count", "severity")
    assert sorted(tuple(r[k] for k in key) for r in rows) == sorted(tuple(r[k] for k in key) for r in expected)
    assert [r["count"] for r in rows] == sorted((r["count"] for r in rows), reverse=True)


def test_a_missing_column_is_named(spark):
    frame = spark.createDataFrame([("{}",)], "body string")
    with pytest.raises(ValueError, match="no column 'payload' holding events: the frame has body"):
        pk.violations(frame, EXAMPLE_PLAN)


def _parses(line: str) -> bool:
    import json

    try:
        json.loads(line)
    except ValueError:
        return False
    return True
