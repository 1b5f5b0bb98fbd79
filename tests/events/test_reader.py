"""Reading events: chunks and slices of JSON Lines give the same lines with the same numbers."""
import gzip
import io

from hypothesis import given, settings, strategies as st

from protocol_kit.events import FileSlice, LineChunk, read_chunks
from protocol_kit.events.reader import file_slices

LINES = st.lists(st.binary(max_size=40).map(lambda b: b.replace(b"\n", b"")).map(lambda b: b + b"\n"), max_size=30)


def numbered(items) -> list[tuple[int, bytes]]:
    out = []
    for item in items:
        chunk = item.read() if isinstance(item, FileSlice) else item
        assert isinstance(chunk, LineChunk)
        out.extend(enumerate(chunk.lines, chunk.first_line))
    return out


@settings(max_examples=80, deadline=None)
@given(lines=LINES, last=st.binary(max_size=5).map(lambda b: b.replace(b"\n", b"")), size=st.integers(1, 64))
def test_slices_and_chunks_agree(tmp_path_factory, lines, last, size):
    path = tmp_path_factory.mktemp("lines") / "events.jsonl"
    data = b"".join(lines) + last
    path.write_bytes(data)
    expected = list(enumerate(io.BytesIO(data).readlines(), 1))  # split on "\n" only, as files are read
    assert numbered(read_chunks([path], chunk_lines=3)) == expected
    assert numbered(file_slices(path, size)) == expected


def test_slices_only_for_plain_json_lines(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"{}\n")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    kinds = [type(item).__name__ for item in read_chunks([tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"], slices=True)]
    assert kinds == ["FileSlice", "LineChunk"]
