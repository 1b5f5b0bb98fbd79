import analytics

analytics.write_key = "KEY"

analytics.track("user-1", "Signed Up", {"plan": "pro", "seats": 2})
analytics.track("user-1", "Signed Upp", {"plan": "pro"})
analytics.track(user_id="user-1", event="Order Completed", properties={"order_id": "o-1", "total": "10"})
analytics.track(user_id, "Product Viewed")
analytics.identify("user-1", {"email": "a@example.com", "plan": "gold"})
analytics.track("user-1", "Newsletter Joined", dict(source="footer", ip_address=ip))
