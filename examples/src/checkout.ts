// Checkout instrumentation of the example web shop.
import { analytics } from "./analytics";

export const EVENTS = {
  CART_VIEWED: "Cart Viewed",
  ORDER_COMPLETED: "Order Completed",
} as const;

export function viewCart(cartId: string) {
  analytics.track(EVENTS.CART_VIEWED, { cart_id: cartId });
}

export function startCheckout(orderId: string, value: number) {
  analytics.track("Checkout Started", { order_id: orderId, value, currency: "USD" });
}

// Three mistakes the plan catches: a string total, a misspelled event name,
// and an email address the plan does not declare.
export function completeOrder(order: Order) {
  analytics.track(EVENTS.ORDER_COMPLETED, { order_id: order.id, total: "42.00", currency: "USD" });
}

export function search(query: string) {
  analytics.track("Product Searched", { query });
}

export function refund(order: Order) {
  analytics.track("Order Refunded", { order_id: order.id, reason: "damaged", email: order.email });
}
