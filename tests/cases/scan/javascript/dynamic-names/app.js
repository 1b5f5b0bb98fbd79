analytics.track(`${step} Completed`, {});
analytics.track("Checkout " + step);
analytics.track(`Signed Up`, { plan: "free" });
analytics.track("Signed " + "Up", { plan: "free" });
analytics.track(isPaid ? "Order Completed" : "Order Failed", { order_id: "o-1", total: 1 });
analytics.track("Signed Up", { [dynamicKey]: 1, plan: "free" });
analytics.track(eventFromSomewhereElse, { anything: 1 });
