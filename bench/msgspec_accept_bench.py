"""Evaluation of a one-pass "fast accept" path for valid events with msgspec (not used by protocol_kit).

    pip install msgspec
    python bench/msgspec_accept_bench.py [--events 100000] [--repeat 3]

The idea: translate each track schema into msgspec ``Struct`` types at least
as strict as the schema (a tagged union on ``event``), decode every JSON Lines
line with them, and accept the lines that decode without parsing them with
orjson nor calling jsonschema-rs; anything msgspec rejects takes the usual
path. The translation (below) keeps only what it can translate soundly:
const and enum of strings and integers, integer and number bounds (integers
limited to 2**53, and a number is ``int | float`` so that big integers are
not rounded), lengths and item counts, patterns made of a safe ASCII subset
with ``$`` anchored at the very end, ``uuid``, ``date`` and ``date-time``
as patterns (days 29 to 31 checked per month, 29 February falls back;
msgspec's own datetime accepts ``2024-06-10 12:00:00Z`` and ``+0200``,
which the validator's format check refuses), nullable types, arrays, and
objects (``forbid_unknown_fields`` where ``additionalProperties`` is false).
It is not proven by a differential test: the script only checks that the
engine's counts (passed events, events with violations) are the same with and
without the fast path on the corpus.

What makes it unsound without a guard on the raw line: msgspec skips the
fields a Struct does not declare without the checks orjson makes, and it reads
integers of any size. On a line, invalid UTF-8 or a number too large for a
double (``1e400``, 309 digits) in an unknown field is accepted by msgspec and
refused by orjson (EV001). The script prints those cases, then measures CPU
and wall time per event, in interleaved rounds: orjson parse, parse plus the
compiled check, the msgspec decode and the guard, and the validation engine
without and with the fast path (with the guard, and without it: unsound).
"""
from __future__ import annotations

import argparse
import math
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import orjson

try:
    import msgspec
except ImportError:
    sys.exit("this evaluation needs msgspec, which protocol_kit does not depend on: pip install msgspec")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import plan_document, write_corpus, write_plan  # noqa: E402
from protocol_kit.compile import CompiledSchema  # noqa: E402
from protocol_kit.events.reader import LineChunk, read_chunks  # noqa: E402
from protocol_kit.validation import load_plan  # noqa: E402
from protocol_kit.validation.api import compiled  # noqa: E402
from protocol_kit.validation.engine import Engine  # noqa: E402

INT_LIMIT = 2**53  # beyond it, integers compare differently as int (msgspec) and float (orjson)
ANNOTATIONS = {"$schema", "$id", "$comment", "title", "description", "default", "examples"}
# Inside character classes and as atoms: ASCII letters, digits and a few literal punctuation marks; no ".",
# no "\d"/"\w"/"\s" (Unicode in Python, ASCII in ECMA-262), no flags, no lookarounds, no backreferences.
_SAFE_PATTERN = re.compile(r"(?:[A-Za-z0-9 _\-:/@#%&=,;'\"<>!~]|\\[.\-+*?()\[\]{}|^$/]|[()|?*+^$]"
                           r"|\{[0-9]+(?:,[0-9]*)?\}|\[\^?(?:[A-Za-z0-9 _:/@#%&=,;.'\"<>!~]|\\[.\-\]^]"
                           r"|(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])|-(?=\]))+\])*")
# Numbers that may be infinite as a double (orjson refuses them): an exponent of 3 digits or more, or more
# than 200 digits in a row (with an exponent below 100, a number needs 210 digits or more to overflow).
# On a copy of the line with digits and signs as "0" and "E" as "e", that is "0e000" or 200 "0"s.
_DIGITS = bytes.maketrans(b"0123456789+-E", b"000000000000e")
_EXPONENT = b"0e000"
_RUN, _LONG_RUN = b"0" * 32, b"0" * 200
_NUMBER_CHARS = frozenset(b"0123456789.+-")
_BEFORE_NUMBER = frozenset(b":,[ \t\r\n")
_UUID = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z"
_DATE = (r"[0-9]{4}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
         r"|(?:0[13578]|1[02])-31)")  # every month has days 1 to 28; 29 February falls back
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
FORMAT_PATTERNS = {"uuid": _UUID, "date": rf"^{_DATE}\Z", "date-time": rf"^{_DATE}[Tt]{_TIME}\Z"}


class Ineligible(Exception):
    """A schema keyword without a translation that is at least as strict."""


def translate_pattern(pattern: str) -> str:
    """The Python equivalent of an ECMA-262 ``pattern``, or :class:`Ineligible`."""
    if not _SAFE_PATTERN.fullmatch(pattern):
        raise Ineligible(f"pattern {pattern!r}")
    # "$" also matches before a final newline in Python: anchor at the very end as ECMA-262 does
    return re.sub(r"(?<!\\)\$", r"\\Z", pattern)


class Translator:
    """msgspec types from the subset of JSON Schema the compiler writes."""

    def __init__(self, name: str):
        self.name = name
        self.count = 0

    def type_of(self, schema: Any) -> Any:
        if schema is True or schema == {}:
            return Any
        if not isinstance(schema, dict):
            raise Ineligible("boolean schema false")
        for key in schema:
            if key not in KEYWORDS and key not in ANNOTATIONS and not key.startswith("x-"):
                raise Ineligible(f"keyword {key!r}")
        if "const" in schema:
            return self.literal([schema["const"]], schema)
        if "enum" in schema:
            return self.literal(schema["enum"], schema)
        kinds = schema.get("type")
        if kinds is None:
            raise Ineligible("no type")
        kinds = [kinds] if isinstance(kinds, str) else list(kinds)
        nullable = "null" in kinds
        kinds = [k for k in kinds if k != "null"]
        if len(kinds) > 1:
            raise Ineligible(f"type {kinds}")
        if not kinds:
            return None
        kind = self.one_type(kinds[0], schema)
        return Union[kind, None] if nullable else kind

    def literal(self, values: list, schema: dict) -> Any:
        if "const" in schema and "enum" in schema:
            raise Ineligible("enum and const")
        kinds = schema.get("type")
        allowed = {None: type(None), "string": str, "integer": int, "null": type(None)}
        if not all(v is None or (type(v) in (str, int) and not isinstance(v, bool)) for v in values):
            raise Ineligible("enum of other values")
        if kinds is not None:
            kinds = [kinds] if isinstance(kinds, str) else kinds
            if not all(k in allowed for k in kinds):
                raise Ineligible("enum with type")
            values = [v for v in values if any(type(v) is allowed[k] for k in kinds)]
        plain = [v for v in values if v is not None]
        if not plain:
            raise Ineligible("empty enum")
        kind = Literal[tuple(plain)]
        return Union[kind, None] if None in values else kind

    def one_type(self, kind: str, schema: dict) -> Any:
        if kind == "string":
            return self.string(schema)
        if kind == "integer":
            return Annotated[int, msgspec.Meta(**_int_bounds(schema))]
        if kind == "number":
            return Union[Annotated[int, msgspec.Meta(**_int_bounds(schema))],
                         Annotated[float, msgspec.Meta(**_float_bounds(schema))]]
        if kind == "boolean":
            return bool
        if kind == "array":
            items = self.type_of(schema.get("items", True))
            meta = {k: schema[j] for j, k in (("minItems", "min_length"), ("maxItems", "max_length")) if j in schema}
            return Annotated[list[items], msgspec.Meta(**meta)] if meta else list[items]
        if kind == "object":
            return self.struct(schema)
        raise Ineligible(f"type {kind!r}")

    def string(self, schema: dict) -> Any:
        meta = {k: schema[j] for j, k in (("minLength", "min_length"), ("maxLength", "max_length")) if j in schema}
        patterns = []
        if "pattern" in schema:
            patterns.append(translate_pattern(schema["pattern"]))
        if "format" in schema:
            if schema["format"] not in FORMAT_PATTERNS:
                raise Ineligible(f"format {schema['format']!r}")
            patterns.append(FORMAT_PATTERNS[schema["format"]])
        if patterns:
            meta["pattern"] = "".join(f"(?={p})" for p in patterns) if len(patterns) > 1 else patterns[0]
        return Annotated[str, msgspec.Meta(**meta)] if meta else str

    def struct(self, schema: dict, **options: Any) -> type[msgspec.Struct]:
        additional = schema.get("additionalProperties", True)
        if additional not in (True, False):
            raise Ineligible("additionalProperties schema")
        required = set(schema.get("required", ()))
        properties = schema.get("properties", {})
        if not required <= set(properties):
            raise Ineligible("required property without a schema")
        fields, rename = [], {}
        for number, (key, sub) in enumerate(properties.items()):
            if key == options.get("tag_field"):
                continue
            attribute = f"f{number}"
            rename[attribute] = key
            kind = self.type_of(sub)
            fields.append((attribute, kind) if key in required else (attribute, kind, None))
        self.count += 1
        return msgspec.defstruct(f"{_identifier(self.name)}{self.count}", fields, rename=rename,
                                 forbid_unknown_fields=additional is False, kw_only=True, **options)


KEYWORDS = {"type", "properties", "required", "additionalProperties", "items", "enum", "const", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern", "format",
            "minItems", "maxItems"}


def _int_bounds(schema: dict) -> dict[str, int]:
    low, high = -INT_LIMIT, INT_LIMIT
    for key, value in schema.items():
        if key in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"):
            _check_number(value)
    if "minimum" in schema:
        low = max(low, math.ceil(schema["minimum"]))
    if "exclusiveMinimum" in schema:
        low = max(low, math.floor(schema["exclusiveMinimum"]) + 1)
    if "maximum" in schema:
        high = min(high, math.floor(schema["maximum"]))
    if "exclusiveMaximum" in schema:
        high = min(high, math.ceil(schema["exclusiveMaximum"]) - 1)
    return {"ge": low, "le": high}


def _float_bounds(schema: dict) -> dict[str, float]:
    names = {"minimum": "ge", "exclusiveMinimum": "gt", "maximum": "le", "exclusiveMaximum": "lt"}
    return {names[k]: _check_number(v) for k, v in schema.items() if k in names}


def _check_number(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or abs(value) > INT_LIMIT:
        raise Ineligible(f"bound {value!r}")
    return value


def _identifier(name: str) -> str:
    return re.sub(r"\W", "_", name) or "Event"


def track_type(compiled: CompiledSchema) -> type[msgspec.Struct]:
    """The tagged Struct of a track event's schema, or :class:`Ineligible`."""
    schema = compiled.schema
    event = (schema.get("properties") or {}).get("event")
    if schema.get("type") != "object" or event != {"const": compiled.event}:
        raise Ineligible("event name not a const")
    return Translator(compiled.event).struct(schema, tag_field="event", tag=compiled.event)


class _Unplanned(msgspec.Struct, tag_field="event", tag="\x00"):
    """Never accepted (no event is named NUL)."""


class FastAccept:
    """``accepts(line)``: True only for a line the schemas certainly find valid."""

    def __init__(self, schemas: list[CompiledSchema]):
        self.eligible: dict[str, type] = {}
        self.ineligible: dict[str, str] = {}
        for schema in schemas:
            try:
                self.eligible[schema.event] = track_type(schema)
            except (Ineligible, re.error, TypeError, ValueError) as reason:
                self.ineligible[schema.event] = str(reason)
        # with one tagged type msgspec would not require the tag: a second one, never accepted, keeps it required
        types = [*self.eligible.values(), _Unplanned]
        self._decode = msgspec.json.Decoder(Union[tuple(types)]).decode if self.eligible else None

    def accepts(self, line: bytes, *, guard: bool = True) -> bool:
        if self._decode is None or (not line.isascii() and not _utf8(line)) or (guard and may_overflow(line)):
            return False
        try:
            return type(self._decode(line)) is not _Unplanned
        except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
            return False


def may_overflow(line: bytes) -> bool:
    """True when ``line`` may hold a number too large for a double (outside strings, as far as it can tell)."""
    digits = line.translate(_DIGITS)
    if _RUN in digits and _LONG_RUN in digits:
        return True
    at = digits.find(_EXPONENT)
    while at >= 0:
        start = at
        while start > 0 and line[start - 1] in _NUMBER_CHARS:
            start -= 1
        if start == 0 or line[start - 1] in _BEFORE_NUMBER:  # a number, not a string
            return True
        at = digits.find(_EXPONENT, at + 1)
    return False


def _utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class FastEngine(Engine):
    """The validation engine, with lines that ``accepts`` passed before the usual path."""

    def __init__(self, plan, accepts):
        super().__init__(plan)
        self.accepts = accepts

    def process_lines(self, chunk: LineChunk):
        rest = [line for line in chunk.lines if not self.accepts(line)]
        result = super().process_lines(LineChunk(chunk.file, chunk.first_line, rest))
        result.read += len(chunk.lines) - len(rest)
        result.passed += len(chunk.lines) - len(rest)
        return result


SKIPPED = {  # an unknown field on a valid line, the rest of the line from the corpus
    "invalid UTF-8": b'"\xff"',
    "UTF-16 surrogate encoded in UTF-8": b'"\xed\xa0\x80"',
    "1e400": b"1e400",
    "a 400-digit integer": b"1" * 400,
    "a lone surrogate escape": b'"\\ud800"',
    "1100 nested arrays": b"[" * 1100 + b"]" * 1100,
}


def decoded(line: bytes, accept: FastAccept) -> bool:
    try:
        accept._decode(line)
    except (msgspec.ValidationError, msgspec.DecodeError, RecursionError):
        return False
    return True


def verdicts(line: bytes, accept: FastAccept) -> list[tuple[str, ...]]:
    shown = {True: "accepted", False: "refused"}
    rows = []
    for name, value in SKIPPED.items():
        probe = line[:-1] + b',"x-extra":' + value + b"}"
        try:
            orjson.loads(probe)
            parsed = "parsed"
        except orjson.JSONDecodeError:
            parsed = "refused"
        rows.append((name, parsed, shown[decoded(probe, accept)], shown[accept.accepts(probe, guard=False)],
                     shown[accept.accepts(probe)]))
    return rows


def run(args, folder: Path) -> None:
    corpus = write_corpus(folder / "events.jsonl", plan_document(), args.events)
    plan = compiled(load_plan(write_plan(folder)))
    accept = FastAccept([s for s in plan.schemas if s.call == "track"])
    lines = corpus.read_bytes().splitlines(keepends=True)
    print(f"{args.events:,} events, {len(accept.eligible)} of {len(accept.eligible) + len(accept.ineligible)} "
          f"track schemas eligible; accepted by msgspec: {sum(map(accept.accepts, lines)):,}")
    first_valid = next(line for line in lines if accept.accepts(line))
    print("\nan unknown field holding          orjson     msgspec    + UTF-8 check  + number guard")
    for row in verdicts(first_valid.rstrip(b"\n"), accept):
        print(f"{row[0]:34} {row[1]:10} {row[2]:10} {row[3]:14} {row[4]}")
    current = Engine(plan)
    schemas = current.schemas
    decode = accept._decode
    engines = {"engine": current, "engine + msgspec (guarded)": FastEngine(plan, accept.accepts),
               "engine + msgspec (no guard)": FastEngine(plan, lambda line: accept.accepts(line, guard=False))}

    def parse():
        for line in lines:
            orjson.loads(line)

    def parse_check():
        for line in lines:
            payload = orjson.loads(line)
            valid = schemas.fast_check(payload)
            valid is not None and valid(payload)

    def msgspec_decode():
        for line in lines:
            try:
                decode(line)
            except msgspec.ValidationError:
                pass

    def guard():
        for line in lines:
            may_overflow(line)

    def engine(name):
        results = [engines[name].process(chunk) for chunk in read_chunks([corpus])]
        return sum(r.passed for r in results), sum(len(r.violations) for r in results)

    outcomes = {name: engine(name) for name in engines}
    assert len(set(outcomes.values())) == 1, outcomes
    jobs = {"orjson parse": parse, "parse + compiled check": parse_check, "msgspec decode": msgspec_decode,
            "guard on the line": guard, **{name: (lambda n=name: engine(n)) for name in engines}}
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):  # interleaved: load on the machine weighs on every figure alike
        for name, job in jobs.items():
            cpu, wall = time.process_time(), time.perf_counter()
            job()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            old = best.get(name, (math.inf, math.inf))
            best[name] = (min(old[0], cpu), min(old[1], wall))
    parse_cpu, parse_wall = best["orjson parse"]
    print(f"\n{'':28} {'CPU us/event':>12} {'x parse':>8} {'wall us/event':>14} {'x parse':>8}")
    for name, (cpu, wall) in best.items():
        print(f"{name:28} {cpu / len(lines) * 1e6:12.2f} {parse_cpu / cpu:8.2f} "
              f"{wall / len(lines) * 1e6:14.2f} {parse_wall / wall:8.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="protocol-kit-msgspec-"))
    try:
        run(args, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
