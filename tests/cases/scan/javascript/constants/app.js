const EVENTS = {
  SIGNED_UP: "Signed Up",
  ORDER: "Order Completed",
  TYPO: "Product Veiwed",
};
const PLAN_PRO = "pro";
const BASE = { plan: PLAN_PRO };

analytics.track(EVENTS.SIGNED_UP, { plan: PLAN_PRO });
analytics.track(EVENTS["ORDER"], { order_id: "o-1", total: 1 });
analytics.track(EVENTS.TYPO, { product_id: "p-1" });
analytics.track(EVENTS.SIGNED_UP, { ...BASE, seats: 2 });
analytics.track(EVENTS.SIGNED_UP, { ...unknownDefaults, seats: "2" });
