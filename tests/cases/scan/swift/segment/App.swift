import Segment

let signedUp = "Signed Up"

enum TrackingEvent: String {
    case orderCompleted = "Order Completed"
    case productViewd = "Product Viewd"
}

final class CheckoutViewController: UIViewController {
    func didPay(order: Order) {
        Analytics.shared().track(TrackingEvent.orderCompleted.rawValue, properties: ["order_id": order.id, "total": "\(order.total)"])
        analytics.track(name: signedUp, properties: ["plan": "pro", "seats": 1.5])
        analytics.track(name: TrackingEvent.productViewd.rawValue, properties: ["product_id": "p"])
        analytics.track(name: "Step \(step) Completed")
        Mixpanel.mainInstance().track(event: "Signed Up", properties: ["plan": "free", "campaign": "spring"])
        Tracker.shared.track(name: "Order Completed", properties: [:])
        UnknownTracker.shared.track(name: "Not Scanned")
    }

    func track(name: String) {
        analytics.track(name: name)
    }
}
