"""Docs may quote `# protocol-kit: ignore[EV005]`: only comments suppress."""
analytics.track(uid, "Signed Up", {"plan": "pro", "referrer": "ad"})  # protocol-kit: ignore[EV005]
analytics.track(uid, "Signed Up", {"plan": "pro", "note": "# protocol-kit: ignore[EV005]"})
analytics.track(
    uid,
    "Sign Up",  # protocol-kit: ignore[EV002]
)
analytics.track(uid, "Signed Up", {"plan": "gold"})  # protocol-kit: ignore[EV006, ev005]
