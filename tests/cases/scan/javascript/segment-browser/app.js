// Segment analytics.js in the browser
analytics.track("Signed Up", { plan: "pro", seats: 3 });
analytics.track("Sign Up", { plan: "pro" });
window.analytics?.track("Order Completed", { order_id: "o-1", total: "12.50", coupon: "X" });
this.analytics.track("Product Viewed", { product_id: "p-1", price: 9.99 });
analytics.identify("user-1", { email: "a@example.com", plan: "enterprise" });
analytics.page("Pricing");
