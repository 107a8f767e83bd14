// The charts page: each <figure data-chart=KIND data-query=SPARQL> is drawn with ECharts (vendored) from the
// answer of its query on this server's endpoint, and gets the same numbers as a table and as a text alternative.
// Kinds: "pivot" (columns x, series, value: stacked bars), "columns" (column x, then one bar series per numeric
// column, stacked), "columns-log" (the same on a logarithmic value axis).
(function () {
  "use strict";
  // the endpoint's path comes from the page (<body data-sparql>, written from Endpoints.java by layout.peb)
  const endpoint = new URL(document.body.dataset.sparql, window.location.href).toString();
  const NUMERIC = /#(integer|decimal|double|float|long|int|nonNegativeInteger|positiveInteger)$/;

  function value(term) {
    if (!term) return null;
    return term.datatype && NUMERIC.test(term.datatype) ? Number(term.value) : term.value;
  }

  // "codeNotPublic" -> "code not public"
  function words(name) {
    return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  }

  function table(vars, rows) {
    const t = document.createElement("table");
    const head = t.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.scope = "col";
      th.textContent = words(v);
      head.appendChild(th);
    }
    const body = t.createTBody();
    for (const row of rows) {
      const tr = body.insertRow();
      for (const v of vars) {
        const td = tr.insertCell();
        const x = value(row[v]);
        td.textContent = x === null ? "" : String(x);
        if (typeof x === "number") td.className = "num";
      }
    }
    return t;
  }

  // The chart's categories (x axis) and series ({name, data}) from the answer.
  function shape(kind, vars, rows) {
    if (kind === "pivot") {
      const [xv, sv, vv] = vars;
      const xs = [], names = [];
      for (const r of rows) {
        if (!xs.includes(r[xv].value)) xs.push(r[xv].value);
        if (!names.includes(r[sv].value)) names.push(r[sv].value);
      }
      const series = names.map(n => ({ name: n, data: xs.map(x => {
        const r = rows.find(r => r[xv].value === x && r[sv].value === n);
        return r ? value(r[vv]) : 0;
      }) }));
      return { xs: xs, series: series };
    }
    const xv = vars[0];
    const numeric = vars.slice(1).filter(v => rows.length > 0 && rows.every(r => typeof value(r[v]) === "number"));
    return { xs: rows.map(r => r[xv].value), series: numeric.map(v => ({ name: words(v), data: rows.map(r => value(r[v])) })) };
  }

  function summary(title, s) {
    const parts = s.series.map(ser => (s.series.length > 1 ? ser.name + ": " : "")
      + s.xs.map((x, i) => x + " " + ser.data[i]).join(", "));
    return title + ". " + parts.join("; ") + ".";
  }

  function draw(figure) {
    const kind = figure.dataset.chart;
    const title = figure.querySelector("h2").textContent;
    const canvas = figure.querySelector(".chart-canvas");
    return fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
      body: new URLSearchParams({ query: figure.dataset.query })
    }).then(r => {
      if (!r.ok) throw new Error("the query answered HTTP " + r.status);
      return r.json();
    }).then(json => {
      const vars = json.head.vars, rows = json.results.bindings;
      figure.querySelector(".chart-table").appendChild(table(vars, rows));
      const s = shape(kind, vars, rows);
      const log = kind === "columns-log";
      const stacked = s.series.length > 1;
      const chart = echarts.init(canvas, null, { renderer: "svg" });
      chart.setOption({
        animation: false,
        aria: { enabled: false }, // the container's own aria-label (below) describes the chart
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: stacked ? { top: 0, type: "scroll" } : undefined,
        grid: { left: 70, right: 20, top: stacked ? 40 : 20, bottom: 90 },
        xAxis: { type: "category", data: s.xs, axisLabel: { interval: 0, rotate: s.xs.length > 6 ? 35 : 0, color: "#24292f" } },
        yAxis: log ? { type: "log", logBase: 10, axisLabel: { color: "#24292f" } } : { type: "value", minInterval: 1, axisLabel: { color: "#24292f" } },
        series: s.series.map(ser => ({ name: ser.name, type: "bar", stack: stacked ? "all" : undefined, data: ser.data }))
      });
      window.addEventListener("resize", () => chart.resize());
      canvas.setAttribute("aria-label", summary(title, s));
      figure.dataset.series = String(s.series.length);
      figure.dataset.drawn = "true";
    }).catch(e => {
      canvas.setAttribute("aria-label", title + ": not drawn (" + e.message + ")");
      canvas.textContent = "This chart could not be drawn: " + e.message;
      figure.dataset.drawn = "error";
    });
  }

  const figures = Array.from(document.querySelectorAll("figure[data-chart]"));
  Promise.all(figures.map(draw)).then(() => { document.body.dataset.charts = String(figures.length); });
})();
