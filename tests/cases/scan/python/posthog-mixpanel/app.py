from mixpanel import Mixpanel
from posthog import Posthog

mixpanel = Mixpanel("TOKEN")
posthog = Posthog("KEY", host="https://eu.posthog.com")

mixpanel.track(distinct_id, "Product Viewed", {"product_id": "p-1", "price": True})
posthog.capture("Signed Up", distinct_id=distinct_id, properties={"plan": "free"})
posthog.capture("Order Completed", distinct_id=distinct_id)
posthog.capture(distinct_id, "order_completed", {"order_id": "o", "total": 1})


class Checkout:
    def __init__(self, analytics):
        self.analytics = analytics

    def done(self, order):
        self.analytics.track(order.user_id, "Order Completed", {"order_id": order.id, "total": order.total})
