import Foundation

final class CheckoutView {
    func onAppear() {
        ()
        let handler = { [] in print("ready") }
        handler()
        Analytics.track(.signedUp, properties: ["plan": "pro"])
        Analytics.track(.productViewed, properties: ["product_id": "p1"])
        Analytics.track(.newsletterJoined)
        Analytics.shared.track(AnalyticsEvent.orderCompleted.rawValue, properties: ["order_id": "o1", "total": 9.5])
        Analytics.track(Tracking.search)
        Analytics.track(Tracking.Legacy.viewed.rawValue)
        Analytics.track(.itemShared)
        Analytics.track(.home)
    }

    func send(_ event: String) {
        analytics.track(name: event)
    }
}
