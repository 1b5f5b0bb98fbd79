"""The hostile-input case folders (tests/cases/hostile/*/case.json), run through the CLI.

A case holds its inputs and a ``case.json``: the arguments (``{plan}`` is the
example plan, ``{out}`` a fresh folder for outputs), the exit code and what
the output must show. Adding a case needs no code.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

CASES = Path(__file__).resolve().parent.parent / "cases" / "hostile"
PLAN = Path(__file__).resolve().parents[2] / "plans" / "ecommerce.yaml"


def _cases() -> list[Path]:
    return sorted(p.parent for p in CASES.glob("*/case.json"))


@pytest.mark.parametrize("folder", _cases(), ids=lambda p: p.name)
def test_hostile_case(folder: Path, tmp_path: Path, run) -> None:
    case = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    work, out = tmp_path / "case", tmp_path / "out"
    shutil.copytree(folder, work, symlinks=True)
    out.mkdir()
    before = {name: (work / name).read_bytes() for name in case.get("unchanged", ())}
    args = [a.replace("{plan}", str(PLAN)).replace("{out}", str(out)) for a in case["args"]]
    result = run(work, *args)
    assert result.code == case["exit"], result.err
    assert "Traceback" not in result.err
    for text in case.get("stderr", ()):
        assert text in result.err
    if "outcomes" in case or "messages" in case or "codes" in case:
        report = json.loads(result.out)
        outcomes = report["summary"]["outcomes"]
        assert {k: outcomes[k] for k in case.get("outcomes", {})} == case.get("outcomes", {})
        messages = {v["message"] for v in report["violations"]}
        assert set(case.get("messages", ())) <= messages
        assert set(case.get("codes", ())) == {v["code"] for v in report["violations"]} if "codes" in case else True
    for name, expected in case.get("files", {}).items():
        _check_file(out / name, expected, work)
    for name, content in before.items():
        assert (work / name).read_bytes() == content, f"{name} was changed"


def _check_file(path: Path, expected: dict, work: Path) -> None:
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)
    inputs = (work / "events.jsonl").read_bytes().splitlines(keepends=True) if (work / "events.jsonl").exists() else []
    if "lines" in expected:
        assert len(lines) == expected["lines"]
    if "input_lines" in expected:
        assert lines == [inputs[n - 1] for n in expected["input_lines"]]
    for number in expected.get("raw_of_lines", ()):
        originals = [json.loads(line).get("raw") for line in lines]
        assert inputs[number - 1].decode("utf-8").rstrip("\n") in originals
    for text in expected.get("contains", ()):
        assert text.encode("utf-8") in data, text
