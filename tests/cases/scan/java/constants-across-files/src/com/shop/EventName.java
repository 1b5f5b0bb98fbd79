package com.shop;

public enum EventName {
    ORDER_COMPLETED("Order Completed"),
    NEWSLETTER_JOINED("Newsletter Joined");

    private final String eventName;

    EventName(String eventName) {
        this.eventName = eventName;
    }

    public String getEventName() {
        return eventName;
    }
}
