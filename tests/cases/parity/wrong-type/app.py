import analytics

analytics.track("user-1", "Order Completed", {
    "order_id": 1001,
    "total": "10.50",
    "discount": "none",
    "items": 2.5,
    "gift": "yes",
    "coupon": None,
})
