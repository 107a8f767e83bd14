// The query page: one YASGUI editor on this server's endpoint, and a menu of the bundled example queries.
// - A shared link (/#query=..., YASGUI's share button) fills the editor; the first example only when there is none.
// - Autocompletion (prefixes, properties, classes) uses /vocabulary.json from this server: nothing asks another host.
// - Result IRIs of the survey link to this server's pages and show their label; numbers show as plain values.
(function () {
  "use strict";
  // the endpoint's path comes from the page (<body data-sparql>, written from Endpoints.java by layout.peb)
  const endpoint = new URL(document.body.dataset.sparql, window.location.href).toString();
  // YASGUI reads (and then clears) the shared query from the URL when it starts: note whether there was one.
  const shared = /(^|[#?&])query=/.test(window.location.hash) || /[?&]query=/.test(window.location.search);
  const NUMERIC = /#(integer|decimal|double|float|long|int|short|byte|nonNegativeInteger|positiveInteger|negativeInteger|nonPositiveInteger|unsignedLong|unsignedInt|unsignedShort|unsignedByte|gYear)$/;
  const labels = new Map();

  function esc(s) {
    return String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c]));
  }

  function prefixDeclarations(prefixes) {
    return Object.keys(prefixes).map(p => "PREFIX " + p + ": <" + prefixes[p] + ">").join("\n");
  }

  function configureEditor(vocabulary) {
    const Yasqe = Yasgui.Yasqe;
    const prefixList = Object.keys(vocabulary.prefixes).sort()
      .map(p => p + ": <" + vocabulary.prefixes[p] + ">");
    // Local lists instead of prefix.cc and the Linked Open Vocabularies API.
    Yasqe.Autocompleters.prefixes = Object.assign({}, Yasqe.Autocompleters.prefixes,
      { get: () => Promise.resolve(prefixList), persistenceId: null });
    Yasqe.Autocompleters.property = Object.assign({}, Yasqe.Autocompleters.property,
      { get: () => Promise.resolve(vocabulary.properties.slice()), bulk: true });
    Yasqe.Autocompleters["class"] = Object.assign({}, Yasqe.Autocompleters["class"],
      { get: () => Promise.resolve(vocabulary.classes.slice()), bulk: true });
    Yasqe.defaults.prefixCcApi = null;
  }

  function localPath(iri, local) {
    for (const l of local)
      if (iri.startsWith(l.namespace)) return l.path + iri.substring(l.namespace.length);
    return null;
  }

  function configureResults(vocabulary) {
    const table = Yasgui.Yasr.plugins.table.prototype;
    const original = table.getCellContent;
    table.getCellContent = function (binding, prefixes) {
      if (binding.type === "uri") {
        const path = localPath(binding.value, vocabulary.local);
        if (path !== null) {
          const label = labels.get(binding.value);
          let text = label;
          if (text === undefined) {
            text = binding.value;
            for (const p in prefixes || {})
              if (prefixes[p] && binding.value.startsWith(prefixes[p])) { text = p + ":" + binding.value.substring(prefixes[p].length); break; }
          }
          return "<div><span><a class='iri' href='" + esc(path) + "' title='" + esc(binding.value) + "'>" + esc(text) + "</a></span></div>";
        }
      } else if (binding.datatype && NUMERIC.test(binding.datatype)) {
        return "<div><span class='nonIri number' title='" + esc(binding.datatype) + "'>" + esc(binding.value) + "</span></div>";
      }
      return original.call(this, binding, prefixes);
    };
  }

  // The labels of the survey's resources in a result, asked from this server, then the table redrawn with them.
  function fetchLabels(tab, vocabulary) {
    const yasr = tab.getYasr();
    const results = yasr && yasr.results;
    if (!results || !results.getBindings) return;
    const iris = new Set();
    for (const row of results.getBindings() || [])
      for (const v in row)
        if (row[v].type === "uri" && localPath(row[v].value, vocabulary.local) !== null && !labels.has(row[v].value))
          iris.add(row[v].value);
    if (iris.size === 0) return;
    const values = Array.from(iris).slice(0, 2000).map(i => "<" + i + ">").join(" ");
    const query = prefixDeclarations({ rdfs: vocabulary.prefixes.rdfs, skos: vocabulary.prefixes.skos, schema: vocabulary.prefixes.schema, vlm: vocabulary.prefixes.vlm })
      + "\nSELECT ?s (SAMPLE(?l) AS ?label) { VALUES ?s { " + values + " }"
      + " OPTIONAL { ?s rdfs:label ?a } OPTIONAL { ?s skos:prefLabel ?b } OPTIONAL { ?s schema:name ?c } OPTIONAL { ?s vlm:acronym ?d }"
      + " BIND(COALESCE(?a, ?b, ?c, ?d) AS ?l) FILTER(BOUND(?l)) } GROUP BY ?s";
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json" },
      body: new URLSearchParams({ query: query })
    }).then(r => r.ok ? r.json() : null).then(json => {
      if (!json) return;
      for (const b of json.results.bindings) labels.set(b.s.value, b.label.value);
      yasr.refresh();
      document.body.dataset.labels = String(labels.size);
    }).catch(() => {});
  }

  Promise.all([fetch("/vocabulary.json").then(r => r.json()), fetch("/examples.json").then(r => r.json())])
    .then(([vocabulary, examples]) => {
      configureEditor(vocabulary);
      configureResults(vocabulary);
      const yasgui = new Yasgui(document.getElementById("yasgui"), {
        requestConfig: { endpoint: endpoint, method: "POST" },
        copyEndpointOnNewTab: false,
        endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
        persistenceId: null,
        // A shared link names its query; the endpoint stays this server's.
        populateFromUrl: config => { config.requestConfig.endpoint = endpoint; return config; },
        yasqe: { value: prefixDeclarations(vocabulary.prefixes) + "\n\nSELECT * WHERE {\n  ?s ?p ?o\n} LIMIT 10\n" }
      });
      window.surveyYasgui = yasgui;
      // Controls YASGUI makes without a name (found by axe-core): name them for assistive technology.
      const unnamed = [["#yasgui .CodeMirror textarea", "SPARQL query editor"], ["#yasgui select.tableSizer", "Rows per page"]];
      const name = () => unnamed.forEach(([selector, label]) =>
        document.querySelectorAll(selector + ":not([aria-label])").forEach(e => e.setAttribute("aria-label", label)));
      name();
      new MutationObserver(name).observe(document.getElementById("yasgui"), { childList: true, subtree: true });
      // The tab hands the response to its results view just after this event: look at the results after that.
      yasgui.on("queryResponse", (y, tab) => setTimeout(() => fetchLabels(tab, vocabulary), 0));

      const select = document.getElementById("examples");
      examples.forEach((ex, i) => {
        const opt = document.createElement("option");
        opt.value = String(i);
        opt.textContent = ex.title;
        select.appendChild(opt);
      });
      const show = i => yasgui.getTab().setQuery(examples[i].query);
      select.addEventListener("change", () => show(Number(select.value)));
      if (shared) select.selectedIndex = -1;
      else if (examples.length > 0) show(0);
      document.body.dataset.examples = String(examples.length);
      document.body.dataset.shared = String(shared);
    });
})();
