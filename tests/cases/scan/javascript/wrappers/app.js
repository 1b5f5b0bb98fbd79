import { EVENTS } from "./events";

export function trackEvent(name, properties) {
  analytics.track(name, properties);
}

const trackClick = (eventName) => analytics.track(eventName, { source: "button" });

trackEvent("Signed Up", { plan: "pro" });
trackEvent("Signed Upp", { plan: "pro" });
trackEvent(EVENTS.SIGNUP, { plan: "pro" });
utils.trackEvent("Newsletter Joined", { source: "footer", campaign: "spring" });
