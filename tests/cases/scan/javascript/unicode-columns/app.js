const héllo = "wörld — ✓"; analytics.track("Sign Up", { plan: "pro" });
/* 日本語 */ analytics.track("Signed Up", { plan: "ünïcödé" });
