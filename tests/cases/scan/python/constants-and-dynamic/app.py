from enum import Enum

SIGNED_UP = "Signed Up"
PRO = "pro"


class Events(str, Enum):
    ORDER_COMPLETED = "Order Completed"
    PRODUCT_VIEWD = "Product Viewd"


analytics.track(uid, SIGNED_UP, {"plan": PRO})
analytics.track(uid, Events.ORDER_COMPLETED, {"order_id": "o", "total": 1.5})
analytics.track(uid, Events.PRODUCT_VIEWD.value, {"product_id": "p"})
analytics.track(uid, f"{step} Completed")
analytics.track(uid, "Checkout %s" % step)
analytics.track(uid, "Checkout {}".format(step))
analytics.track(uid, "Signed Up" if paid else "Signed Out", {"plan": "free", **extra})
analytics.track(uid, f"Signed Up", {"plan": "pro"})  # an f-string without placeholders is a literal


def track_event(name, properties=None):
    analytics.track(current_user(), name, properties)  # protocol-kit: ignore[SC001]
