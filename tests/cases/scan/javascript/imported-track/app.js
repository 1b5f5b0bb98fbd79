import { track, identify } from "@amplitude/analytics-browser";

track("Signed Up", { plan: "pro" });
track("Signed Upp", { plan: "pro" });
identify("u-1", { plan: "pro" });

function render(track) {
  // a local function that happens to be called track: not imported here
}
