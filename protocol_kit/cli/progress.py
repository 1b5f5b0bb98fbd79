"""A one-line event counter on stderr for long runs, shown only on a terminal."""
from __future__ import annotations

import sys
import time
from contextlib import nullcontext
from typing import ContextManager

import click


class EventCounter:
    """``validating: 12,000 events``, redrawn at most five times a second and wiped at the end."""

    def __init__(self, verb: str) -> None:
        self.verb = verb
        self.shown = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self.shown >= 0.2:
            self.shown = now
            click.echo(f"\r{self.verb}: {done:,} events", nl=False, err=True)

    def __enter__(self) -> "EventCounter":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.shown:
            click.echo("\r\033[K", nl=False, err=True)


def event_counter(verb: str) -> ContextManager[EventCounter | None]:
    """The counter on a terminal; nothing (None) when stderr is piped or redirected."""
    return EventCounter(verb) if sys.stderr.isatty() else nullcontext()
