"""Broken, binary, minified, huge and non-UTF-8 files are reported, never a crash."""
from __future__ import annotations

from protocol_kit.scan import ScanConfig, scan_paths, scan_source


def codes_of(result):
    return [(v.code, v.source.line) for v in result.violations]


def test_syntax_error_keeps_the_readable_calls(plan):
    source = 'analytics.track("Sign Up", { plan: "pro" });\nif (( {\nanalytics.track("Signed Up", {plan: 1});\n'
    result = scan_source(source, path="broken.js", plan=plan)
    assert ("EV002", 1) in codes_of(result)
    assert "SC004" in [code for code, _ in codes_of(result)]


def test_every_language_survives_garbage(plan):
    garbage = 'analytics.track("Sign Up")\n}}} ((( <<< ::: """ \'\'\' end end\n\x00\x01'
    for extension in ("js", "ts", "tsx", "py", "swift", "kt", "java", "rb"):
        result = scan_source(garbage, path=f"garbage.{extension}", plan=plan)
        assert "SC004" in [v.code for v in result.violations], extension


def test_binary_file_is_skipped(tmp_path, plan):
    (tmp_path / "blob.js").write_bytes(b'analytics.track("Sign Up")\x00\x00\xff')
    result = scan_paths([tmp_path], plan=plan)
    assert [(v.code, v.message) for v in result.violations] == [
        ("SC005", "skipped: binary file (contains NUL bytes)")]
    assert result.calls == ()


def test_minified_file_is_skipped(tmp_path, plan):
    line = ";".join(f'analytics.track("Sign Up {i}")' for i in range(200))
    (tmp_path / "bundle.min.js").write_text(line)
    result = scan_paths([tmp_path], plan=plan)
    assert [v.code for v in result.violations] == ["SC005"]
    assert "minified" in result.violations[0].message


def test_huge_file_is_skipped(tmp_path, plan):
    (tmp_path / "huge.py").write_text('analytics.track(u, "Sign Up")\n' * 10)
    result = scan_paths([tmp_path], plan=plan, config=ScanConfig(max_file_bytes=100))
    assert [v.code for v in result.violations] == ["SC005"]
    assert "larger than" in result.violations[0].message


def test_default_size_limit_is_two_megabytes(tmp_path, plan):
    (tmp_path / "big.js").write_text("// padding\n" * 200_000 + 'analytics.track("Sign Up");\n')
    result = scan_paths([tmp_path], plan=plan)
    assert [v.code for v in result.violations] == ["SC005"]


def test_non_utf8_file_is_decoded_with_replacement(tmp_path, plan):
    (tmp_path / "latin1.rb").write_bytes('# caf\xe9\nanalytics.track(user_id: 1, event: "Sign Up")\n'.encode("latin-1"))
    result = scan_paths([tmp_path], plan=plan)
    assert codes_of(result) == [("SC007", 1), ("EV002", 2)]


def test_files_without_receivers_are_not_parsed(tmp_path, plan):
    (tmp_path / "util.js").write_text("export const add = (a, b) => a + b;\n")
    (tmp_path / "app.js").write_text('analytics.track("Signed Up", { plan: "pro" });\n')
    result = scan_paths([tmp_path], plan=plan)
    assert (result.files, result.parsed, result.violations) == (2, 1, ())


def test_dependency_and_build_folders_are_not_walked(tmp_path, plan):
    for folder in ("node_modules/pkg", "vendor", "build", ".git", "src"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.js").write_text('analytics.track("Sign Up");\n')
    result = scan_paths([tmp_path], plan=plan)
    assert {v.source.file for v in result.violations} == {str(tmp_path / "src" / "a.js")}


def test_excluded_paths_are_not_scanned(tmp_path, plan):
    for name in ("src/legacy/old.js", "src/api.generated.ts", "src/app.js"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text('analytics.track("Sign Up");\n')
    config = ScanConfig(exclude=("*/legacy/*", "*.generated.ts"))
    result = scan_paths([tmp_path / "src"], plan=plan, config=config)
    assert {v.source.file for v in result.violations} == {str(tmp_path / "src" / "app.js")}


def test_one_long_line_does_not_make_a_source_file_minified(tmp_path, plan):
    icon = "const ICON = '" + "M0 0L10 10" * 150 + "';\n"  # an inline SVG path of 1,500 characters
    (tmp_path / "app.js").write_text(icon + 'analytics.track("Sign Up");\n' * 100)
    result = scan_paths([tmp_path], plan=plan)
    assert [v.code for v in result.violations if v.code == "SC005"] == []
    assert len(result.calls) == 100


def test_a_real_syntax_error_is_still_sc004_and_a_grammar_gap_is_sc009(tmp_path, plan):
    link = 'const A = () => <a href="/x?a=1&b=2" onClick={() => analytics.track("Signed Up")}>x</a>;\n'
    (tmp_path / "broken.tsx").write_text(link + "function (\n")
    (tmp_path / "valid.tsx").write_text(link)
    result = scan_paths([tmp_path], plan=plan)
    found = [(v.source.file.rsplit("/", 1)[-1], v.code, v.severity) for v in result.violations if v.code != "EV003"]
    assert found == [("broken.tsx", "SC004", "warning"), ("valid.tsx", "SC009", "info")]
    assert "tree-sitter-typescript grammar cannot read an '&' in a JSX attribute string" in next(v.message for v in result.violations if v.code == "SC009")
    assert len(result.calls) == 2
