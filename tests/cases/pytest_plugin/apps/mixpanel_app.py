"""The shop, tracking with mixpanel."""
from mixpanel import Consumer, Mixpanel

client = Mixpanel("mp-shop", consumer=Consumer(api_host="127.0.0.1:9"))


def search(query, *, field="query"):
    client.track("u-1", "Products Searched", {field: query})


def checkout(order_id, total):
    client.track("u-1", "Order Completed", {"order_id": order_id, "total": total})
