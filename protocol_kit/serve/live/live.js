// The live page: reads /pk/live every second and redraws the tables. Every value is set as text, never as HTML.
"use strict";
(function () {
  const INTERVAL = 1000;

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text === null || text === undefined ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function fill(tbodySelector, items, draw) {
    const body = document.querySelector(tbodySelector + " tbody");
    const rows = items.map(function (item) { const tr = document.createElement("tr"); draw(tr, item); return tr; });
    body.replaceChildren.apply(body, rows);
  }

  function violations(td, list) {
    if (!list.length) { td.textContent = "none"; return; }
    const ul = document.createElement("ul");
    list.forEach(function (v) {
      const li = document.createElement("li");
      li.textContent = v.code + " " + (v.path || "/") + ": " + v.message;
      ul.appendChild(li);
    });
    td.appendChild(ul);
  }

  function draw(state) {
    document.getElementById("plan").textContent = state.plan;
    const s = state.summary;
    document.getElementById("total").textContent = s.total;
    document.getElementById("valid").textContent = s.valid;
    document.getElementById("invalid").textContent = s.invalid;
    document.getElementById("rejected").textContent = s.rejected_requests;
    fill("#digest", state.digest, function (tr, row) {
      [row.event, row.code, row.path || "/", row.count, row.message].forEach(function (t) { cell(tr, t); });
    });
    fill("#latest", state.latest, function (tr, e) {
      tr.className = e.valid ? "valid" : "invalid";
      [e.received_at, e.event, e.format, e.user, e.test_id, e.message_id].forEach(function (t) { cell(tr, t); });
      violations(cell(tr, ""), e.violations);
    });
    document.getElementById("status").textContent = "updated " + new Date().toLocaleTimeString();
  }

  function refresh() {
    fetch("/pk/live", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(draw)
      .catch(function () { document.getElementById("status").textContent = "collector not reachable"; })
      .finally(function () { setTimeout(refresh, INTERVAL); });
  }

  refresh();
})();
