"use strict";
(function () {
  const table = document.getElementById("digest-table");
  if (!table) return;
  const body = table.tBodies[0];
  const filter = document.getElementById("filter");
  const severity = document.getElementById("severity");
  const shown = document.getElementById("shown");

  function sortBy(th) {
    const index = th.cellIndex;
    const numeric = th.dataset.type === "num";
    const ascending = th.getAttribute("aria-sort") !== "ascending";
    for (const other of table.tHead.rows[0].cells) other.removeAttribute("aria-sort");
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const rows = Array.from(body.rows);
    rows.sort(function (a, b) {
      const x = a.cells[index].textContent, y = b.cells[index].textContent;
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
  }

  function applyFilter() {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const level = severity.value;
    let visible = 0;
    for (const row of body.rows) {
      const text = row.textContent.toLowerCase();
      const show = (!level || row.dataset.severity === level) && words.every(function (w) { return text.includes(w); });
      row.hidden = !show;
      if (show) visible += 1;
    }
    shown.textContent = visible + " of " + body.rows.length + " rows";
  }

  for (const th of table.tHead.rows[0].cells) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(th); });
  }
  filter.addEventListener("input", applyFilter);
  severity.addEventListener("change", applyFilter);
  applyFilter();
})();
