import { AnalyticsBrowser } from "@segment/analytics-next";

const analytics = AnalyticsBrowser.load({ writeKey: "KEY" });

export function signIn(): void {
  analytics.identify("user-1", { plan: "gold", seats: "5", compnay_name: "Acme" });
}
