"""The project's name index: built once, kept in .protocol-kit-cache/ and reused by file hash."""
from __future__ import annotations

import json
import os

from protocol_kit.scan.index import CACHE_DIR, NameIndex, declared_names


def test_declared_names_per_language():
    swift = b'enum AnalyticsEvent: String {\n  case signedUp = "Signed Up", orderCompleted\n}\nstruct S { static let x = 1 }\n'
    assert declared_names("swift", swift) == ["AnalyticsEvent", "S", "orderCompleted", "signedUp", "x"]
    kotlin = b'enum class EventName(val eventName: String)\nobject Names { const val A = "a" }\nval TOP = 1\n'
    assert declared_names("jvm", kotlin) == ["A", "EventName", "Names", "TOP"]
    java = b'public interface Analytics { interface Events {} }\nclass C { static final String NAME = "n"; }\n'
    assert declared_names("jvm", java) == ["Analytics", "C", "Events", "NAME"]
    ruby = b'module Shop::Analytics\n  SIGNED_UP = "Signed Up"\nend\n'
    assert declared_names("ruby", ruby) == ["Analytics", "SIGNED_UP", "Shop"]


def _project(tmp_path):
    (tmp_path / "node_modules" / "x").mkdir(parents=True)
    (tmp_path / "node_modules" / "x" / "Skipped.kt").write_text("object Skipped\n")
    (tmp_path / "Events.kt").write_text("object Events\n")
    (tmp_path / "Other.swift").write_text("enum Other: String { case a }\n")
    return tmp_path


def _look_up_both(index: NameIndex) -> NameIndex:
    index.files_declaring("jvm", "Events")
    index.files_declaring("swift", "a")
    return index


def test_the_index_is_cached_and_reused(tmp_path):
    root = _project(tmp_path)
    first = NameIndex(root)
    assert first.files_declaring("jvm", "Events") == [root / "Events.kt"]
    assert (first.read, first.reused) == (1, 0)  # a family is indexed when one of its names is needed
    assert first.files_declaring("jvm", "Skipped") == []
    assert first.files_declaring("swift", "a") == [root / "Other.swift"]
    assert (first.read, first.reused) == (2, 0)
    cache = json.loads(first.cache_file("jvm").read_text())
    assert sorted(cache["files"]) == ["Events.kt"]
    assert first.cache_file("jvm").parent == root / CACHE_DIR
    assert (root / CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    second = _look_up_both(NameIndex(root))
    assert (second.read, second.reused) == (0, 2)
    assert second.files_declaring("jvm", "Events") == [root / "Events.kt"]


def test_a_changed_file_is_read_again_and_an_untouched_one_is_known_by_its_hash(tmp_path):
    root = _project(tmp_path)
    _look_up_both(NameIndex(root))
    (root / "Events.kt").write_text("object Renamed\n")
    other = root / "Other.swift"
    stat = other.stat()
    os.utime(other, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))  # touched, same content
    index = _look_up_both(NameIndex(root))
    assert (index.read, index.reused) == (1, 1)
    assert index.files_declaring("jvm", "Renamed") == [root / "Events.kt"]
    assert index.files_declaring("jvm", "Events") == []


def test_a_broken_or_unwritable_cache_only_costs_time(tmp_path):
    root = _project(tmp_path)
    (root / CACHE_DIR).mkdir()
    broken = NameIndex(root).cache_file("jvm")
    broken.write_text("{not json")
    assert _look_up_both(NameIndex(root)).read == 2
    assert _look_up_both(NameIndex(root, cache=False)).read == 2
    broken.unlink()
    os.chmod(root / CACHE_DIR, 0o500)
    try:
        assert NameIndex(root).files_declaring("jvm", "Events") == [root / "Events.kt"]
    finally:
        os.chmod(root / CACHE_DIR, 0o700)
