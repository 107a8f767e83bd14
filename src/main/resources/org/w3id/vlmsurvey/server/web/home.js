// The home page: a link of old to the query page (/#query=..., before the editor moved to its own path) opens the
// editor with its query. Runs in <head>, before the page is drawn; the editor's path comes from the script element
// (data-editor, written from Endpoints.java); the query string and fragment are kept as they are.
(function () {
  "use strict";
  const editor = document.currentScript.dataset.editor;
  if (/(^#|[#&])query=/.test(window.location.hash) || /[?&]query=/.test(window.location.search))
    window.location.replace(editor + window.location.search + window.location.hash);
})();
