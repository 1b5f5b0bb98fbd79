"""The shop, tracking with posthog."""
from posthog import Posthog

client = Posthog("phc_shop", host="http://127.0.0.1:9", enable_local_evaluation=False, disable_geoip=True,
                 enable_exception_autocapture=False)


def search(query, *, field="query"):
    client.capture("Products Searched", distinct_id="u-1", properties={field: query})


def checkout(order_id, total):
    client.capture("Order Completed", distinct_id="u-1", properties={"order_id": order_id, "total": total})
