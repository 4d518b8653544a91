/* Keyboard focus wholly in view, clear of the sticky header and of "Leave this site" (WCAG
   2.4.7, 2.4.11). The browser scrolls a focused element into view only roughly: one of which
   32px or more shows counts as seen, even if the rest is under the header, behind the link
   in the corner or beyond the edge of a table that scrolls sideways; one taller than the
   window (such a table is itself a Tab stop) is brought in by its middle, its top and the top
   of its focus outline left above the window; and a link low in the sidebar can be scrolled
   to just as the theme shortens the sidebar to make room for the footer. Once the browser
   and the theme have done, this scrolls the least that shows all of the element inside the
   room kept for it (scroll-padding): in the page, for a tall element its top just below the
   header's room; in a sidebar or the menu, within the sidebar only. Focus from a pointer is left
   where it is: a click must not move the page. */
(function () {
  "use strict";

  var OUTLINE = 6; // the focus outline and its offset, kept inside the sidebar too

  function intoSidebar(el, wrap) {
    var style = getComputedStyle(wrap);
    var top = wrap.getBoundingClientRect().top + OUTLINE +
      (parseFloat(style.scrollPaddingTop) || 0);
    var bottom = wrap.getBoundingClientRect().top + wrap.clientHeight - OUTLINE -
      (parseFloat(style.scrollPaddingBottom) || 0);
    var box = el.getBoundingClientRect();
    if (box.top < top) {
      wrap.scrollTop -= top - box.top;
    } else if (box.bottom > bottom) {
      wrap.scrollTop += Math.min(box.bottom - bottom, box.top - top);
    }
  }

  // The theme resizes a sidebar as the page scrolls (a frame or more after the browser has
  // brought focus into view): the focused link in it is brought back into view each time.
  if ("ResizeObserver" in window) {
    var resized = new ResizeObserver(function (entries) {
      var el = document.activeElement;
      entries.forEach(function (entry) {
        if (el && entry.target.contains(el) && el.matches(":focus-visible")) {
          intoSidebar(el, entry.target);
        }
      });
    });
    document.querySelectorAll(".md-sidebar__scrollwrap").forEach(function (wrap) {
      resized.observe(wrap);
    });
  }

  document.addEventListener("focusin", function (event) {
    var el = event.target;
    if (!(el instanceof Element) || !el.matches(":focus-visible")) {
      return;
    }
    window.requestAnimationFrame(function () {
      if (document.activeElement !== el) {
        return;
      }
      var wrap = el.closest(".md-sidebar__scrollwrap");
      if (wrap) {
        intoSidebar(el, wrap);
      } else if (el.closest(".md-content, .md-footer")) {
        var style = getComputedStyle(document.documentElement);
        var room = document.documentElement.clientHeight -
          (parseFloat(style.scrollPaddingTop) || 0) - (parseFloat(style.scrollPaddingBottom) || 0);
        var box = el.getBoundingClientRect();
        el.scrollIntoView({ block: "nearest", inline: "nearest" });
        if (box.height > room) {
          // Taller than the room kept clear: its top just below the header, so that as much
          // of it as the window holds shows, and all of it where it fits.
          var header = document.querySelector(".md-header");
          var below = (header ? header.getBoundingClientRect().bottom : 0) + OUTLINE;
          window.scrollBy(0, el.getBoundingClientRect().top - below);
        }
      }
    });
  });
})();
