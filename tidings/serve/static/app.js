// tidings: small, dependency-free page behaviour. The pages work without it.
(function () {
  "use strict";

  // Flash the fact a link points at (#q3, #a1, #e2, #p1), or the quote starting at #at123 (search hits).
  function flash() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el && id.indexOf("at") === 0) el = document.querySelector('[data-start="' + id.slice(2).replace(/\D/g, "") + '"]');
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1600);
  }
  window.addEventListener("hashchange", flash);

  // Hovering an entity in the side panel underlines all its mentions in the text.
  function light(entity, on) {
    document.querySelectorAll('.document a.ent[data-entity="' + entity + '"]').forEach(function (el) {
      el.classList.toggle("lit", on);
    });
  }

  // One small tooltip for everything with data-tip (quotes, map points): shown at once, unlike a
  // title attribute, and filled with textContent only, so article text stays text.
  var tip = null;
  function tipText(target) {
    var parts = [], el = target;
    while (el && el.closest) {
      el = el.closest("[data-tip]");
      if (!el) break;
      parts.push(el.getAttribute("data-tip"));
      el = el.parentNode;
    }
    return parts.join("\n");
  }
  function moveTip(ev) {
    if (!tip || tip.hidden) return;
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = ev.clientY + 18 + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 10 : ev.clientY + 18;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  }
  function showTip(ev) {
    var text = tipText(ev.target);
    if (!text) { if (tip) tip.hidden = true; return; }
    if (!tip) {
      tip = document.createElement("div");
      tip.id = "tip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = text;
    tip.hidden = false;
    moveTip(ev);
  }

  // A quote is cut into pieces at every mention inside it: hovering one piece lights them all.
  function lightQuote(id, on) {
    document.querySelectorAll('.document .quote[data-quote="' + id + '"]').forEach(function (el) {
      el.classList.toggle("lit-quote", on);
    });
  }

  // The title attributes the page carries (for no-JS and screen readers) become data-tip, so the
  // browser's own delayed tooltip does not show twice.
  function tipsFromTitles() {
    document.querySelectorAll(".document .text [title]").forEach(function (el) {
      var title = el.getAttribute("title");
      if (el.classList.contains("attribution")) title = (el.dataset.speaker || "Source unknown") + " (" + title.split("(").pop();
      else if (el.classList.contains("quote") && el.dataset.speaker) title = "Said by " + el.dataset.speaker + " (" + title.split("(").pop();
      else if (el.classList.contains("quote")) title = "Speaker unknown (" + title.split("(").pop();
      el.setAttribute("data-tip", title);
      el.removeAttribute("title");
    });
    document.querySelectorAll(".document .quote[data-quote]").forEach(function (el) {
      el.addEventListener("mouseenter", function () { lightQuote(el.dataset.quote, true); });
      el.addEventListener("mouseleave", function () { lightQuote(el.dataset.quote, false); });
    });
  }

  // Click a table header to sort by that column (numbers numerically, the rest as text).
  function sortable(table) {
    table.querySelectorAll("th").forEach(function (th, col) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var dir = th.dataset.dir === "asc" ? -1 : 1;
        th.dataset.dir = dir === 1 ? "asc" : "desc";
        rows.sort(function (a, b) {
          var x = a.cells[col].textContent.trim(), y = b.cells[col].textContent.trim();
          var nx = parseFloat(x), ny = parseFloat(y);
          if (!isNaN(nx) && !isNaN(ny)) return (nx - ny) * dir;
          return x.localeCompare(y) * dir;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".facts li[data-entity]").forEach(function (li) {
      li.addEventListener("mouseenter", function () { light(li.dataset.entity, true); });
      li.addEventListener("mouseleave", function () { light(li.dataset.entity, false); });
    });
    document.querySelectorAll("table.sortable").forEach(sortable);
    tipsFromTitles();
    document.addEventListener("mouseover", showTip);
    document.addEventListener("mousemove", moveTip);
    flash();
  });
})();
