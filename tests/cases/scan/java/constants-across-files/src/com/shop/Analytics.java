package com.shop;

public interface Analytics {
    interface Events {
        String SIGNED_UP = "Signed Up";
        String PRODUCT_VIEWED = "Product Viewd";
    }
}
