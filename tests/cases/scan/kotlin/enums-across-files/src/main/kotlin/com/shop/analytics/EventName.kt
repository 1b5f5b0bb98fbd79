package com.shop.analytics

enum class EventName(val eventName: String) {
    SIGNED_UP("Signed Up"),
    PRODUCT_VIEWED(eventName = "Product Viewd"),
}

object Events {
    const val ORDER_COMPLETED = "Order Completed"
}

class Tracker {
    companion object {
        const val NEWSLETTER = "Newsletter Joined"
    }
}
