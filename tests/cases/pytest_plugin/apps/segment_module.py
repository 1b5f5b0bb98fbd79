"""The shop, tracking with segment-analytics-python's module-level API."""
import segment.analytics as analytics

analytics.write_key = "wk-shop"


def search(query, *, field="query"):
    analytics.track("u-1", "Products Searched", {field: query})


def checkout(order_id, total):
    analytics.track("u-1", "Order Completed", {"order_id": order_id, "total": total})
