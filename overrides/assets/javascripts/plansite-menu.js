/* The navigation drawer on narrow screens, for the keyboard. The theme opens the drawer with a
   hidden checkbox (#__drawer) and a label that only a pointer can use, and leaves the closed
   drawer's links in the Tab order, off screen. This shows a real menu button in the header
   that toggles the same checkbox and says whether the drawer is open. While the drawer is
   closed it is inert, so Tab never lands off screen; while it is open, the page behind the
   overlay is inert instead, and Escape or the drawer's close button closes it and puts focus
   back on the menu button. Where the navigation is a sidebar (wide screens) nothing is inert.
   Without JavaScript the theme's label still opens the drawer by pointer. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var search = document.getElementById("__search");
  var button = document.querySelector("[data-plansite-menu]");
  var close = document.querySelector("[data-plansite-menu-close]");
  var label = document.querySelector(".md-header__button[for='__drawer']");
  var drawer = document.querySelector(".md-sidebar--primary");
  var overlay = document.querySelector(".md-overlay");
  if (!toggle || !button || !drawer) {
    return;
  }
  // The theme's own breakpoint: below it the navigation is a drawer.
  var narrow = window.matchMedia("screen and (max-width: 76.234375em)");
  var behind = []; // what is inert because the open drawer covers it
  var movedOnPage = 0; // when a link last moved to a place on this page

  function setInert(el, on) {
    if (on) {
      el.setAttribute("inert", "");
    } else {
      el.removeAttribute("inert");
    }
  }

  // Everything but the drawer, the overlay that closes it and the way out of the site,
  // which stays usable above the open drawer.
  var keep = [drawer, overlay, document.querySelector("[data-plansite-exit]")].filter(Boolean);
  function setBehindInert(on) {
    if (on === behind.length > 0) {
      return;
    }
    if (!on) {
      behind.forEach(function (el) { setInert(el, false); });
      behind = [];
      return;
    }
    (function within(parent) {
      Array.prototype.forEach.call(parent.children, function (el) {
        if (keep.indexOf(el) !== -1 || el.hasAttribute("inert") ||
            /^(SCRIPT|STYLE|LINK|INPUT)$/.test(el.tagName)) {
          return;
        }
        if (keep.some(function (k) { return el.contains(k); })) {
          within(el);
        } else {
          setInert(el, true);
          behind.push(el);
        }
      });
    })(document.body);
  }

  function update() {
    var open = toggle.checked;
    var isDrawer = narrow.matches;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    setInert(drawer, isDrawer && !open);
    setBehindInert(isDrawer && open);
  }

  function focusable(el) {
    return el && !el.hidden && el.getClientRects().length > 0;
  }

  toggle.addEventListener("change", function () {
    var within = drawer.contains(document.activeElement) ||
      document.activeElement === document.body || !document.activeElement;
    update();
    if (!narrow.matches) {
      return;
    }
    if (toggle.checked) {
      var first = focusable(close) ? close : drawer.querySelector("a[href]");
      if (first) {
        first.focus();
      }
    } else if (within && Date.now() - movedOnPage > 1000 && !(search && search.checked)) {
      // Closed while focus was in the drawer: back to the button that opened it. Not after
      // a link to a place on this page, where focus follows the link.
      button.focus();
    }
  });
  button.addEventListener("click", function () {
    toggle.click(); // as the theme's label does, so the theme sees the change too
  });
  if (close) {
    close.addEventListener("click", function () {
      if (toggle.checked) {
        toggle.click();
      }
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked && narrow.matches) {
      event.preventDefault();
      toggle.click();
      button.focus();
    }
  });
  window.addEventListener("hashchange", function () {
    movedOnPage = Date.now();
  });
  if (search) {
    // Opening search while the drawer is open closes the drawer, so the search box is usable.
    search.addEventListener("change", function () {
      if (search.checked && toggle.checked) {
        toggle.click();
      }
    });
  }
  if (narrow.addEventListener) {
    narrow.addEventListener("change", update);
  } else {
    narrow.addListener(update);
  }

  if (!drawer.id) {
    drawer.id = "plansite-drawer";
  }
  button.setAttribute("aria-controls", drawer.id);
  button.hidden = false;
  if (label) {
    label.hidden = true;
  }
  if (close) {
    close.hidden = false;
  }
  update();
})();
