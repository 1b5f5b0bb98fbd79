import { Events, Names, ORDER_COMPLETED } from "@/analytics";
import * as AllEvents from "./analytics/events";
import Defaults from "./analytics/events";
import { Unknown } from "some-package";
const { CART_VIEWED } = require("./lib/legacy");

analytics.track(Events.SIGNED_UP, { plan: "pro" });
analytics.track(AllEvents.Events.PRODUCT_VIEWED, { product_id: "p1" });
analytics.track(ORDER_COMPLETED, { order_id: "o1", total: 10 });
analytics.track(Names.joined);
analytics.track(Defaults.joined);
analytics.track(CART_VIEWED);
analytics.track(Unknown.NAME);

function first() {
  const eventName = "Signed Up";
  analytics.track(eventName, { plan: "free" });
}

function second() {
  const eventName = "Order Complete";
  analytics.track(eventName, { order_id: "o2", total: 1 });
}

function reassigned(paid: boolean) {
  let name = "Signed Up";
  if (paid) name = "Signed Upp";
  analytics.track(name, { plan: "pro" });
}

function wrapper(eventName: string, props: object) {
  analytics.track(eventName, props);
}
