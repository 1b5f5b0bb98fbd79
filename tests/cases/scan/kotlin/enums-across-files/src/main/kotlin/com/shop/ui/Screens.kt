package com.shop.ui

import com.shop.analytics.EventName
import com.shop.analytics.EventName.SIGNED_UP
import com.shop.analytics.Events
import com.shop.analytics.Tracker
import com.shop.analytics.CART_VIEWED as CART

class Screens(private val analytics: Analytics) {
    fun signUp() {
        analytics.track(SIGNED_UP.eventName, mapOf("plan" to "pro"))
    }

    fun view() {
        analytics.track(EventName.PRODUCT_VIEWED.eventName, mapOf("product_id" to "p1"))
        analytics.track(EventName.PRODUCT_VIEWED.name)
    }

    fun pay() {
        analytics.track(Events.ORDER_COMPLETED, mapOf("order_id" to "o1", "total" to 1.0))
        analytics.track(Tracker.NEWSLETTER)
        analytics.track(CART)
    }

    fun forward(event: String) {
        analytics.track(event)
    }
}
