"""Rewriting payloads once personal data is found: redaction and salted hashing.

Both return a new payload and never modify the input: only the containers
on the way to a finding are copied, so the cost is proportional to the
findings, not to the payload, and deep payloads need no recursion.
"""
from __future__ import annotations

import hashlib
import json
from itertools import islice
from typing import Any, Callable, Iterable

from protocol_kit.pii.finding import PiiFinding


def redact(payload: Any, findings: Iterable[PiiFinding]) -> Any:
    """A copy of ``payload`` with each found value replaced by ``[REDACTED:<category>]``."""
    return _rewrite(payload, findings, lambda value, finding: f"[REDACTED:{finding.category}]")


def hash_values(payload: Any, findings: Iterable[PiiFinding], salt: str | bytes) -> Any:
    """A copy of ``payload`` with each found value replaced by the hex SHA-256 of salt + value."""
    salt_bytes = salt.encode() if isinstance(salt, str) else salt

    def digest(value: Any, finding: PiiFinding) -> str:
        text = value if isinstance(value, str) else json.dumps(value)
        return hashlib.sha256(salt_bytes + text.encode("utf-8", "surrogatepass")).hexdigest()

    return _rewrite(payload, findings, digest)


def _rewrite(payload: Any, findings: Iterable[PiiFinding], replace: Callable[[Any, PiiFinding], Any]) -> Any:
    root = _copy(payload)
    copies = {id(root)}
    # Values first, then keys, deepest first, so that renaming a key never moves a later target.
    ordered = sorted(findings, key=lambda f: (f.matched_on == "key", -len(f.route)))
    for finding in ordered:
        if not finding.route:  # the payload itself is the value
            return replace(root, finding)
        container = root
        for position in finding.route[:-1]:
            key = _key_at(container, position)
            child = container[key]
            if id(child) not in copies:
                child = _copy(child)
                copies.add(id(child))
                container[key] = child
            container = child
        _replace_last(container, finding.route[-1], finding, replace)
    return root


def _replace_last(container: Any, position: int, finding: PiiFinding, replace) -> None:
    key = _key_at(container, position)
    if finding.matched_on == "key":
        new_key = replace(key, finding)
        items = list(container.items())
        container.clear()
        container.update((new_key if k == key else k, v) for k, v in items)
    else:
        container[key] = replace(container[key], finding)


def _key_at(container: Any, position: int) -> Any:
    if isinstance(container, dict) and position < len(container):
        return next(islice(iter(container), position, None))
    if isinstance(container, list) and position < len(container):
        return position
    raise ValueError("a finding does not belong to this payload: pass the findings detected in it")


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return list(value)
    return value
