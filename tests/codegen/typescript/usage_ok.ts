// Calls of the generated ecommerce client that must compile under `tsc --strict`.
import { Analytics } from "@segment/analytics-node";
import {
  browserClient, createTracker, orderRefunded, posthogClient, PLAN, TrackingPlanViolationError,
  type OrderCompletedProperties, type Violation,
} from "./analytics";

const analytics = new Analytics({ writeKey: "write-key", host: "http://127.0.0.1:9" });
const seen: Violation[] = [];
const tracker = createTracker(analytics, { onViolation: (violations) => { seen.push(...violations); } });

const order: OrderCompletedProperties = {
  order_id: "o-1", total: 30, currency: "EUR", coupon: null,
  products: [{ product_id: "p-1", quantity: 2, price: 15 }],
};
tracker.orderCompleted(order, { userId: "u-1", context: { locale: "en-US", app: { name: "web" }, ip: "::1" } });
tracker.productsSearched({ query: "shoes" }, { anonymousId: "a-1", timestamp: new Date() });
tracker.productListViewed({ list_id: "l-1" }, { userId: "u-1" });
tracker.orderCancelled({ order_id: "o-1" }, { userId: "u-1" });
tracker.identify({ email: "someone@example.com", plan: "plus" }, { userId: "u-1" });
orderRefunded({ order_id: "o-1", reason: "damaged" }, { userId: "u-1" }); // the module's functions use the last tracker

createTracker(browserClient({ track: () => undefined })).cartViewed({ cart_id: "c-1" });
createTracker(posthogClient({ capture: () => undefined })).couponApplied({ order_id: "o-1", coupon_id: "c" });
const error: TrackingPlanViolationError | undefined = undefined;
export const facts = [PLAN.name, PLAN.version, PLAN.digest, seen.length, error];
