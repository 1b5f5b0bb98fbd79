"""Check tracking calls in tests."""
