const Analytics = require("analytics-node");
const analytics = new Analytics(process.env.WRITE_KEY);

analytics.track({ userId: "u-1", event: "Order Completed", properties: { order_id: "o-1", total: 20 } });
analytics.track({ userId: "u-1", event: "Order Completed", properties: { total: 20 } });
analytics.track({ anonymousId: "a-1", event: "Signd Up", properties: { plan: "pro" } });
