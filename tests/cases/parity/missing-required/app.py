import analytics

analytics.track(user_id="user-1", event="Product Added", properties={"product_id": "p-1", "price": 3})
