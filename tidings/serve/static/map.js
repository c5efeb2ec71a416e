// tidings: the events map. Decodes the shipped TopoJSON basemap (countries-110m.json, from the
// world-atlas package; see NOTICE.md) into SVG paths in an equirectangular projection and puts
// one point per located event from /api/events on it. No libraries, nothing fetched from elsewhere.
(function () {
  "use strict";

  var WIDTH = 960, TOP = 84, K = WIDTH / 360; // lat 84..-58 fills the 960x380 view

  function project(lon, lat) {
    return [(lon + 180) * K, (TOP - lat) * K];
  }

  // TopoJSON arcs are quantised and delta-encoded: undo both, giving [lon, lat] points.
  function decodeArcs(topology) {
    var s = topology.transform.scale, t = topology.transform.translate;
    return topology.arcs.map(function (arc) {
      var x = 0, y = 0;
      return arc.map(function (p) {
        x += p[0]; y += p[1];
        return [x * s[0] + t[0], y * s[1] + t[1]];
      });
    });
  }

  // A ring is a list of arc indexes; a negative index ~i means arc i walked backwards. A ring that
  // crosses the antimeridian (Russia, Fiji) is unwrapped to run continuously past +-180 and drawn a
  // second time 360 degrees over; the SVG clips what falls outside the view.
  function ringPath(ring, arcs) {
    var points = [];
    ring.forEach(function (index, n) {
      var arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
      points = points.concat(n ? arc.slice(1) : arc); // each arc starts where the last one ended
    });
    var shift = 0, prev = null, min = Infinity, max = -Infinity;
    points = points.map(function (p) {
      var lon = p[0] + shift;
      if (prev !== null && Math.abs(lon - prev) > 180) {
        shift += lon > prev ? -360 : 360;
        lon = p[0] + shift;
      }
      prev = lon;
      min = Math.min(min, lon); max = Math.max(max, lon);
      return [lon, p[1]];
    });
    var copies = [0].concat(max > 180 ? [-360] : [], min < -180 ? [360] : []);
    return copies.map(function (dx) {
      return "M" + points.map(function (p) {
        var xy = project(p[0] + dx, p[1]);
        return xy[0].toFixed(1) + "," + xy[1].toFixed(1);
      }).join("L") + "Z";
    }).join("");
  }

  function geometryPath(geometry, arcs) {
    var polygons = geometry.type === "Polygon" ? [geometry.arcs] : geometry.type === "MultiPolygon" ? geometry.arcs : [];
    return polygons.map(function (rings) {
      return rings.map(function (ring) { return ringPath(ring, arcs); }).join("");
    }).join("");
  }

  function el(svg, name, attrs) {
    var node = document.createElementNS(svg.namespaceURI, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function drawLand(svg, topology) {
    var arcs = decodeArcs(topology), land = svg.querySelector(".land");
    topology.objects.countries.geometries.forEach(function (g) {
      if (g.id === "010") return; // Antarctica: below the view, and its ring runs along the pole
      var path = el(svg, "path", { d: geometryPath(g, arcs), "data-country": (g.properties || {}).name || "" });
      land.appendChild(path);
    });
  }

  function label(row) {
    var where = [row.location, row.country].filter(Boolean).join(", ");
    var toll = [row.killed != null ? row.killed + " killed" : "", row.injured != null ? row.injured + " injured" : ""]
      .filter(Boolean).join(", ");
    return [row.type + (where ? " · " + where : "") + (row.date ? " · " + row.date : ""), toll,
            row.text.length > 160 ? row.text.slice(0, 157) + "…" : row.text, row.title || row.doc_id]
      .filter(Boolean).join("\n");
  }

  function drawPoints(svg, rows, scale) {
    var layer = svg.querySelector(".points"), n = 0;
    rows.forEach(function (row) {
      if (row.lat == null || row.lon == null) return;
      var xy = project(row.lon, row.lat), hurt = (row.killed || 0) + (row.injured || 0);
      var link = el(svg, "a", { href: "/documents/" + encodeURIComponent(row.doc_id) + "#e" + row.id,
                                "aria-label": row.type + " in " + (row.location || "?") });
      var dot = el(svg, "circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: ((5.5 + Math.min(6, Math.sqrt(hurt))) * scale).toFixed(2),
                                    "class": "pt pt-" + row.type, "data-tip": label(row) });
      link.appendChild(dot);
      layer.appendChild(link);
      n += 1;
    });
    return n;
  }

  // Frame the located events: their bounding box, at least MIN_SPAN degrees wide, in the view's
  // proportions, inside the world. Points keep their on-screen size whatever the zoom.
  var MIN_SPAN = 100;
  function frame(svg, rows) {
    var xs = [], ys = [];
    rows.forEach(function (row) {
      if (row.lat == null || row.lon == null) return;
      var xy = project(row.lon, row.lat);
      xs.push(xy[0]); ys.push(xy[1]);
    });
    var box = svg.viewBox.baseVal, full = { width: box.width, height: box.height }; // box is live: copy it
    var aspect = full.width / full.height;
    if (!xs.length) return 1;
    var cx = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
    var cy = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
    var w = Math.max(MIN_SPAN * K, (Math.max.apply(null, xs) - Math.min.apply(null, xs)) * 1.3,
                     (Math.max.apply(null, ys) - Math.min.apply(null, ys)) * 1.3 * aspect);
    w = Math.min(w, full.width);
    var h = w / aspect;
    var x = Math.max(0, Math.min(full.width - w, cx - w / 2)), y = Math.max(0, Math.min(full.height - h, cy - h / 2));
    svg.setAttribute("viewBox", [x, y, w, h].map(function (v) { return v.toFixed(1); }).join(" "));
    return w / full.width;
  }

  function getJSON(url) {
    return fetch(url, { headers: { accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var figure = document.getElementById("map");
    if (!figure) return;
    var svg = figure.querySelector("svg");
    Promise.all([getJSON("/static/countries-110m.json"), getJSON(figure.dataset.src)]).then(function (got) {
      drawLand(svg, got[0]);
      var placed = drawPoints(svg, got[1].rows, frame(svg, got[1].rows));
      figure.dataset.points = String(placed);
      figure.querySelector(".placed").textContent = String(placed);
      figure.classList.add("ready");
    }).catch(function (err) {
      figure.classList.add("failed");
      figure.querySelector("figcaption").textContent = "The map could not be drawn: " + err.message;
    });
  });
})();
