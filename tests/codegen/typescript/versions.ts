// Sends both versions of a versioned event through a recording client; prints what was sent and found.
import { createTracker, type Violation } from "./analytics";

const sent: object[] = [];
const found: Violation[] = [];
const tracker = createTracker({ track: (message) => { sent.push(message); } },
  { onViolation: (violations) => { found.push(...violations); } });
tracker.orderCompletedV1({ order_id: "o-1", total: 1, currency: "EUR" }, { userId: "u", context: { locale: "en-US" } });
tracker.orderCompletedV2({ order_id: "o-2", total: 1, currency: "EUR", channel: "web" }, { userId: "u" });
tracker.orderCompletedV2({ order_id: "o-3", total: 1, currency: "EUR" } as never, { userId: "u" });
console.log(JSON.stringify({ sent, found }));
