// The papers table: filters by category (sub-categories included), venue, year and "has code" without a
// reload, and sorting by title, category, venue or year. The same rules as the server's (BrowseServlet.keeps,
// PaperRows.sorted), which applies them when JavaScript is off. The URL follows the filters and the sort
// (?sort=COLUMN, -COLUMN for descending), so a filtered, sorted view can be shared.
(function () {
  "use strict";
  const form = document.getElementById("paper-filters");
  const table = document.getElementById("papers");
  if (!form || !table) return;
  const tbody = table.tBodies[0];
  const count = document.getElementById("paper-count");
  const total = tbody.rows.length;
  let sort = table.dataset.sort || "";

  function keeps(row, f) {
    const d = row.dataset;
    return (!f.category || d.category.split(" ").includes(f.category))
      && (!f.venue || d.venue === f.venue)
      && (!f.year || d.year === f.year)
      && (!f.code || d.code === "yes")
      && (!f.survey || (d.surveys || "").split(" ").includes(f.survey))
      && d.searched !== "no";
  }

  function filters() {
    const data = new FormData(form);
    return { category: data.get("category") || "", venue: data.get("venue") || "",
             year: data.get("year") || "", code: data.get("code") || "",
             survey: data.get("survey") || "", q: data.get("q") || "",
             // an older version the page shows (version-field.peb): kept in the address and the export links
             version: data.get("version") || "" };
  }

  function remember() {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(filters())) if (v) params.set(k, v);
    if (sort) params.set("sort", sort);
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    const hidden = form.querySelector("input[name=sort]");
    if (hidden) hidden.value = sort;
  }

  function apply() {
    const f = filters();
    let shown = 0;
    for (const row of tbody.rows) {
      const keep = keeps(row, f);
      row.hidden = !keep;
      if (keep) shown++;
    }
    count.textContent = "Showing " + shown + " of " + total + " papers";
    remember();
    // the export links give the rows shown: the same parameters
    const query = new URLSearchParams(Object.entries(f).filter(([, v]) => v)).toString();
    for (const a of document.querySelectorAll(".formats a")) {
      const url = new URL(a.href);
      url.search = query;
      a.href = url.toString();
    }
  }

  form.addEventListener("change", apply);
  form.addEventListener("submit", e => { e.preventDefault(); apply(); });

  // Sorting: each header with a data-sort becomes a button; a second press reverses the order.
  const headers = Array.from(table.tHead.rows[0].cells);
  headers.forEach((th, index) => {
    const column = th.dataset.sort;
    if (!column) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    if (!th.hasAttribute("aria-sort")) th.setAttribute("aria-sort", "none");
    button.addEventListener("click", () => {
      const ascending = th.getAttribute("aria-sort") !== "ascending";
      headers.forEach(h => { if (h.dataset.sort) h.setAttribute("aria-sort", "none"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const key = row => row.cells[index].textContent.trim();
      const numeric = column === "year";
      const rows = Array.from(tbody.rows);
      rows.sort((a, b) => {
        const x = key(a), y = key(b);
        if (!x || !y) return (!x) - (!y); // rows without the value last
        const c = numeric ? Number(x) - Number(y) : x.localeCompare(y, "en", { sensitivity: "base" });
        return ascending ? c : -c;
      });
      rows.forEach(r => tbody.appendChild(r));
      sort = (ascending ? "" : "-") + column;
      remember();
    });
  });
})();
