"""Benchmark of the pytest plugin: what capturing and checking tracking calls adds to the SDK's own work.

    python bench/pytest_plugin_bench.py [--calls 10000] [--repeat 3] [--breakdown]

For each installed SDK the same ``--calls`` track calls (one in ten with a
misspelled property, so that the detailed check runs too) are made, and the
CPU time of the calling thread is measured (every SDK builds its messages in
the calling thread here; the machine's other load counts much less in CPU time
than in wall time). The runs are interleaved and the best of ``--repeat`` kept:

- baseline: the SDK with sending off, building each message and dropping it
  (segment, rudderstack and posthog: ``send=False``; mixpanel: a consumer that
  drops what it is handed; amplitude: its destination building the body it
  would post, :func:`~protocol_kit.pytest_plugin.sdks.patched` with a sink that drops it);
- captured: the same calls while the plugin captures them into a ``Tracking``
  checked against tests/cases/pytest_plugin/shop.yaml, with personal data
  flagged (the default) and with ``pii = "off"``.

The overhead is ``captured / baseline - 1``. Exits 1 when any SDK's is above 2
(capturing and validating adds at most twice the SDK's own time).

``--breakdown`` also prints, per SDK, the microseconds per call that each part
of the capture adds (default settings), measured by running the same calls with
sinks that stop after each part: handing the message over (the patch, a sink
that drops it), finding the calling lines, checking the message, keeping the
record (the rest of ``Tracking.record``, and what keeping 10,000 records alive
costs the allocator and the garbage collector); and the check of conforming
messages alone (the same calls without the misspelled ones).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocol_kit.pytest_plugin.callers import call_sites  # noqa: E402
from protocol_kit.pytest_plugin.checking import PlanCheck  # noqa: E402
from protocol_kit.pytest_plugin.sdks import Sink, installed, patched  # noqa: E402
from protocol_kit.pytest_plugin.tracking import Tracking  # noqa: E402

PLAN = Path(__file__).resolve().parent.parent / "tests" / "cases" / "pytest_plugin" / "shop.yaml"
TARGET = 2.0
HOST = "http://127.0.0.1:9"  # never reached: nothing is sent


def properties(index: int) -> dict:
    if index % 10 == 9:
        return {"qeury": f"shoes {index}"}
    return {"query": f"shoes {index}"}


def segment_spec(module: str, *, send: bool) -> Callable[[int], None]:
    client = __import__(f"{module}.client", fromlist=["Client"]).Client("wk", host=HOST, send=send,
                                                                         sync_mode=True)
    return lambda i: client.track("u-1", "Products Searched", properties(i))


def posthog(*, send: bool) -> Callable[[int], None]:
    from posthog import Posthog

    client = Posthog("phc", host=HOST, send=send, sync_mode=True, enable_local_evaluation=False,
                     disable_geoip=True, enable_exception_autocapture=False)
    return lambda i: client.capture("Products Searched", distinct_id="u-1", properties=properties(i))


def mixpanel(*, send: bool) -> Callable[[int], None]:
    from mixpanel import Consumer, Mixpanel

    class Dropping(Consumer):
        def send(self, endpoint, json_message, api_key=None, api_secret=None):
            pass

    client = Mixpanel("mp", consumer=Consumer(api_host="127.0.0.1:9") if send else Dropping())
    return lambda i: client.track("u-1", "Products Searched", properties(i))


def amplitude(*, send: bool) -> Callable[[int], None]:
    from amplitude import Amplitude, BaseEvent, Config

    client = Amplitude("amp", configuration=Config(server_url=f"{HOST}/2/httpapi"))
    return lambda i: client.track(BaseEvent(event_type="Products Searched", user_id="u-1",
                                            event_properties=properties(i)))


CLIENTS = {
    "segment": lambda send: segment_spec("segment.analytics", send=send),
    "rudderstack": lambda send: segment_spec("rudderstack.analytics", send=send),
    "posthog": lambda send: posthog(send=send),
    "mixpanel": lambda send: mixpanel(send=send),
    "amplitude": lambda send: amplitude(send=send),
}


def run(call: Callable[[int], None], calls: int) -> float:
    """CPU seconds of the calling thread for ``calls`` calls."""
    start = time.thread_time()
    for index in range(calls):
        call(index)
    return time.thread_time() - start


def baseline(sdk: str, calls: int) -> float:
    if sdk == "amplitude":  # its destination builds the body it would post; nothing else is kept
        return through(sdk, calls, lambda *message: None)
    return run(CLIENTS[sdk](False), calls)


def through(sdk: str, calls: int, sink: Sink, *, conforming: bool = False) -> float:
    """The calls (``conforming``: only conforming ones), each message handed to ``sink`` instead of being sent."""
    with patched(sink):
        call = CLIENTS[sdk](True)
        return run((lambda index: call(index + index // 9)) if conforming else call, calls)  # skips 9, 19...


def captured(sdk: str, calls: int, check: PlanCheck) -> float:
    tracking = Tracking(check, test_file=__file__)
    elapsed = through(sdk, calls, tracking.record)
    assert len(tracking.events) == calls, (sdk, len(tracking.events))
    assert sum(not call.ok for call in tracking.events) == calls // 10, sdk
    return elapsed


def breakdown(sdk: str, calls: int, repeat: int, check: PlanCheck) -> dict[str, float]:
    """Microseconds per call that each part of the capture adds, best of ``repeat`` (see the module's doc)."""
    def checking(sdk_name: str, wire_format: str, message: Any) -> None:
        check.events(message, wire_format=wire_format)

    sinks: dict[str, Callable[[], float]] = {
        "SDK alone": lambda: baseline(sdk, calls),
        "hand-over": lambda: through(sdk, calls, lambda *message: None),
        "call sites": lambda: through(sdk, calls, lambda *message: call_sites(__file__)),
        "check": lambda: through(sdk, calls, checking),
        "conforming": lambda: through(sdk, calls, checking, conforming=True),
        "all": lambda: captured(sdk, calls, check),
    }
    best = {name: min(measure() for _ in range(repeat)) * 1e6 / calls for name, measure in sinks.items()}
    hand_over = best["hand-over"] - best["SDK alone"]
    sites, checked = best["call sites"] - best["hand-over"], best["check"] - best["hand-over"]
    return {"SDK alone": best["SDK alone"], "hand-over": hand_over, "call sites": sites, "check": checked,
            "check, conforming": best["conforming"] - best["hand-over"],
            "record": best["all"] - best["SDK alone"] - hand_over - sites - checked, "added": best["all"] - best["SDK alone"]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--breakdown", action="store_true", help="also time each part of a captured call")
    args = parser.parse_args()
    checks = {"flag": PlanCheck(PLAN), "off": PlanCheck(PLAN, pii="off")}
    status = 0
    print(f"{args.calls} track calls per SDK (1 in 10 breaking the plan), CPU time of the calling thread, "
          f"best of {args.repeat}; load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"{'sdk':<12} {'pii':<5} {'SDK alone':>10} {'captured':>10} {'overhead':>9}  calls/s captured")
    for sdk in installed():
        times: dict[str, list[float]] = {"base": [], **{pii: [] for pii in checks}}
        for _ in range(args.repeat):  # interleaved: a busy moment of the machine touches every variant
            times["base"].append(baseline(sdk, args.calls))
            for pii, check in checks.items():
                times[pii].append(captured(sdk, args.calls, check))
        base = min(times["base"])
        for pii in checks:
            took = min(times[pii])
            overhead = took / base - 1
            status |= overhead > TARGET and pii == "flag"
            print(f"{sdk:<12} {pii:<5} {base:>9.3f}s {took:>9.3f}s {overhead:>8.2f}x  {args.calls / took:>10,.0f}"
                  f"{'  ABOVE TARGET' if overhead > TARGET else ''}")
    print(f"target: overhead <= {TARGET}x the SDK's own time; load average now "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if args.breakdown:
        print("\nµs per call added by each part (pii = flag):")
        parts = ("SDK alone", "hand-over", "call sites", "check", "record", "added", "check, conforming")
        print(f"{'sdk':<12} " + " ".join(f"{part:>{max(10, len(part))}}" for part in parts))
        for sdk in installed():
            figures = breakdown(sdk, args.calls, args.repeat, checks["flag"])
            print(f"{sdk:<12} " + " ".join(f"{figures[part]:>{max(10, len(part))}.1f}" for part in parts))
    return status


if __name__ == "__main__":
    sys.exit(main())
