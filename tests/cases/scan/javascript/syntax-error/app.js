analytics.track("Signed Up", { plan: "gold" });
function broken( {
analytics.track("Product Viewed", { product_id: "p" });
