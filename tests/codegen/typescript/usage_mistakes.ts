// Planted mistakes: each line marked below must fail `tsc --strict` with the error named.
import { createTracker } from "./analytics";

const tracker = createTracker({ track: () => undefined });
tracker.orderCompleted({ order_id: "o-1", total: 30, currency: "EUR", cupon: "SPRING" }); // misspelled property
tracker.orderCompleted({ order_id: "o-1", total: 30, currency: "YEN" }); // wrong enum value
tracker.orderCompleted({ order_id: "o-1", currency: "EUR" }); // missing required property
