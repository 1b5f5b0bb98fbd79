"""docs/serve.md: its Python example runs against a real collector; every route it lists is served."""
from __future__ import annotations

from protocol_kit.serve.routes import ROUTES
from tests.doc_examples import python_examples, run_example
from tests.wire.conftest import ROOT

DOC = (ROOT / "docs" / "serve.md").read_text("utf-8")


def test_python_example_runs(loopback_only, time_limit):
    [block] = python_examples("docs/serve.md")
    run_example(block, "docs/serve.md")


def test_every_route_is_documented():
    for route in ROUTES:
        short = route.path.rstrip("/") or route.path
        assert f"`{route.path}`" in DOC or f"/{short.rsplit('/', 1)[-1]}" in DOC, route.path
