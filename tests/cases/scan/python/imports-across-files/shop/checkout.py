import analytics

import shop.analytics.events as ev
from shop.analytics import SIGNED_UP, Events
from shop.analytics.events import NEWSLETTER
from .analytics import events
from third_party.names import PARTNER_EVENT


def sign_up(user_id):
    analytics.track(user_id, SIGNED_UP, {"plan": "pro"})


def pay(user_id, order):
    analytics.track(user_id, Events.ORDER_COMPLETED.value, {"order_id": order.id, "total": order.total})
    analytics.track(user_id, events.Events.PRODUCT_VIEWED, {"product_id": order.product_id})
    analytics.track(user_id, ev.NEWSLETTER)
    analytics.track(user_id, NEWSLETTER)


def partner(user_id):
    analytics.track(user_id, PARTNER_EVENT)


def capture_event(user_id, name, properties):
    analytics.track(user_id, name, properties)


def step(user_id, done):
    label = "Signed Up"
    if done:
        label = "Order Completed"
    analytics.track(user_id, label, {"plan": "free", "order_id": "o", "total": 1})
