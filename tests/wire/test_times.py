"""Epoch times read by the wire formats (protocol_kit/events/wire/common.py): integer milliseconds, the
quick path, give exactly what the datetime of ``value / 1000`` gives, written to the millisecond."""
from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from protocol_kit.events.wire.common import MILLISECONDS_FROM, iso_time


def through_datetime(value, unit):
    """The reading of any epoch number: seconds or milliseconds by size, truncated to milliseconds."""
    seconds = value / 1000 if unit == "ms" or (unit == "auto" and abs(value) >= MILLISECONDS_FROM) else value
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return value
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


@given(st.one_of(st.integers(min_value=-2**32 * 1000, max_value=2**32 * 1000),
                 st.integers(min_value=1_600_000_000_000, max_value=1_900_000_000_000),
                 st.integers(min_value=-10**15, max_value=10**15)),
       st.sampled_from(["auto", "ms"]))
def test_integer_milliseconds_read_as_through_a_datetime(value, unit):
    assert iso_time(value, unit=unit) == through_datetime(value, unit)


def test_times_sdks_send():
    assert iso_time(1764588739123) == "2025-12-01T11:32:19.123Z"
    assert iso_time(5, unit="ms") == "1970-01-01T00:00:00.005Z"
    assert iso_time(-1500, unit="ms") == "1969-12-31T23:59:58.500Z"
    assert iso_time(1764588739) == "2025-12-01T11:32:19.000Z"  # seconds, by size
    assert iso_time(True) is True and iso_time("soon") == "soon"
