enum TrackingEvent {
  SignedUp = "Signed Up",
  OrderCompleted = "Order Completed",
}
const Plans = { Pro: "pro", Gold: "gold" } as const;

export class Checkout {
  constructor(private analytics: AnalyticsBrowser) {}

  done(orderId: string): void {
    this.analytics.track(TrackingEvent.OrderCompleted, { order_id: orderId, total: 10 as number });
    this.analytics.track(TrackingEvent.SignedUp, { plan: Plans.Gold });
  }
}
