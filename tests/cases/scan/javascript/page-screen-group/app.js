analytics.page("Docs", "Getting Started", { path: "/docs/start" });
analytics.page("Pricing", { referrer: document.referrer });
analytics.screen("Home", { screen_class: 42 });
analytics.group("acme", { plan: "team", seats: 12 });
analytics.group("globex", { plan: "free", seats: "many" });
analytics.group("initech", groupTraits);
