"""Process batches in worker processes, results in input order, with bounded memory.

At most ``2 * jobs`` batches are in flight: reading waits for the slowest
worker, so memory does not grow with the input.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from protocol_kit.compile import CompiledPlan
from protocol_kit.events.reader import FileSlice, LineChunk
from protocol_kit.validation.engine import BatchResult, Engine, Options, RecordBatch

_engine: Engine | None = None


def _start_worker(plan: CompiledPlan, options: Options) -> None:
    global _engine
    _engine = Engine(plan, options)


def _process(batch: LineChunk | FileSlice | RecordBatch) -> BatchResult:
    assert _engine is not None
    return _engine.process(batch)


def process_in_parallel(engine: Engine, batches: Iterable[LineChunk | FileSlice | RecordBatch], jobs: int) -> Iterator[BatchResult]:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                             initargs=(engine.plan, engine.options)) as pool:
        pending: deque[Future[BatchResult]] = deque()
        for batch in batches:
            pending.append(pool.submit(_process, batch))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
