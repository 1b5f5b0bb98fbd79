package com.example.shop

import com.segment.analytics.kotlin.core.Analytics

object Events {
    const val SIGNED_UP = "Signed Up"
    const val ORDER_COMPLETED = "Order Completed"
}

class Checkout(private val analytics: Analytics) {
    fun paid(order: Order) {
        analytics.track(Events.ORDER_COMPLETED, mapOf("order_id" to order.id, "total" to "12"))
        analytics.track(name = Events.SIGNED_UP, properties = mapOf("plan" to "gold", "seats" to 2))
        analytics.track("Product Viewd", mapOf("product_id" to "p"))
        analytics.track("Step ${order.step} Completed")
        analytics.track("Signed Up", hashMapOf("plan" to "pro", "referrer" to "ad"))
    }

    fun trackStep(name: String) = analytics.track(name)
}
