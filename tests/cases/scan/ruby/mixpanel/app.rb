require "mixpanel-ruby"

class Checkout
  def initialize
    @mixpanel = Mixpanel::Tracker.new(ENV["MIXPANEL_TOKEN"])
  end

  def completed(order)
    @mixpanel.track(order.user_id, "Order Completed", { "order_id" => order.id, "total" => order.total })
    @mixpanel.track(order.user_id, "Order Complete", { "order_id" => order.id })
  end

  def track_step(name, props)
    @mixpanel.track(current_user.id, name, props)
  end
end
