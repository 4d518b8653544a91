/* Narrow the service directory as you type. Without JavaScript the filtered lists on their
   own pages do the same job, so this only adds speed. */
(function () {
  "use strict";
  function setUp(box) {
    var list = document.getElementById(box.getAttribute("data-plansite-filter"));
    var input = box.querySelector("input");
    var status = box.querySelector("[role=status]");
    if (!list || !input || !status) {
      return;
    }
    var items = Array.prototype.slice.call(list.children);
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach(function (item) {
        var text = item.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        item.hidden = !match;
        if (match) {
          shown += 1;
        }
      });
      status.textContent = shown + " of " + items.length + " services shown";
    });
  }
  function start() {
    var boxes = document.querySelectorAll("[data-plansite-filter]");
    Array.prototype.forEach.call(boxes, setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
