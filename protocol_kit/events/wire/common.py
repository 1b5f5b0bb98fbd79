"""Small helpers the wire-format readers share: timestamps, library strings, building events."""
from __future__ import annotations

import base64
import binascii
from datetime import datetime, timezone
from functools import lru_cache
from typing import Any

import orjson

MILLISECONDS_FROM = 10**11  # epoch values above this are milliseconds (seconds reach it in the year 5138)


def iso_time(value: Any, *, unit: str = "auto") -> Any:
    """An epoch time in seconds or milliseconds (number or digits) as ISO 8601 UTC; anything else as it is."""
    if value.__class__ is int and (unit == "ms" or unit == "auto" and abs(value) >= MILLISECONDS_FROM) \
            and abs(value) < _EXACT_MILLISECONDS:  # what SDKs send: integer milliseconds
        seconds, milliseconds = divmod(value, 1000)
        try:
            return f"{_utc_second(seconds)}.{milliseconds:03d}Z"
        except (OverflowError, OSError, ValueError):  # a platform without times before 1970
            return value
    if isinstance(value, str) and value.strip().lstrip("-").replace(".", "", 1).isdigit():
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    seconds = value / 1000 if unit == "ms" or (unit == "auto" and abs(value) >= MILLISECONDS_FROM) else value
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return value
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


# Below this many milliseconds (about 136 years either side of 1970) ``value / 1000`` is within half a
# microsecond of the true time, so the datetime of it has the milliseconds integer division gives.
_EXACT_MILLISECONDS = 2**32 * 1000


@lru_cache(maxsize=1024)
def _utc_second(seconds: int) -> str:
    """``2026-12-01T11:32:19``: the events of one test run share a few seconds."""
    return datetime.fromtimestamp(seconds, tz=timezone.utc).isoformat(timespec="seconds")[:19]


def library(value: Any) -> dict[str, Any] | None:
    """``amplitude-python/1.3.0`` -> ``{"name": "amplitude-python", "version": "1.3.0"}``."""
    if not isinstance(value, str) or not value:
        return None
    name, _, version = value.rpartition("/") if "/" in value else (value, "", "")
    return {"name": name, "version": version} if version else {"name": value}


def compact(fields: dict[str, Any]) -> dict[str, Any]:
    """``fields`` without the entries whose value is None or an empty object."""
    return {k: v for k, v in fields.items() if v is not None and v != {}}


def event(call: str, **fields: Any) -> dict[str, Any]:
    """A Segment-spec event: ``type`` first, then the fields that have a value."""
    return {"type": call, **compact(fields)}


def json_text(text: Any, what: str) -> tuple[Any, str | None]:
    """``text`` parsed as JSON, or the reason it is not (naming ``what``)."""
    if not isinstance(text, str):
        return None, f"{what} should be a JSON string, got {type(text).__name__}"
    try:
        return orjson.loads(text), None
    except orjson.JSONDecodeError as error:
        return None, f"{what} is not valid JSON: {error.msg} (at character {error.pos})"


def base64_json(text: Any, what: str) -> tuple[Any, str | None]:
    """``text`` (base64, standard or URL-safe alphabet, padded or not) decoded and parsed as JSON."""
    if not isinstance(text, str):
        return None, f"{what} should be a base64 string, got {type(text).__name__}"
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    try:
        data = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None, f"{what} is not base64"
    try:
        return orjson.loads(data), None
    except orjson.JSONDecodeError as error:
        return None, f"{what} is base64 but not JSON inside: {error.msg} (at character {error.pos})"


def split_own(properties: dict[str, Any], own: tuple[str, ...]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(the user's properties, the SDK's own)``: a name is the SDK's when it starts with one of ``own``."""
    mine: dict[str, Any] = {}
    theirs: dict[str, Any] = {}
    for name, value in properties.items():
        (theirs if name.startswith(own) else mine)[name] = value
    return mine, theirs
