import { trackStructEvent, trackSelfDescribingEvent } from "@snowplow/browser-tracker";

analyticsService.track("Signed Up", userId, { plan: "pro" });
this.analyticsService.trackEvent("Order Complete", userId, { order_id: "o", total: 1 });
tracker.send(ctx.user, { event: "Product Viewed", properties: { product_id: "p" } });
tracker.send(ctx.user, payload);
trackStructEvent({ category: "shop", action: "Newsletter Joined", label: "footer" });
trackSelfDescribingEvent({ event: { schema: "iglu:com.shop/order_refunded/jsonschema/1-0-0", data: { id: 1 } } });
segment.track("Signed Up", { plan: "free" });
posthog?.capture("Signed Up", { plan: "free" });
posthog()?.capture("Signd Up");
analytics().track("Order Completed", { order_id: "o", total: 2 });
