"""International phone numbers, with and without the optional phonenumbers package."""
import sys

import pytest

from protocol_kit.pii import detect_pii
from protocol_kit.pii.values import phone_library


@pytest.fixture
def without_phonenumbers(monkeypatch):
    monkeypatch.setitem(sys.modules, "phonenumbers", None)  # import raises ImportError
    phone_library.cache_clear()
    yield
    phone_library.cache_clear()


def categories(value):
    return [f.category for f in detect_pii({"properties": {"contact": value}})]


def test_detector_works_without_phonenumbers(without_phonenumbers):
    assert phone_library() is None
    assert categories("+44 20 7946 0958") == ["phone"]
    assert categories("+12") == []
    assert categories("+1234567890123456789") == []


def test_phonenumbers_rejects_invalid_numbers_when_installed():
    pytest.importorskip("phonenumbers")
    phone_library.cache_clear()
    assert categories("+44 20 7946 0958") == ["phone"]
    assert categories("+999 1234 5678") == []
