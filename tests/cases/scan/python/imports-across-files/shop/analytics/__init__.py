from .events import SIGNED_UP, Events  # re-exported for "from shop.analytics import ..."
