"""The shop, tracking with rudder-sdk-python."""
from rudderstack.analytics import Client

client = Client("wk-shop", host="http://127.0.0.1:9")


def search(query, *, field="query"):
    client.track("u-1", "Products Searched", {field: query})


def checkout(order_id, total):
    client.track("u-1", "Order Completed", {"order_id": order_id, "total": total})
