// The charts page: each <figure data-chart=KIND data-query=SPARQL data-click=PATH> is drawn with ECharts (vendored)
// from the answer of its query on this server's endpoint, and gets the same numbers as a table and as a text
// alternative. Kinds: "pivot" (columns x, series, value: stacked bars), "columns" (column x, then one bar series per
// numeric column, stacked), "columns-log" (the same on a logarithmic value axis: a tick per decade, labelled 1K, 1M,
// 1B). At most MAX_SERIES series: the smallest beyond that are summed as "other". Colours: Paul Tol's "muted"
// scheme (colour-blind safe), grey for "other". A click on a bar opens data-click with {variable} filled from the
// bar's row (variables named link* are for that only: neither charted nor tabled; an empty parameter is dropped).
(function () {
  "use strict";
  // the endpoint's path comes from the page (<body data-sparql>, written from Endpoints.java by layout.peb)
  const endpoint = new URL(document.body.dataset.sparql, window.location.href).toString();
  const NUMERIC = /#(integer|decimal|double|float|long|int|nonNegativeInteger|positiveInteger)$/;
  const MAX_SERIES = 10;
  const OTHER = "other";
  const PALETTE = ["#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499"];
  const OTHER_COLOUR = "#BBBBBB";
  // the survey's resources have pages here: https://w3id.org/vlm-survey/resource/X is /resource/X
  const RESOURCES = "https://w3id.org/vlm-survey/resource/";

  function value(term) {
    if (!term) return null;
    return term.datatype && NUMERIC.test(term.datatype) ? Number(term.value) : term.value;
  }

  // "codeNotPublic" -> "code not public"
  function words(name) {
    return name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  }

  // 1000 -> "1K", 1e6 -> "1M", 2.5e9 -> "2.5B"
  function human(n) {
    const units = [[1e12, "T"], [1e9, "B"], [1e6, "M"], [1e3, "K"]];
    for (const [size, unit] of units)
      if (Math.abs(n) >= size) return String(Number((n / size).toPrecision(3))) + unit;
    return String(n);
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

  function plain(row) {
    const o = {};
    for (const k in row) o[k] = row[k].value;
    return o;
  }

  // The chart's categories (x axis), series ({name, data}) and, per series and x, the row a click opens.
  function shape(kind, vars, rows) {
    if (kind === "pivot") {
      const [xv, sv, vv] = vars;
      const xs = [], names = [];
      for (const r of rows) {
        if (!xs.includes(r[xv].value)) xs.push(r[xv].value);
        if (!names.includes(r[sv].value)) names.push(r[sv].value);
      }
      const find = (x, n) => rows.find(r => r[xv].value === x && r[sv].value === n);
      let series = names.map(n => ({ name: n, data: xs.map(x => { const r = find(x, n); return r ? value(r[vv]) : 0; }),
        rows: xs.map(x => { const r = find(x, n); return r ? plain(r) : null; }) }));
      if (series.length > MAX_SERIES) {
        const total = s => s.data.reduce((a, b) => a + b, 0);
        series.sort((a, b) => total(b) - total(a));
        const kept = series.slice(0, MAX_SERIES - 1), rest = series.slice(MAX_SERIES - 1);
        kept.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
        kept.push({ name: OTHER, data: xs.map((x, i) => rest.reduce((a, s) => a + s.data[i], 0)),
          rows: xs.map(x => { const o = {}; o[xv] = x; return o; }) });
        series = kept;
      }
      return { xs: xs, series: series };
    }
    const xv = vars[0];
    const numeric = vars.slice(1).filter(v => rows.length > 0 && rows.every(r => typeof value(r[v]) === "number"));
    return { xs: rows.map(r => r[xv].value),
      series: numeric.map(v => ({ name: words(v), data: rows.map(r => value(r[v])), rows: rows.map(plain) })) };
  }

  // Where a click on a bar of this row leads: the template with {variable} filled; empty parameters dropped.
  function clickUrl(template, row) {
    const filled = template.replace(/\{(\w+)\}/g, (m, v) => {
      const x = row[v] === undefined ? "" : String(row[v]);
      return x.startsWith(RESOURCES) ? "/resource/" + x.substring(RESOURCES.length) : encodeURIComponent(x);
    });
    const url = new URL(filled, window.location.href);
    for (const k of Array.from(url.searchParams.keys())) if (!url.searchParams.get(k)) url.searchParams.delete(k);
    // an older version shown (<body data-version>, VersionLinks.carried): the papers of that version
    if (document.body.dataset.version) url.searchParams.set("version", document.body.dataset.version);
    return url.pathname + url.search;
  }

  function summary(title, s) {
    const parts = s.series.map(ser => (s.series.length > 1 ? ser.name + ": " : "")
      + s.xs.map((x, i) => x + " " + ser.data[i]).join(", "));
    return title + ". " + parts.join("; ") + ".";
  }

  // A log axis from the decade below the smallest value to the decade above the largest: a tick per decade.
  function logAxis(s) {
    const values = s.series.flatMap(ser => ser.data).filter(v => v > 0);
    const low = Math.floor(Math.log10(Math.min.apply(null, values)));
    const high = Math.ceil(Math.log10(Math.max.apply(null, values)));
    return { type: "log", logBase: 10, min: Math.pow(10, low), max: Math.pow(10, Math.max(high, low + 1)),
      splitNumber: Math.max(high - low, 1), axisLabel: { color: "#24292f", formatter: human } };
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
      const vars = json.head.vars.filter(v => !v.startsWith("link")), rows = json.results.bindings;
      figure.querySelector(".chart-table").appendChild(table(vars, rows));
      const s = shape(kind, vars, rows);
      const log = kind === "columns-log";
      const stacked = s.series.length > 1;
      const chart = echarts.init(canvas, null, { renderer: "svg" });
      chart.setOption({
        animation: false,
        aria: { enabled: false }, // the container's own aria-label (below) describes the chart
        color: PALETTE,
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: v => (log ? human(v) : String(v)) },
        legend: stacked ? { top: 0, type: "scroll" } : undefined,
        grid: { left: 70, right: 20, top: stacked ? 40 : 20, bottom: 90 },
        xAxis: { type: "category", data: s.xs, axisLabel: { interval: 0, rotate: s.xs.length > 6 ? 35 : 0, color: "#24292f" } },
        yAxis: log ? logAxis(s) : { type: "value", minInterval: 1, axisLabel: { color: "#24292f" } },
        series: s.series.map(ser => ({ name: ser.name, type: "bar", stack: stacked ? "all" : undefined, data: ser.data,
          cursor: "pointer", itemStyle: ser.name === OTHER ? { color: OTHER_COLOUR } : undefined }))
      });
      // a click anywhere in a bar's column: the bar under the pointer (the stacked series whose extent holds it)
      chart.getZr().on("click", e => {
        const at = [e.offsetX, e.offsetY];
        if (!chart.containPixel({ gridIndex: 0 }, at)) return;
        const [i, y] = chart.convertFromPixel({ seriesIndex: 0 }, at);
        if (i < 0 || i >= s.xs.length) return;
        let top = 0, hit = s.series.length - 1;
        if (!log) for (let k = 0; k < s.series.length; k++) {
          top += s.series[k].data[i] || 0;
          if (y <= top) { hit = k; break; }
        }
        const row = s.series[hit].rows[i];
        if (row) window.location.assign(clickUrl(figure.dataset.click, row));
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
