import analytics

analytics.track("user-1", "Checkout Started", {"currency": "usd", "step": 4, "channel": 7})
