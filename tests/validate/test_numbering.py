"""Line counts shared by worker processes (protocol_kit/validation/numbering.py): a slice's first line is
its anchor's plus the lines of the slices between, whichever process reads them first."""
import multiprocessing
import threading
import time

import pytest

from protocol_kit.validation.numbering import Anchor, LineCounts


def _publish_later(counts: LineCounts, number: int, lines: int) -> None:
    time.sleep(0.05)
    counts.publish(number, lines)


def test_a_first_line_adds_the_counts_from_the_anchor_on_waiting_for_those_not_read_yet():
    counts = LineCounts(2, multiprocessing.get_context("spawn"))
    counts.publish(4, 10)
    counts.publish(6, 5)
    assert counts.first_line(4, Anchor(4, 31)) == 31
    process = multiprocessing.get_context("spawn").Process(target=_publish_later, args=(counts, 5, 7))
    process.start()
    assert counts.first_line(7, Anchor(4, 31)) == 31 + 10 + 7 + 5
    process.join()


def test_a_count_overwritten_before_it_was_read_is_an_error_not_a_wrong_number():
    counts = LineCounts(1, multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods()
                                                        else "spawn"))
    counts.publish(0, 3)
    counts.publish(counts.slots, 4)  # the same slot
    with pytest.raises(RuntimeError, match="slice 0"):
        counts.first_line(1, Anchor(0, 1))


def test_a_waiting_slice_sees_a_count_published_by_another_thread():
    counts = LineCounts(1, multiprocessing.get_context("spawn"))
    publisher = threading.Thread(target=_publish_later, args=(counts, 0, 2))
    publisher.start()
    assert counts.first_line(1, Anchor(0, 9)) == 11
    publisher.join()
