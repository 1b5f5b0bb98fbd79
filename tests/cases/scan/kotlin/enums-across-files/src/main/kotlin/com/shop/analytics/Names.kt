package com.shop.analytics

const val CART_VIEWED = "Cart Viewed"
