// A paper's page: the Cite button shows the BibTeX on the page (without JavaScript it is a link to the .bib
// file), and a Copy button copies it.
(function () {
  "use strict";
  const cite = document.getElementById("cite");
  const button = document.getElementById("cite-button");
  const copy = document.getElementById("copy-bibtex");
  if (!cite || !button) return;
  button.setAttribute("role", "button");
  button.setAttribute("aria-expanded", "false");
  button.addEventListener("click", e => {
    e.preventDefault();
    cite.hidden = !cite.hidden;
    button.setAttribute("aria-expanded", String(!cite.hidden));
  });
  button.addEventListener("keydown", e => {
    if (e.key === " ") { e.preventDefault(); button.click(); }
  });
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", () => {
      navigator.clipboard.writeText(document.getElementById("bibtex").textContent)
        .then(() => { copy.textContent = "Copied"; }, () => { copy.textContent = "Copy failed"; });
    });
  }
})();
