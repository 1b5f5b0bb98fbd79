import analytics

analytics.track("user-1", "Order Completed",
                {"order_id": "o-1", "cupon": "SPRING", "Shipping Method": "post", "gift_wrap": True})
