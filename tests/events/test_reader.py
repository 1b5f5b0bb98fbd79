"""Reading events: chunks and slices of JSON Lines give the same lines with the same numbers."""
import gzip
import io

from hypothesis import assume, given, settings, strategies as st

from protocol_kit.events import FileSlice, LineChunk, read_chunks

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
    assume(not data.startswith(b"\x1f\x8b"))  # read as gzip, whatever the name says
    path.write_bytes(data)
    expected = list(enumerate(io.BytesIO(data).readlines(), 1))  # split on "\n" only, as files are read
    assert numbered(read_chunks([path], chunk_lines=3)) == expected
    (whole,) = read_chunks([path], slices=True)
    assert numbered([whole]) == expected
    assert numbered(whole.chunks(chunk_lines=max(size // 8, 1))) == expected


# lines as producers write them: CRLF ends, blank lines, multi-byte UTF-8 (a cut can fall inside a character)
RAW_LINES = st.lists(st.tuples(st.text(alphabet='{}":a1 é€😀\r', max_size=12), st.sampled_from(["\n", "\r\n"]))
                     .map(lambda pair: (pair[0] + pair[1]).encode("utf-8")), max_size=25)


@settings(max_examples=200, deadline=None)
@given(lines=RAW_LINES, last=st.sampled_from([b"", b"{}", b"\xc3", "é".encode()]), cuts=st.lists(st.integers(0, 400)))
def test_split_slices_hold_every_line_once_with_its_number(tmp_path_factory, lines, last, cuts):
    """Wherever slices are cut, they hold every line exactly once, and the lines read from the slices
    before a slice give its first line number."""
    path = tmp_path_factory.mktemp("cuts") / "events.jsonl"
    data = b"".join(lines) + last
    path.write_bytes(data)
    bounds = sorted({0, len(data), *(c for c in cuts if c < len(data))})
    pieces = [FileSlice(str(path), 1, low, high) for low, high in zip(bounds, bounds[1:])]
    numbered_pieces, first = [], 1
    for piece in pieces:
        lines_read = [line for chunk in piece.chunks(chunk_lines=2) for line in chunk.lines]
        whole = piece.read()
        assert whole.lines == lines_read
        numbered_pieces.extend(pair for chunk in whole.chunks(2, first_line=first)
                               for pair in enumerate(chunk.lines, chunk.first_line))
        first += len(whole.lines)
    assert numbered_pieces == list(enumerate(io.BytesIO(data).readlines(), 1))


@settings(max_examples=60, deadline=None)
@given(lines=RAW_LINES, count=st.integers(0, 30), cut=st.integers(0, 400))
def test_head_and_rest_hold_the_lines_of_the_slice(tmp_path_factory, lines, count, cut):
    path = tmp_path_factory.mktemp("head") / "events.jsonl"
    data = b"".join(lines)
    path.write_bytes(data)
    piece = FileSlice(str(path), 1, 0, min(cut, len(data)))
    head, rest = piece.head(count)
    expected = piece.read().lines
    assert (head.lines if head else []) == expected[:count]
    assert rest.read().lines == expected[count:] and rest.first_line == 1 + min(count, len(expected))


@given(size=st.integers(0, 50), cuts=st.lists(st.integers(0, 50)), first_line=st.integers(1, 99))
def test_split_covers_the_slice_in_order(size, cuts, first_line):
    bounds = sorted(7 + c for c in cuts if c <= size)
    pieces = FileSlice("f", first_line, 7, 7 + size).split_at(bounds)
    assert len(pieces) == len(bounds) + 1 and pieces[0].start == 7 and pieces[-1].end == 7 + size
    assert all(a.end == b.start for a, b in zip(pieces, pieces[1:]))
    assert pieces[0].first_line == first_line and all(piece.first_line == 1 for piece in pieces[1:])


def test_slices_only_for_plain_json_lines(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"{}\n")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b"{}\n"))
    kinds = [type(item).__name__ for item in read_chunks([tmp_path / "a.jsonl", tmp_path / "b.jsonl.gz"], slices=True)]
    assert kinds == ["FileSlice", "LineChunk"]
