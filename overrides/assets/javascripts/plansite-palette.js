/* The theme's colour switch is a pair of hidden radio buttons, and it leaves both unchecked,
   so Tab lands on the first. In dark colours that one's label (which shows its focus) is
   hidden, and its name, "Switch to dark colours", is wrong. Keep the button for the colours
   in use checked: Tab then lands on it, with a visible label that says what it does. */
(function () {
  "use strict";
  function sync() {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    var options = document.querySelectorAll("input.md-option");
    for (var i = 0; i < options.length; i++) {
      options[i].checked = options[i].getAttribute("data-md-color-scheme") === scheme;
    }
  }
  new MutationObserver(sync).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"]
  });
  sync();
})();
