from protocol_kit.cli.exit import exit_code_for
from protocol_kit.violation import Violation


def _finding(severity):
    return Violation.of("PL301", "no description", severity=severity)


def test_clean_is_zero():
    assert exit_code_for([]) == 0


def test_findings_below_the_threshold_pass():
    assert exit_code_for([_finding("warning")], "error") == 0
    assert exit_code_for([_finding("warning")], "warning") == 1


def test_never_always_passes():
    assert exit_code_for([_finding("error")], "never") == 0


def test_no_plan_anywhere_is_a_usage_error(protocol_kit, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = protocol_kit("compile")
    assert out.code == 2
    assert "no plan given" in out.stderr


def test_missing_plan_file_names_it(protocol_kit, tmp_path):
    out = protocol_kit("lint", str(tmp_path / "nope.yaml"))
    assert out.code == 2
    assert "nope.yaml: no such file" in out.stderr
