package com.shop.ui;

import com.shop.Analytics;
import com.shop.EventName;
import static com.shop.EventName.NEWSLETTER_JOINED;

class Tracking implements Analytics {
    void signUp() {
        analytics.track(Events.SIGNED_UP, new Properties().putValue("plan", "pro"));
        analytics.track(Analytics.Events.PRODUCT_VIEWED, new Properties().putValue("product_id", "p"));
    }

    void pay() {
        analytics.track(EventName.ORDER_COMPLETED.getEventName(),
                new Properties().putValue("order_id", "o").putValue("total", 1.5));
        analytics.track(NEWSLETTER_JOINED.getEventName());
        analytics.track(EventName.ORDER_COMPLETED.name());
    }

    void forward(String eventName) {
        analytics.track(eventName);
    }
}
