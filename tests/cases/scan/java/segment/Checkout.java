package com.example.shop;

import com.segment.analytics.Analytics;
import com.segment.analytics.Properties;

public class Checkout {
    static final String SIGNED_UP = "Signed Up";

    enum TrackingEvent {
        ORDER_COMPLETED("Order Completed");
        TrackingEvent(String name) {}
    }

    void paid(Order order) {
        Properties properties = new Properties();
        properties.put("order_id", order.getId());
        properties.putValue("total", "12.00");
        Analytics.with(context).track("Order Completed", properties);

        Analytics.with(context).track(SIGNED_UP, new Properties().putValue("plan", "gold").putValue("seats", 2));
        analytics.track("Product Viewd", Map.of("product_id", "p"));
        analytics.track("Step " + order.getStep() + " Completed");

        Map<String, Object> traits = new HashMap<>();
        traits.put("plan", "pro");
        analytics.identify(order.getUserId(), traits);
    }

    void trackStep(String name, Properties properties) {
        analytics.track(name, properties);
    }
}

class Late {
    void send() {
        Properties late = new Properties();
        analytics.track("Signed Up", late);
        late.put("plan", "gold");
    }
}
