// tidings: small, dependency-free page behaviour. The pages work without it.
(function () {
  "use strict";

  // Flash the fact a link points at (#q3, #e2, #p1), or the quote starting at #at123 (search hits).
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
    flash();
  });
})();
