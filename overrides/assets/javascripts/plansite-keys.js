/* The theme turns single letters and signs into shortcuts (n and . for the next page, p and ,
   for the previous one, s, f and / for search) with no way to turn them off: a reader who
   types into the wrong place, or whose speech input sends a word as keys, is taken elsewhere
   (WCAG 2.1.4). The theme listens on the window as the key press bubbles up; this catches it
   on the way down and stops it there, so those keys only ever do what the browser does with
   them. Typing in a text box is unaffected: stopping the event does not cancel the key. */
(function () {
  "use strict";
  var taken = ["n", "p", ".", ",", "s", "f", "/"];
  var search = document.getElementById("__search");
  window.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || taken.indexOf(event.key) === -1) {
      return;
    }
    if (search && search.checked) {
      return; // in open search every key belongs to the search box
    }
    event.stopPropagation();
  }, true);
})();
