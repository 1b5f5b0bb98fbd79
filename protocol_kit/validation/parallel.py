"""Process batches in worker processes, results in input order, with bounded memory.

At most ``2 * jobs`` batches are in flight: reading waits for the slowest
worker, so memory does not grow with the input.

Workers never outlive the run: they ignore ctrl-C (the parent decides),
ask the kernel to end them when the parent dies (Linux), and watch the
parent themselves elsewhere; when the run stops early (an error, ctrl-C,
SIGTERM) the parent ends them instead of waiting for their batches.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Iterable, Iterator

from protocol_kit.compile import CompiledPlan
from protocol_kit.events.reader import FileSlice, LineChunk
from protocol_kit.validation.engine import BatchResult, Engine, Options, RecordBatch

_engine: Engine | None = None


PARENT_POLL_SECONDS = 0.5


def _start_worker(plan: CompiledPlan, options: Options, parent: int) -> None:
    global _engine
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _end_with_parent(parent)
    _engine = Engine(plan, options)


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


def _process(batch: LineChunk | FileSlice | RecordBatch) -> BatchResult:
    assert _engine is not None
    return _engine.process(batch)


def process_in_parallel(engine: Engine, batches: Iterable[LineChunk | FileSlice | RecordBatch], jobs: int) -> Iterator[BatchResult]:
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker,
                               initargs=(engine.plan, engine.options, os.getpid()))
    try:
        pending: deque[Future[BatchResult]] = deque()
        for batch in batches:
            pending.append(pool.submit(_process, batch))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the workers now: their pending batches are of no use once the run has failed."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()
    for process in processes:
        process.join()
