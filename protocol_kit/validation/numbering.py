"""Line numbers of slices read in other processes, without counting any line twice.

Quarantine records carry the line number of their event, so a worker must
know where its slice starts before it writes one. Each worker reads the lines
of its slice (it splits them into lines anyway), puts how many there are in
:class:`LineCounts`, memory shared by the workers, and adds up the counts of
the slices between its own and an :class:`Anchor`: a slice whose first line the
parent knew when it handed the slice out (the first of the file, or the first
it had not put together yet). A worker waits only for the slices ahead of it
to be read, never for them to be validated; those were handed out before its
own, so they are read by then or being read.

Counts live in a ring of slots, one per slice in flight: the parent hands out
a slice only while at most :data:`IN_FLIGHT_PER_JOB` per worker are unfinished,
so a slot is used again only once every slice that may still read it is done.
"""
from __future__ import annotations

import time
from typing import NamedTuple

IN_FLIGHT_PER_JOB = 2  # the parent's limit on unfinished tasks per worker (see parallel._ParallelRun.run)
WAIT_SECONDS = 0.0005


class Anchor(NamedTuple):
    """Slice ``number`` (counted over the run) starts at line ``line``."""

    number: int
    line: int


class LineCounts:
    """How many lines the slices in flight hold, shared by the parent's worker processes."""

    def __init__(self, jobs: int, context) -> None:
        self.slots = 2 * IN_FLIGHT_PER_JOB * jobs + 2
        self._shared = context.Array("q", 2 * self.slots)  # per slot: slice number + 1 (0: none yet), lines

    def publish(self, number: int, lines: int) -> None:
        """Slice ``number`` holds ``lines`` lines."""
        slot = 2 * (number % self.slots)
        with self._shared.get_lock():
            self._shared[slot + 1] = lines
            self._shared[slot] = number + 1

    def first_line(self, number: int, anchor: Anchor) -> int:
        """The number of the first line of slice ``number``, once every slice from ``anchor`` to it is read."""
        line = anchor.line
        for ahead in range(anchor.number, number):
            line += self._wait_for(ahead)
        return line

    def _wait_for(self, number: int) -> int:
        slot = 2 * (number % self.slots)
        while True:
            with self._shared.get_lock():
                held, lines = self._shared[slot], self._shared[slot + 1]
            if held == number + 1:
                return lines
            if held > number + 1:
                raise RuntimeError(f"the line count of slice {number} was overwritten before it was read")
            time.sleep(WAIT_SECONDS)
