/* "Leave this site": go to a neutral page and leave nothing to go back to. The link works
   on its own; this adds the Shift-three-times shortcut and keeps the page out of history.
   Only separate presses of Shift count: holding the key down (to type capitals, or by
   accident) repeats it, and a repeat is not a press. Any other key starts the count again. */
(function () {
  "use strict";
  var link = document.querySelector("[data-plansite-exit]");
  if (!link) {
    return;
  }
  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var presses = [];
  // On the window, before anything on the page can stop the key press.
  window.addEventListener("keydown", function (event) {
    if (event.key !== "Shift") {
      presses = [];
      return;
    }
    if (event.repeat) {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) {
      leave();
    }
  }, true);
})();
