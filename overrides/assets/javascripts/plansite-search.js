/* Make the theme's search announce itself: name the search form, and read out the
   number of results as they change. */
(function () {
  "use strict";
  function start() {
    var form = document.querySelector(".md-search__form");
    if (form) {
      form.setAttribute("role", "search");
      form.setAttribute("aria-label", "Search this site");
    }
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) {
      meta.setAttribute("role", "status");
      meta.setAttribute("aria-live", "polite");
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
