import analytics

analytics.track("user-1", "order_completed", {"order_id": "o-1", "total": 10.5})
