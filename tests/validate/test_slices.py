"""How ``--jobs`` cuts a file (protocol_kit/validation/parallel.py, ``cut``): slices of whole bytes ranges that
hold the file once, and that, when every byte takes the same time, end in input order, so that the output of
each can go straight into the outputs, with the workers finishing together."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from protocol_kit.events.reader import FileSlice
from protocol_kit.validation.parallel import MAX_SLICE_BYTES, MIN_SLICE_BYTES, cut, slice_count


def run_at_one_speed(pieces: list[FileSlice], jobs: int) -> tuple[list[int], list[int]]:
    """(where each slice ends, where each worker ends), each slice taken by the worker that is free first."""
    free, ends = [0] * jobs, []
    for piece in pieces:
        worker = free.index(min(free))
        free[worker] += piece.end - piece.start
        ends.append(free[worker])
    return ends, free


@settings(max_examples=300, deadline=None)
@given(size=st.integers(0, 3 * MAX_SLICE_BYTES), start=st.integers(0, 10_000), jobs=st.integers(2, 12),
       first_line=st.integers(1, 10**6))
def test_slices_hold_the_file_once_and_end_in_order(size, start, jobs, first_line):
    whole = FileSlice("events.jsonl", first_line, start, start + size)
    pieces = cut(whole, jobs)
    assert pieces[0].start == whole.start and pieces[-1].end == whole.end
    assert all(before.end == after.start for before, after in zip(pieces, pieces[1:]))
    assert pieces[0].first_line == first_line and all(piece.first_line == 1 for piece in pieces[1:])
    if len(pieces) > 1:
        assert all(MIN_SLICE_BYTES - 1 <= piece.end - piece.start <= MAX_SLICE_BYTES for piece in pieces)
    ends, finished = run_at_one_speed(pieces, jobs)
    lengths = [piece.end - piece.start for piece in pieces]
    assert all(after > before or length <= 2 * MIN_SLICE_BYTES  # the least size leaves no room to stagger
               for before, after, length in zip(ends, ends[1:], lengths[1:])), "a slice ends with or before the one before"
    if len(pieces) >= jobs:
        assert max(finished) - min(finished) <= 2 * MIN_SLICE_BYTES, "a worker waits for the other at the end"


def test_the_first_slices_are_shares_of_a_full_one_and_the_last_ones_shrink():
    size, jobs = 178_000_000, 2
    full = size / slice_count(size, jobs)
    lengths = [piece.end - piece.start for piece in cut(FileSlice("events.jsonl", 1, 0, size), jobs)]
    assert abs(lengths[0] - full / 2) <= 1 and abs(lengths[1] - full) <= 1
    last_full = len(lengths) - 1 - lengths[::-1].index(max(lengths))
    tail = lengths[last_full:]
    assert len(tail) > 4 and all(after <= before / 2 + 1 for before, after in zip(tail[1:-2], tail[2:-1]))
    assert tail[-1] <= 2 * MIN_SLICE_BYTES  # what is left
