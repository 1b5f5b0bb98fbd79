"""Benchmark of the collector: events per second accepted through /v1/batch against the batch validator.

    python bench/serve_bench.py [--events 20000] [--batch 100] [--clients 4] [--repeat 3]

A plan and events (5% invalid) come from bench/corpus.py. The collector runs
as ``protocol-kit serve`` in its own process on a free loopback port; a load
generator in this process sends the events as Segment batches of ``--batch``
events to ``/v1/batch`` from ``--clients`` threads (one keep-alive connection
each) and counts the events the collector's summary shows once the last answer
is in (every event is checked before it is answered). The baseline is
``Validator.run`` over the same events as JSON Lines, and over the same batch
bodies, one per line, measured in the same run. Best of ``--repeat``. Exits 1
when the collector is below TARGET times the batch validator on JSON Lines.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import events as corpus_events  # noqa: E402
from bench.corpus import plan_document, write_plan  # noqa: E402
from protocol_kit.events import read_chunks  # noqa: E402
from protocol_kit.validation import Validator, load_plan  # noqa: E402

TARGET = 0.5


def start_collector(plan: Path, folder: Path) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "protocol_kit", "serve", "--plan", str(plan), "--port", "0",
               "--store-cap", "1000", "--max-batch-bytes", str(64 * 1024 * 1024), "--fail-on", "never"]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=folder,
                              env=env)
    found = re.search(r"(http://127\.0\.0\.1:(\d+))", server.stderr.readline())
    if not found:
        server.kill()
        raise SystemExit("the collector did not start")
    return server, found.group(1)


def request(connection: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None) -> bytes:
    connection.request(method, path, body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    data = response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
    return data


def send(port: int, bodies: list[bytes], clients: int) -> float:
    shares = [bodies[i::clients] for i in range(clients)]

    def client(share: list[bytes]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        for body in share:
            request(connection, "POST", "/v1/batch", body)
        connection.close()

    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(client, shares))
    return time.perf_counter() - start


def validator_seconds(validator: Validator, path: Path, expected: int) -> float:
    start = time.perf_counter()
    report = validator.run(read_chunks([path]))
    elapsed = time.perf_counter() - start
    assert report.summary.events == expected, report.summary
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        document = plan_document()
        plan_path = write_plan(folder)
        events = list(corpus_events(document, args.events))
        jsonl = folder / "events.jsonl"
        jsonl.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
        bodies = [orjson.dumps({"batch": events[i:i + args.batch], "writeKey": "bench"})
                  for i in range(0, len(events), args.batch)]
        bodies_file = folder / "bodies.txt"
        bodies_file.write_bytes(b"\n".join(bodies) + b"\n")
        validator = Validator(load_plan(plan_path))

        server, url = start_collector(plan_path, folder)
        port = int(url.rsplit(":", 1)[1])
        try:
            best = {"serve": float("inf"), "jsonl": float("inf"), "bodies": float("inf")}
            control = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            for _ in range(args.repeat):
                request(control, "POST", "/pk/reset", b"")
                elapsed = send(port, bodies, args.clients)
                total = json.loads(request(control, "GET", "/pk/summary"))["total"]
                assert total == len(events), (total, len(events))
                best["serve"] = min(best["serve"], elapsed)
                best["jsonl"] = min(best["jsonl"], validator_seconds(validator, jsonl, len(events)))
                best["bodies"] = min(best["bodies"], validator_seconds(validator, bodies_file, len(events)))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=60)
    rate = {name: len(events) / seconds for name, seconds in best.items()}
    print(f"{len(events):,} events ({args.batch} per batch, {args.clients} clients), best of {args.repeat}")
    print(f"collector, /v1/batch on loopback:        {rate['serve']:>10,.0f} events/s")
    print(f"batch validator, same events as JSON Lines: {rate['jsonl']:>10,.0f} events/s  "
          f"(collector: {rate['serve'] / rate['jsonl']:.2f}x)")
    print(f"batch validator, same batch bodies:      {rate['bodies']:>10,.0f} events/s  "
          f"(collector: {rate['serve'] / rate['bodies']:.2f}x)")
    print(f"target: collector >= {TARGET}x the batch validator on JSON Lines")
    return 0 if rate["serve"] >= TARGET * rate["jsonl"] else 1


if __name__ == "__main__":
    sys.exit(main())
