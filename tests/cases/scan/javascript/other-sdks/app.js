rudderanalytics.track("Signed Up", { plan: "free" });
mixpanel.track("Product Viewed", { product_id: "p-1", price: "cheap" });
amplitude.getInstance().logEvent("Order Completed", { order_id: "o-2", total: 3 });
amplitude.track("Signed Up");
posthog.capture("order completed", { order_id: "o-3", total: 4 });
tracker.track("Not Scanned");
