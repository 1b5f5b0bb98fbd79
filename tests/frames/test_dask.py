"""protocol_kit.dask on the local scheduler: the same violations as the CLI, row for row; nothing lost by split."""
from __future__ import annotations

import json

import pytest

from tests.frames.conftest import COMPARED, EXAMPLE_PLAN, EXAMPLES, cli_violations, numbered_lines, order, text

dd = pytest.importorskip("dask.dataframe", reason="dask not installed: pip install 'protocol-kit[dask]'")
pk = pytest.importorskip("protocol_kit.dask")


def lines_frame(events, partitions=3, *, parsed=False):
    import pandas as pd

    numbered = numbered_lines(events)
    cells = [_parsed(line) if parsed else line for _, line in numbered]
    frame = pd.DataFrame({"payload": pd.Series(cells, index=[n for n, _ in numbered], dtype=object)})
    return dd.from_pandas(frame, npartitions=partitions)


def frame_violations(frame) -> list[tuple]:
    found = frame.compute(scheduler="processes", num_workers=2)
    return sorted(((r[0], *(text(getattr(r, name)) for name in COMPARED)) for r in
                   found.set_index("row_id").itertuples()), key=order)


@pytest.mark.parametrize("which", ["examples", "generated"])
def test_violations_are_the_clis_row_for_row(generated, which):
    plan, events = (EXAMPLE_PLAN, EXAMPLES) if which == "examples" else generated
    found = frame_violations(pk.violations(lines_frame(events), plan))
    assert found == cli_violations(plan, events) and found


def test_dict_cells_give_the_violations_of_their_json(generated):
    """Dicts stay dicts only without Dask's string conversion (which would turn them into their repr)."""
    import dask

    plan, events = generated
    with dask.config.set({"dataframe.convert-string": False}):
        parsed = frame_violations(pk.violations(lines_frame(events, parsed=True), plan))
    assert parsed == cli_violations(plan, events)


def test_split_keeps_every_row_once_with_its_violations(generated):
    plan, events = generated
    conforming, nonconforming = pk.split(lines_frame(events), plan)
    good, bad = conforming.compute(), nonconforming.compute()
    assert list(good.columns) == ["payload"]
    assert set(good.index).isdisjoint(bad.index) and len(good) + len(bad) == len(numbered_lines(events))
    kept = sorted(((label, *(text(v[name]) for name in COMPARED)) for label, found in bad["pk_violations"].items()
                   for v in found), key=order)
    assert kept == [row for row in cli_violations(plan, events) if row[0] in set(bad.index)]
    verdicts = pk.with_verdict(lines_frame(events), plan).compute()
    assert verdicts["pk_valid"].sum() == len(good)


def test_the_digest_is_the_clis(generated):
    import subprocess
    import sys

    plan, events = generated
    rows = pk.digest(lines_frame(events), plan).to_dict("records")
    done = subprocess.run([sys.executable, "-m", "protocol_kit", "validate", "--plan", str(plan), str(events),
                           "--format", "json", "--fail-on", "never"], capture_output=True, text=True, check=True)
    key = ("event", "kind", "code", "path", "count", "severity")
    assert sorted(tuple(r[k] for k in key) for r in rows) == \
        sorted(tuple(r[k] for k in key) for r in json.loads(done.stdout)["digest"])


def test_a_missing_column_is_named():
    import pandas as pd

    with pytest.raises(ValueError, match="no column 'payload' holding events: the frame has body"):
        pk.violations(dd.from_pandas(pd.DataFrame({"body": ["{}"]}), npartitions=1), EXAMPLE_PLAN)


def _parsed(line):
    try:
        return json.loads(line)
    except ValueError:
        return line  # kept as text: reported as malformed, as the CLI reports it
