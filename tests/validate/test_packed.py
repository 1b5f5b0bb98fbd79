"""Worker results pickled with records rebuilt from their fields (protocol_kit/validation/packed.py)."""
import pickle
from dataclasses import dataclass, field

from protocol_kit.results import DigestBuilder
from protocol_kit.validation.packed import _fields, dumps
from protocol_kit.violation import Location, Violation


def violation(line: int) -> Violation:
    return Violation(code="EV005", kind="unplanned_property", severity="error", message="unplanned property 'x'",
                     event="Order Completed", event_type="track", path="/properties/x", expected=None,
                     actual={"nested": [1, 2.5, None]}, source=Location(file="events.jsonl", line=line), message_id="m-1")


def test_records_come_back_equal_and_of_their_class():
    records = [violation(n) for n in range(1, 50)]
    back = pickle.loads(dumps(records))
    assert back == records and all(type(v) is Violation and type(v.source) is Location for v in back)


def test_a_digest_comes_back_with_the_same_rows():
    digest = DigestBuilder()
    for n in range(1, 20):
        digest.add(violation(n))
    assert pickle.loads(dumps(digest)).rows() == digest.rows()


@dataclass
class _Derived:
    a: int
    b: int = field(init=False, default=0)


@dataclass
class _Checked:
    a: int

    def __post_init__(self):
        self.a += 1


@dataclass(kw_only=True)
class _Keywords:
    a: int


def test_records_whose_init_does_more_than_store_fields_pickle_as_usual():
    assert _fields(_Derived) is _fields(_Checked) is _fields(_Keywords) is None
    derived = _Derived(1)
    derived.b = 5
    records = [derived, _Checked(1), _Keywords(a=3)]  # _Checked(1) holds 2: rebuilt by its class it would hold 3
    assert pickle.loads(dumps(records)) == records
