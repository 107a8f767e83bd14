// The papers table: filters by category (sub-categories included), venue, year and "has code" without a
// reload, and sorting by any column. The same rules as the server's (BrowseServlet.keeps), which applies them
// when JavaScript is off. The URL follows the filters, so a filtered view can be shared.
(function () {
  "use strict";
  const form = document.getElementById("paper-filters");
  const table = document.getElementById("papers");
  if (!form || !table) return;
  const tbody = table.tBodies[0];
  const count = document.getElementById("paper-count");
  const total = tbody.rows.length;

  function keeps(row, f) {
    const d = row.dataset;
    return (!f.category || d.category.split(" ").includes(f.category))
      && (!f.venue || d.venue === f.venue)
      && (!f.year || d.year === f.year)
      && (!f.code || d.code === "yes")
      && (!f.survey || (d.surveys || "").split(" ").includes(f.survey))
      && d.searched !== "no";
  }

  function apply() {
    const data = new FormData(form);
    const f = { category: data.get("category") || "", venue: data.get("venue") || "",
                year: data.get("year") || "", code: data.get("code") || "",
                survey: data.get("survey") || "", q: data.get("q") || "" };
    let shown = 0;
    for (const row of tbody.rows) {
      const keep = keeps(row, f);
      row.hidden = !keep;
      if (keep) shown++;
    }
    count.textContent = "Showing " + shown + " of " + total + " papers";
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(f)) if (v) params.set(k, v);
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    // the export links give the rows shown: the same parameters
    for (const a of document.querySelectorAll(".formats a")) {
      const url = new URL(a.href);
      url.search = query;
      a.href = url.toString();
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", e => { e.preventDefault(); apply(); });

  // Sorting: each header with a data-sort-type becomes a button; a second press reverses the order.
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const type = th.dataset.sortType;
    if (!type) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    th.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(h => { if (h.dataset.sortType) h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = row => row.cells[index].textContent.trim();
      const rows = Array.from(tbody.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        const c = type === "number" ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y, "en", { sensitivity: "base" });
        return ascending ? c : -c;
      });
      rows.forEach(r => tbody.appendChild(r));
    });
  });
})();
