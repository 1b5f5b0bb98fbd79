from enum import Enum

SIGNED_UP = "Signed Up"
NEWSLETTER = "Newsletter Joind"


class Events(str, Enum):
    ORDER_COMPLETED = "Order Completed"
    PRODUCT_VIEWED = "Product Viewed"
