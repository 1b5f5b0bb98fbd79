import Foundation

enum AnalyticsEvent: String {
    case signedUp = "Signed Up"
    case productViewed = "Product Viewd"
    case newsletterJoined, orderCompleted = "Order Completed"
    case itemShared(String)
}

enum Screen {
    case home
}

struct Tracking {
    static let search = "Products Searched"
    enum Legacy: String { case viewed = "Legacy Viewed" }
}
