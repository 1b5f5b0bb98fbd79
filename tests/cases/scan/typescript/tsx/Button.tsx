import React from "react";

export const SignUpButton = ({ plan }: { plan: string }) => (
  <button onClick={() => analytics.track("Signed Up", { plan, seats: "one" })}>
    Sign up — ünïcödé label
  </button>
);
export const Promo = () => <a onClick={() => analytics.track("Promo Clicked")}>Promo</a>;
