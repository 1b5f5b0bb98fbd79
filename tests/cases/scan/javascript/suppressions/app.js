analytics.track("Signed Up", { plan: "pro", referrer: "ad" }); // protocol-kit: ignore[EV005]
analytics.track("Legacy Event"); // protocol-kit: ignore[EV002,PL101]
analytics.track("Signed Up", { plan: "pro" }); // protocol-kit: ignore[EV005]
analytics.track("Order Completed", { // protocol-kit: ignore[EV003]
  order_id: "o-1",
  coupon: "SPRING", // protocol-kit: ignore[EV005]
  currency: "GBP",
});
analytics.track("Order Completed", {
  order_id: "o-2", // protocol-kit: ignore[EV003]
});
// protocol-kit: ignore[XX999]
analytics.track("Signed Up", { plan: "pro", via: "x" }); // protocol-kit: ignore[EV]
