"""The shop, tracking with amplitude-analytics."""
from amplitude import Amplitude, BaseEvent, Config

client = Amplitude("amp-shop", configuration=Config(server_url="http://127.0.0.1:9/2/httpapi"))


def search(query, *, field="query"):
    client.track(BaseEvent(event_type="Products Searched", user_id="u-1", event_properties={field: query}))


def checkout(order_id, total):
    client.track(BaseEvent(event_type="Order Completed", user_id="u-1",
                           event_properties={"order_id": order_id, "total": total}))
