"""Running the collector: in a thread of this process on a free port (tests), or until a signal (the CLI)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from protocol_kit.errors import ProtocolKitError
from protocol_kit.serve.collector import Collector
from protocol_kit.serve.settings import CollectorSettings
from protocol_kit.validation.api import PlanLike

HOST = "127.0.0.1"
START_SECONDS = 30


class CannotListen(ProtocolKitError):
    """The collector's address cannot be listened on (exit code 2 in the CLI)."""


@dataclass(frozen=True)
class RunningCollector:
    """A started collector: ``url`` (``http://127.0.0.1:PORT``) and the :class:`Collector` itself."""

    url: str
    port: int
    collector: Collector


@contextmanager
def running_collector(plan: PlanLike, settings: CollectorSettings = CollectorSettings(), *, host: str = HOST,
                      port: int = 0) -> Iterator[RunningCollector]:
    """Start a collector for ``plan`` on ``host`` (loopback) and ``port`` (0: a free one); stop it on exit.

    >>> with running_collector("plans/ecommerce.yaml") as running:  # doctest: +SKIP
    ...     client = Client("key", host=running.url, sync_mode=True)
    """
    import uvicorn

    from protocol_kit.serve.app import create_app

    collector = Collector(plan, settings)
    config = uvicorn.Config(create_app(collector), host=host, port=port, log_level="warning", lifespan="off",
                            access_log=False, timeout_graceful_shutdown=5)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=_run, args=(server,), name="protocol-kit-serve", daemon=True)
    thread.start()
    try:
        for _ in range(START_SECONDS * 20):
            if server.started or not thread.is_alive():
                break
            thread.join(0.05)
        if not server.started:
            raise CannotListen(f"the collector cannot listen on {host}:{port} (is the port in use?)")
        bound = server.servers[0].sockets[0].getsockname()[1]
        yield RunningCollector(url=f"http://{host}:{bound}", port=bound, collector=collector)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        collector.close()


def _run(server) -> None:
    try:
        server.run()
    except SystemExit:  # uvicorn exits when it cannot listen: running_collector says so
        pass
