// The query page: one YASGUI editor on this server's endpoint, and a menu of the bundled example queries.
(function () {
  "use strict";
  const endpoint = new URL("/survey/sparql", window.location.href).toString();
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null
  });
  window.surveyYasgui = yasgui;
  const select = document.getElementById("examples");
  fetch("/examples.json").then(r => r.json()).then(examples => {
    examples.forEach((ex, i) => {
      const opt = document.createElement("option");
      opt.value = String(i);
      opt.textContent = ex.title;
      select.appendChild(opt);
    });
    const show = i => yasgui.getTab().setQuery(examples[i].query);
    select.addEventListener("change", () => show(Number(select.value)));
    if (examples.length > 0) show(0);
    document.body.dataset.examples = String(examples.length);
  });
})();
