import styled from "styled-components";

const Box = styled.div<{ active: boolean }>`
  color: ${(p) => (p.active ? "red" : "blue")};
`;

export function Banner() {
  return (
    <a href="/terms?tab=a&lang=en" onClick={() => analytics.track("Newsletter Joined", { source: "banner" })}>
      Terms &amp; conditions
    </a>
  );
}
