/* The theme's colour switch is a pair of hidden radio buttons, each named for what choosing
   it does ("Switch to dark colours"), with the label of the other one shown: names and
   states that a screen reader announces contradict each other and the page after a key
   press (WCAG 4.1.2). This puts one toggle button in their place, named "Dark colours" and
   pressed while the page is dark. It works the theme's own radio buttons, so the theme
   still applies the colours and remembers the choice; its state is read back from the page,
   so it is right however the colours changed. Without JavaScript the theme's switch cannot
   work either, and neither is shown. */
(function () {
  "use strict";
  var button = document.querySelector("[data-plansite-palette]");
  var form = document.querySelector("[data-md-component=palette]");
  if (!button || !form) {
    return;
  }
  var options = form.querySelectorAll("input.md-option");
  function scheme() {
    return document.body.getAttribute("data-md-color-scheme");
  }
  function sync() {
    button.setAttribute("aria-pressed", scheme() === "slate" ? "true" : "false");
  }
  button.addEventListener("click", function () {
    for (var i = 0; i < options.length; i++) {
      if (options[i].getAttribute("data-md-color-scheme") !== scheme()) {
        options[i].click();
        return;
      }
    }
  });
  new MutationObserver(sync).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"]
  });
  form.hidden = true;
  button.hidden = false;
  sync();
})();
