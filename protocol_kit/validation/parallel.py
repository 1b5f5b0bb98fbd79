"""Validation in worker processes that read their own slices of the input and write their own output parts.

A plain JSON Lines file is cut into slices by its size alone (:func:`cut`):
the parent never reads it. A worker reads the lines that start in its slice,
validates them, writes what passes and what is quarantined to its own parts of
the outputs (:mod:`protocol_kit.validation.parts`), and sends back a small
:class:`PartResult`: the counts, digest rows and first violations of its slice
(:class:`~protocol_kit.validation.tally.Tally`) and how many lines it read. The
parent puts the parts into the outputs and merges the tallies in input order, so
outputs, digest and report are the ones a single process makes.

Line numbers: a worker numbers the lines of its slice from 1, and the parent
shifts the locations of what it keeps by the number of lines of the slices
before it, known by then. Quarantine records carry their line numbers and are
written by the workers, so when there is a quarantine output a worker reads
the lines of its slice at once (at most :data:`MAX_SLICE_BYTES`), shares how
many there are with the other workers and numbers them from the real first
line, the sum of the counts ahead (:mod:`protocol_kit.validation.numbering`):
no line is counted twice.

Compressed files, stdin and JSON documents have no byte ranges to seek to: the
parent reads them and sends their lines or records to the workers in batches,
whose whole results (violations, output lines) come back.

The parent validates the first lines itself before it starts the workers
(:data:`WARM_UP_LINES`): forked workers begin with the schemas it compiled and
what the personal-data fast pass learnt, instead of each doing that work again.
At most ``2 * jobs`` tasks are in flight (:data:`~protocol_kit.validation.numbering.IN_FLIGHT_PER_JOB`),
so memory does not grow with the input.
Workers never outlive the run: they ignore ctrl-C (the parent decides), ask
the kernel to end them when the parent dies (Linux), and watch the parent
themselves elsewhere; when the run stops early (an error, ctrl-C, SIGTERM)
the parent ends them instead of waiting for their tasks, and deletes the parts.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from protocol_kit.compile import CompiledPlan
from protocol_kit.events.reader import CHUNK_LINES, FileSlice, LineChunk
from protocol_kit.validation import packed
from protocol_kit.validation.engine import BatchResult, Engine, Options, RecordBatch
from protocol_kit.validation.numbering import IN_FLIGHT_PER_JOB, Anchor, LineCounts
from protocol_kit.validation.parts import Head, PartFiles, Parts, writing
from protocol_kit.validation.tally import Outputs, Tally, tally_batches

PARENT_POLL_SECONDS = 0.5
MANAGER_STOP_SECONDS = 5  # the pool's manager thread notices its workers are gone well within this
SLICES_PER_JOB = 4  # a slow slice (many invalid events) holds up one worker for a small share of the run
MIN_SLICE_BYTES = 256 << 10
MAX_SLICE_BYTES = 64 << 20  # progress is reported, and parts put in place, slice by slice
# lines the parent processes before the workers start (see _ParallelRun._warm_up): the personal-data fast
# pass learns most from the first events (bench corpus: 64 of the 65 schema builds of its first 40,000 events
# come in the first 3,000); without it, the first chunk compiles what the workers use
WARM_UP_LINES = 3000
WARM_UP_LINES_WITHOUT_PII = CHUNK_LINES

_engine: Engine | None = None
_head: Head | None = None
_counts: LineCounts | None = None


@dataclass(frozen=True, slots=True)
class PartResult:
    """What a worker sends back for a slice: how many lines it read, its tally, and the violations its tally
    keeps for the report, pickled apart (:func:`packed.dumps`): the parent unpickles them only while its own
    list has room."""

    first_line: int  # the number its lines were read from
    lines: int
    tally: bytes  # without its kept violations
    kept: bytes
    kept_count: int

    @classmethod
    def of(cls, tally: Tally, lines: int, *, first_line: int) -> "PartResult":
        kept, tally.builder.kept = tally.builder.kept, []
        return cls(first_line, lines, packed.dumps(tally), packed.dumps(kept), len(kept))

    def tally_for(self, room: int) -> Tally:
        """The tally, with its kept violations when there is ``room`` for any."""
        tally: Tally = pickle.loads(self.tally)
        if room and self.kept_count:
            tally.builder.kept = pickle.loads(self.kept)
        else:
            tally.builder.not_kept += self.kept_count
        return tally


def _context() -> multiprocessing.context.BaseContext:
    """Forked workers (where processes can be forked) start with the engine as it is; others with its plan."""
    return multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")


def _start_pool(engine: Engine, jobs: int, shared: tuple[Head, LineCounts | None]) -> ProcessPoolExecutor:
    context = _context()
    forked = context.get_start_method() == "fork"
    engine_args = (engine, None, None) if forked else (None, engine.plan, engine.options)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                               initargs=(*engine_args, shared, os.getpid()))


def _start_worker(engine: Engine | None, plan: CompiledPlan | None, options: Options | None,
                  shared: tuple[Head, LineCounts | None], parent: int) -> None:
    global _engine, _head, _counts
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)
    _engine = engine if engine is not None else Engine(plan, options)
    _head, _counts = shared


def _end_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        import ctypes

        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the request was made
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while True:
        threading.Event().wait(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _process(batch: LineChunk | RecordBatch) -> BatchResult:
    assert _engine is not None
    return _engine.process(batch)


def _process_slice(piece: FileSlice, parts: Parts, max_violations: int, number: int, anchor: Anchor | None
                   ) -> PartResult:
    """Validate the lines of slice ``number``, numbered from its ``first_line``, or, given an ``anchor``
    (see :mod:`~protocol_kit.validation.numbering`), from its real first line."""
    assert _engine is not None and _head is not None
    head = _head
    work: list[FileSlice | LineChunk] = [piece]
    if anchor is not None:
        assert _counts is not None
        lines = piece.read()
        _counts.publish(number, len(lines.lines))
        work = list(lines.chunks(CHUNK_LINES, first_line=_counts.first_line(number, anchor)))
    tally = Tally.empty(max_violations=max_violations)
    with writing(parts, lambda: head.held_by(number)) as outputs:
        lines_read = tally_batches(_engine, work, tally, outputs)
    return PartResult.of(tally, lines_read, first_line=work[0].first_line if work else piece.first_line)


def slice_count(size: int, jobs: int) -> int:
    """How many slices of a full size a file of ``size`` bytes makes for ``jobs`` workers (:func:`cut` makes
    the first and the last ones smaller)."""
    return max(1, min(jobs * SLICES_PER_JOB, size // MIN_SLICE_BYTES), -(-size // MAX_SLICE_BYTES))


def cut(whole: FileSlice, jobs: int) -> list[FileSlice]:
    """The slices of a file for ``jobs`` workers, sized so that they end one after another, in input order,
    and the workers finish together.

    The output of a slice goes into the outputs once every slice before it is there; until then it waits in
    its worker's memory, and when the slice ends first, it is put aside in a part and copied once more (see
    :mod:`~protocol_kit.validation.parts`). Slices of one size, started together, end together, so that
    happened to about every other one. Instead, the first slices are 1/jobs, 2/jobs... of a full one: from
    then on each slice ends 1/jobs of a slice's time after the one before it. For the last ones, that time
    halves from slice to slice, down to :data:`MIN_SLICE_BYTES`: no worker waits long for another at the end.
    """
    size = whole.end - whole.start
    count = slice_count(size, jobs)
    if count == 1:
        return [whole]
    *lengths, _last = _slice_lengths(size, size / count, jobs)  # the last one ends at the end
    return whole.split_at(whole.start + int(end) for end in itertools.accumulate(lengths))


def _slice_lengths(size: int, full: float, jobs: int) -> Iterator[float]:
    """The lengths of :func:`cut`'s slices, adding up to ``size``.

    They are worked out from where the slices end when every byte takes the same time: each slice is taken
    by the worker that finished first, so it runs from the end of the slice ``jobs`` before it to its own
    end. The ends are ``full / jobs`` apart, then, for the last slices, half as far apart each time.
    """
    gap = full / jobs
    ends = [0.0] * jobs  # the workers start together
    rest = float(size)

    def following(step: float) -> tuple[float, float]:  # the end and length of the next slice
        end = max(ends[-1] + step, ends[-jobs] + MIN_SLICE_BYTES)
        return end, end - ends[-jobs]

    def needed_to_finish(first_gap: float) -> float:  # in all, by slices ending first_gap, first_gap / 2... apart
        return jobs * (ends[-1] + 2 * first_gap) - sum(ends[-jobs:])

    while rest > needed_to_finish(gap / 2) + full / 2:
        end, length = following(gap)
        ends.append(end)
        rest -= length
        yield length
    gap = (rest - needed_to_finish(0.0)) / (2 * jobs)  # the first of the halving gaps that take what is left
    while gap > 0:
        end, length = following(gap)
        if rest - length < MIN_SLICE_BYTES:
            break
        ends.append(end)
        rest -= length
        yield length
        gap /= 2
    yield rest


@dataclass(slots=True)
class _Task:
    future: Future
    parts: Parts | None = None  # a slice's output parts
    number: int = 0  # a slice: its number over the run
    first_line: int = 0  # the first slice of a file: the number of its first line
    starts_file: bool = False  # a slice: the first of its file
    ends_file: bool = False  # a slice: the last of its file


class _ParallelRun:
    def __init__(self, engine: Engine, jobs: int, tally: Tally, outputs: Outputs,
                 progress: Callable[[int], None] | None):
        self.engine, self.jobs, self.tally, self.outputs, self.progress = engine, jobs, tally, outputs, progress
        self.parts = PartFiles(outputs)
        self.counted = engine.options.keep_quarantined  # quarantine records are written with their line numbers
        self.next_line = 1  # the number of the next line of the file being put together
        self.slices = itertools.count()  # numbers the slices of the run
        self.anchor = Anchor(-1, 1)  # the first slice not put together of the file being put together, when known
        self.head = Head(_context())
        self.counts = LineCounts(jobs, _context()) if self.counted else None
        self.pending: deque[_Task] = deque()  # handed out, not yet put together
        self.pool: ProcessPoolExecutor

    def run(self, work: Iterable[LineChunk | FileSlice | RecordBatch]) -> None:
        work = iter(work)
        first = next(work, None)
        if first is None:
            return
        rest = self._warm_up(first)
        following = next(work, None) if rest is None else rest
        if following is None:
            return  # all done while warming up: no workers needed
        self.pool = _start_pool(self.engine, self.jobs, (self.head, self.counts))
        try:
            pending = self.pending
            for task in self._tasks(itertools.chain([following], work)):
                pending.append(task)
                if len(pending) >= IN_FLIGHT_PER_JOB * self.jobs:
                    self._take(pending.popleft())
            while pending:
                self._take(pending.popleft())
        except BaseException:
            _stop(self.pool)
            raise
        finally:
            self.parts.discard()
        self.pool.shutdown()

    def _warm_up(self, first: LineChunk | FileSlice | RecordBatch) -> FileSlice | None:
        """Process the first batch here, before the workers start: they begin with what the engine compiled
        and learnt on it (forked workers share it) instead of each doing that work again; what is left."""
        if not isinstance(first, FileSlice):
            tally_batches(self.engine, [first], self.tally, self.outputs, self.progress)
            return None
        head, rest = first.head(WARM_UP_LINES if self.engine.personal is not None else WARM_UP_LINES_WITHOUT_PII)
        if head is not None:
            tally_batches(self.engine, [head], self.tally, self.outputs, self.progress)
        return rest if rest.start < rest.end else None

    def _tasks(self, work: Iterable[LineChunk | FileSlice | RecordBatch]) -> Iterator[_Task]:
        for item in work:
            if isinstance(item, FileSlice):
                yield from self._slice_tasks(item)
            else:
                yield _Task(self.pool.submit(_process, item))

    def _slice_tasks(self, whole: FileSlice) -> Iterator[_Task]:
        """The tasks of the slices of a file. Where quarantine records are written, the workers number the
        lines of each slice from its real first line (:mod:`~protocol_kit.validation.numbering`), counted
        from the first slice whose first line is known when the slice is handed out."""
        pieces = cut(whole, self.jobs)
        first = None
        for index, piece in enumerate(pieces):
            number = next(self.slices)
            if first is None:
                first = Anchor(number, whole.first_line)
            anchor = self.anchor if self.anchor.number >= first.number else first
            parts = self.parts.new()
            room = max(self.tally.builder.max_violations - len(self.tally.builder.kept), 0)
            if not self.pending:  # everything before it is in the outputs
                self.parts.hand_over(self.head, number)
            yield _Task(self.pool.submit(_process_slice, piece, parts, room, number,
                                         anchor if self.counted and len(pieces) > 1 else None),
                        parts=parts, number=number, first_line=whole.first_line, starts_file=index == 0,
                        ends_file=index == len(pieces) - 1)

    def _take(self, task: _Task) -> None:
        result = task.future.result()
        if isinstance(result, BatchResult):
            self.outputs.write(result)
            self.tally.add(result)
        else:
            self.parts.put(task.parts)
            if task.starts_file:
                self.next_line = task.first_line
            room = self.tally.builder.max_violations - len(self.tally.builder.kept)
            self.tally.merge(result.tally_for(room), line_shift=self.next_line - result.first_line)
            self.next_line += result.lines
            if not task.ends_file:
                self.anchor = Anchor(task.number + 1, self.next_line)
        following = self.pending[0] if self.pending else None
        if following is not None and following.parts is not None:
            self.parts.hand_over(self.head, following.number)
        else:
            self.head.give(-1)  # the parent writes next (or hands the head out with the next slice)
        if task.parts is not None:
            self.parts.write_back()
        if self.progress is not None:
            self.progress(self.tally.read)


def run_in_parallel(engine: Engine, work: Iterable[LineChunk | FileSlice | RecordBatch], tally: Tally, *,
                    outputs: Outputs, jobs: int, progress: Callable[[int], None] | None = None) -> None:
    """Process ``work`` in ``jobs`` worker processes, writing ``outputs`` and adding to ``tally`` in input order."""
    _ParallelRun(engine, jobs, tally, outputs, progress).run(work)


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: their pending tasks are of no use once the run has failed.

    Then wait for the pool's manager thread to see them gone and close its wake-up pipe: at exit, Python
    3.11 wakes that thread through the pipe without a lock, and if the thread closes it at the same moment
    the interpreter prints a traceback (``Bad file descriptor``) after the run's one line.
    """
    processes = list((getattr(pool, "_processes", None) or {}).values())
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join()
    if manager is not None:
        manager.join(MANAGER_STOP_SECONDS)
