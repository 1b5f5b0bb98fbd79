module Shop
  class Checkout
    def sign_up(user)
      Analytics.track(user_id: user.id, event: Shop::Events::SIGNED_UP, properties: { plan: "pro" })
    end

    def pay(user, order)
      Analytics.track(user_id: user.id, event: Events::ORDER_COMPLETED,
                      properties: { order_id: order.id, total: order.total })
    end

    def forward(user, name)
      Analytics.track(user_id: user.id, event: name)
    end
  end
end
