"""Benchmark of the pytest plugin: what capturing and checking tracking calls adds to the SDK's own work.

    python bench/pytest_plugin_bench.py [--calls 10000] [--repeat 3]

For each installed SDK the same ``--calls`` track calls (one in ten with a
misspelled property, so that the detailed check runs too) are made twice,
best of ``--repeat`` each:

- baseline: the SDK with sending off, building each message and dropping it
  (segment, rudderstack and posthog: ``send=False``; mixpanel: a consumer that
  drops what it is handed; amplitude: its destination building the body it
  would post, :func:`~protocol_kit.pytest_plugin.sdks.patched` with a sink that drops it);
- captured: the same calls while the plugin captures them into a ``Tracking``
  checked against tests/cases/pytest_plugin/shop.yaml, with personal data
  flagged (the default) and with ``pii = "off"``.

The overhead is ``captured / baseline - 1``. Exits 1 when any SDK's is above 2
(capturing and validating adds at most twice the SDK's own time).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from protocol_kit.pytest_plugin.checking import PlanCheck  # noqa: E402
from protocol_kit.pytest_plugin.sdks import installed, patched  # noqa: E402
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
    start = time.perf_counter()
    for index in range(calls):
        call(index)
    return time.perf_counter() - start


def baseline(sdk: str, calls: int) -> float:
    if sdk == "amplitude":  # its destination builds the body it would post; nothing else is kept
        with patched(lambda *message: None):
            return run(CLIENTS[sdk](True), calls)
    return run(CLIENTS[sdk](False), calls)


def captured(sdk: str, calls: int, check: PlanCheck) -> float:
    tracking = Tracking(check, test_file=__file__)
    with patched(tracking.record):
        elapsed = run(CLIENTS[sdk](True), calls)
    assert len(tracking.events) == calls, (sdk, len(tracking.events))
    assert sum(not call.ok for call in tracking.events) == calls // 10, sdk
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    checks = {"flag": PlanCheck(PLAN), "off": PlanCheck(PLAN, pii="off")}
    status = 0
    print(f"{args.calls} track calls per SDK (1 in 10 breaking the plan), best of {args.repeat}")
    print(f"{'sdk':<12} {'pii':<5} {'SDK alone':>10} {'captured':>10} {'overhead':>9}  calls/s captured")
    for sdk in installed():
        base = min(baseline(sdk, args.calls) for _ in range(args.repeat))
        for pii, check in checks.items():
            took = min(captured(sdk, args.calls, check) for _ in range(args.repeat))
            overhead = took / base - 1
            status |= overhead > TARGET and pii == "flag"
            print(f"{sdk:<12} {pii:<5} {base:>9.3f}s {took:>9.3f}s {overhead:>8.2f}x  {args.calls / took:>10,.0f}"
                  f"{'  ABOVE TARGET' if overhead > TARGET else ''}")
    print(f"target: overhead <= {TARGET}x the SDK's own time")
    return status


if __name__ == "__main__":
    sys.exit(main())
