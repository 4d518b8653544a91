/* Make the theme's search announce itself: name the search form, and read out the
   number of results as they change. And keep keyboard focus in view once it leaves search:
   on narrow screens the theme holds the page still while search is open (it fixes the body
   in place) and lets it go only a moment after search closes, scrolling back to where the
   page was. Focus that has moved on by then (Tab out of the search box) would be left off
   screen; so the page is let go as soon as focus leaves search. */
(function () {
  "use strict";
  function release(event) {
    var body = document.body;
    var panel = document.querySelector(".md-search");
    if (panel && panel.contains(event.target)) {
      return;
    }
    if (!body.hasAttribute("data-md-scrolllock")) {
      return;
    }
    var y = -parseInt(body.style.top, 10) || 0;
    body.removeAttribute("data-md-scrolllock");
    body.style.top = ""; // the theme then finds nothing to scroll back to
    window.scrollTo(0, y);
    var r = event.target.getBoundingClientRect();
    if (r.bottom <= 0 || r.top >= window.innerHeight) {
      event.target.scrollIntoView({ block: "nearest" });
    }
  }
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
    document.addEventListener("focusin", release);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
