require "segment/analytics"

module Events
  SIGNED_UP = "Signed Up"
end

Analytics = Segment::Analytics.new(write_key: ENV["SEGMENT_WRITE_KEY"])

Analytics.track(user_id: user.id, event: Events::SIGNED_UP, properties: { plan: "pro", seats: 2 })
Analytics.track(user_id: user.id, event: "Order Completed", properties: { order_id: "o-1", "total" => "10" })
Analytics.track(user_id: user.id, event: "Signed #{kind}")
analytics.track({ user_id: user.id, event: "Product Viewd", properties: { product_id: "p" } })
Analytics.identify(user_id: user.id, traits: { email: user.email, plan: :gold })
