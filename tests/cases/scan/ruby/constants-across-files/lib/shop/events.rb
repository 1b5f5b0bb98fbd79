module Shop
  module Events
    SIGNED_UP = "Signed Up".freeze
    ORDER_COMPLETED = "Order Complete"
  end
end
