"""The streaming recipes of docs/spark-dask.md, run: Structured Streaming into two sinks, and stdin without Spark."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.frames.conftest import EXAMPLE_PLAN, EXAMPLES, ROOT, cli_violations


def test_structured_streaming_splits_each_batch_into_two_sinks(spark, tmp_path):
    pk = pytest.importorskip("protocol_kit.spark")
    incoming, good_sink, bad_sink = tmp_path / "in", tmp_path / "good", tmp_path / "bad"
    incoming.mkdir()
    lines = EXAMPLES.read_text("utf-8").splitlines()
    (incoming / "a.jsonl").write_text("\n".join(lines[:30]) + "\n", "utf-8")
    (incoming / "b.jsonl").write_text("\n".join(lines[30:]) + "\n", "utf-8")

    # the recipe
    def write_batch(batch, batch_id):
        good, bad = pk.split(batch.withColumnRenamed("value", "payload"), EXAMPLE_PLAN)
        good.write.mode("append").json(str(good_sink))
        bad.write.mode("append").json(str(bad_sink))

    stream = spark.readStream.format("text").option("maxFilesPerTrigger", 1).load(str(incoming))
    query = (stream.writeStream.foreachBatch(write_batch).trigger(availableNow=True)
             .option("checkpointLocation", str(tmp_path / "checkpoint")).start())
    query.awaitTermination()

    good, bad = spark.read.json(str(good_sink)).collect(), spark.read.json(str(bad_sink)).collect()
    assert len(good) + len(bad) == len(lines)
    invalid = {row[0] for row in cli_violations(EXAMPLE_PLAN, EXAMPLES) if row[3] == "error"}  # (line, code, kind, severity...)
    assert sorted(row["payload"] for row in bad) == sorted(lines[n - 1] for n in invalid)
    assert all(row["pk_violations"] for row in bad)


def test_a_stream_of_lines_on_stdin_is_validated_without_spark(tmp_path):
    """Kafka without Spark: ``kafka-console-consumer ... | protocol-kit validate - --mode quarantine ...``."""
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    lines = EXAMPLES.read_bytes()
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "-", "--plan", str(EXAMPLE_PLAN),
                           "--mode", "quarantine", "--valid-out", str(good), "--quarantine-out", str(bad),
                           "--format", "jsonl"], input=lines, capture_output=True, cwd=ROOT)
    assert done.returncode == 1  # violations found
    assert len(good.read_bytes().splitlines()) + len(bad.read_bytes().splitlines()) == len(lines.splitlines())
    reported = [line for line in done.stdout.splitlines() if line]
    assert len(reported) == len(cli_violations(EXAMPLE_PLAN, EXAMPLES))
