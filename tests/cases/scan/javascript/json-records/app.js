analytics.identify("u-1", { email: 12345678, plan: "gold" });
analytics.track("Order Completed", { order_id: 7, total: 9.5, currency: "JPY", "shipping/method": "air" });
