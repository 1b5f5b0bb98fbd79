"""A request body as a document: JSON, a form body (``data=...``), a query string, gzip-compressed or not.

:func:`parse_body` takes what an HTTP server received (bytes or text) and
returns the parsed JSON value, or for form bodies and query strings a
:class:`Form` (a dict of the fields, the last value of a repeated field
winning). A form's ``data`` field, as Mixpanel's SDKs and PostHog's
JavaScript SDK send it (JSON text, or base64 of JSON), is decoded by
:func:`form_data` before the format is detected. Query strings are taken from a bare
``e=pv&...``, a ``?e=pv&...``, a path or URL ``/i?e=pv&...``, or an HTTP
request line ``GET /i?e=pv&... HTTP/1.1``.
"""
from __future__ import annotations

import gzip
import zlib
from typing import Any
from urllib.parse import parse_qsl

import orjson

from protocol_kit.events.wire.common import base64_json, json_text

GZIP_MAGIC = b"\x1f\x8b"


class Form(dict):
    """The fields of a form body or query string."""


# the fields of a data= form body beside ``data`` (Mixpanel's and PostHog's JavaScript SDKs, Mixpanel's others)
FORM_FIELDS = frozenset(("data", "ip", "verbose", "img", "callback", "_", "api_key", "strict", "test",
                         "compression", "ver"))


def is_data_form(document: Any) -> bool:
    """A form body with a ``data`` field (or its fields as an object, as quarantine keeps them)."""
    return isinstance(document, dict) and isinstance(document.get("data"), str) and (
        isinstance(document, Form) or set(document) <= FORM_FIELDS)


def form_data(value: str) -> tuple[Any, str | None]:
    """The JSON in a form's ``data`` field: JSON text, or base64 of it; or the reason there is none."""
    if not value.strip():
        return None, "form field 'data' is empty"
    if value.lstrip()[:1] in ("{", "["):
        return json_text(value, "form field 'data'")
    decoded, problem = base64_json(value, "form field 'data'")
    if problem and problem.endswith("is not base64"):
        return None, f"{problem}: expected JSON, or base64 of JSON"
    return decoded, problem


class BodyError(ValueError):
    """The body is not JSON, a form body or a query string; the message says what it is instead."""


def parse_body(body: bytes | str) -> Any:
    """The document in ``body``: a JSON value, or a :class:`Form`. Raises :class:`BodyError`."""
    text = decoded_text(body) if isinstance(body, (bytes, bytearray)) else body
    text = text.lstrip("\ufeff").strip()
    if not text:
        raise BodyError("empty body")
    if text[0] in "{[":
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError as error:
            cut = " (the body is cut short)" if error.msg.startswith("unexpected end") else ""
            raise BodyError(f"not valid JSON: {error.msg} (at character {error.pos}){cut}") from None
    return parse_form(text)


def decoded_text(body: bytes | bytearray) -> str:
    data = bytes(body)
    if data[:2] == GZIP_MAGIC:
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as error:
            raise BodyError(f"unreadable gzip data: {error}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(f"not UTF-8 text (byte {error.start})") from None


def parse_form(text: str) -> Form:
    """The fields of a form body or query string (see the module's doc for the shapes read)."""
    target = text
    words = text.split() if " " in text else ()
    if len(words) in (2, 3) and words[0].isupper() and (len(words) == 2 or words[2].startswith("HTTP/")):
        target = words[1]  # a request line: GET /i?e=pv&... HTTP/1.1
    if "?" in target:
        target = target.split("?", 1)[1]
    if "=" not in target:
        raise BodyError("not JSON, a form body or a query string")
    fields = parse_qsl(target, keep_blank_values=True)
    if not fields:
        raise BodyError("not JSON, a form body or a query string")
    return Form(fields)


def is_json_text(data: bytes | str) -> bool:
    """Whether ``data`` starts like a JSON object or array (after a BOM and white space)."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n" if isinstance(data, bytes) else "\ufeff \t\r\n")
    return head[:1] in ((b"{", b"[") if isinstance(data, bytes) else ("{", "["))
