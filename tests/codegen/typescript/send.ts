// Sends conforming calls through @segment/analytics-node to the capture server named in argv,
// then a call that breaks the plan; prints what was passed and the violations as JSON.
import { Analytics } from "@segment/analytics-node";
import { createTracker, orderRefunded, TrackingPlanViolationError, type Violation } from "./analytics";

async function main(): Promise<void> {
  const analytics = new Analytics({ writeKey: "write-key", host: process.argv[2], flushAt: 1, maxRetries: 0 });
  const tracker = createTracker(analytics);
  const order = { order_id: "o-1", total: 30, currency: "EUR" as const, coupon: null,
    products: [{ product_id: "p-1", quantity: 2, price: 15 }] };
  tracker.orderCompleted(order, { userId: "u-1", context: { locale: "en-US" } });
  tracker.identify({ email: "someone@example.com", plan: "plus" }, { userId: "u-1" });
  orderRefunded({ order_id: "o-1", reason: "damaged" }, { userId: "u-1" });
  let violations: readonly Violation[] = [];
  try {
    tracker.orderCompleted({ order_id: "o-2", total: -1, currency: "EUR" }, { userId: "u-1", context: { locale: "english" } });
  } catch (error) {
    if (!(error instanceof TrackingPlanViolationError)) throw error;
    violations = error.violations;
  }
  await analytics.closeAndFlush();
  console.log(JSON.stringify({ sent: [order], violations }));
}

main().catch((error) => { console.error(error); process.exit(1); });
