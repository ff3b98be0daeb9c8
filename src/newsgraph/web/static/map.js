// Map: places with events as circles over a world outline (equirectangular projection),
// both from this server (/api/map/outline, /api/map). Each circle is a link to the
// filtered events list. Data only through textContent and setAttribute.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  var legend = document.getElementById("map-legend");
  var status = document.getElementById("map-status");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var NORTH = 85, SOUTH = -60;  // latitudes shown: Antarctica is left out
  var WORLD = [0, 90 - NORTH, 360, NORTH - SOUTH];
  var MIN_R = 0.9, MAX_R = 5;  // circle radius in degrees, on the whole-world view
  var LABELS = 12;  // places named on the map (all are in the table below it)

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function json(url) {
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }

  function px(lon) { return lon + 180; }
  function py(lat) { return 90 - lat; }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function label(p) {
    return p.name + (p.country ? ", " + p.country : "") + ": " + plural(p.events, "event") +
      " in " + plural(p.documents, "document");
  }

  function drawOutline(outline, countries) {
    var g = el("g", { "class": "countries", "aria-hidden": "true" }, svg);
    outline.countries.forEach(function (c) {
      var d = c.rings.map(function (ring) {
        var parts = [];
        for (var i = 0; i + 1 < ring.length; i += 2) {
          parts.push((i ? "L" : "M") + px(ring[i]).toFixed(2) + " " + py(ring[i + 1]).toFixed(2));
        }
        return parts.join("") + "Z";
      }).join("");
      var path = el("path", { d: d, "class": countries[c.iso3] ? "country active" : "country" }, g);
      el("title", {}, path).textContent = c.name;
    });
  }

  function fit(places) {  // the view around the places, in the map's proportions
    if (!places.length) return WORLD.slice();
    var xs = places.map(function (p) { return px(p.lon); });
    var ys = places.map(function (p) { return py(p.lat); });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs);
    var y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var ratio = WORLD[2] / WORLD[3], pad = 12;
    var w = Math.max(x1 - x0 + 2 * pad, (y1 - y0 + 2 * pad) * ratio, 60);
    w = Math.min(w, WORLD[2]);
    var h = w / ratio;
    var x = Math.min(Math.max((x0 + x1) / 2 - w / 2, 0), WORLD[2] - w);
    var y = Math.min(Math.max((y0 + y1) / 2 - h / 2, WORLD[1]), WORLD[1] + WORLD[3] - h);
    return [x, y, w, h];
  }

  function drawPlaces(places, view) {
    var max = places.reduce(function (m, p) { return Math.max(m, p.events); }, 1);
    var scale = view[2] / WORLD[2];
    var radius = function (n) { return scale * (MIN_R + (MAX_R - MIN_R) * Math.sqrt(n / max)); };
    var g = el("g", { "class": "places" }, svg);
    // the biggest first, so that smaller circles stay on top and reachable
    places.slice().sort(function (a, b) { return b.events - a.events; }).forEach(function (p) {
      var params = new URLSearchParams(svg.dataset.events || "");
      params.set("place", p.id);
      var a = el("a", { href: "/events?" + params.toString(), "class": "place",
        tabindex: "0", "aria-label": label(p) }, g);
      el("circle", { cx: px(p.lon), cy: py(p.lat), r: radius(p.events).toFixed(3) }, a);
      el("title", {}, a).textContent = label(p);
      a.dataset.place = p.id;
    });
    drawLabels(places, radius, view);
    drawLegend(max, radius, view);
  }

  function drawLabels(places, radius, view) {  // the busiest places named on the map
    var perUnit = (svg.getBoundingClientRect().width || 900) / view[2];
    var g = el("g", { "class": "labels", "aria-hidden": "true" }, svg);
    places.slice(0, LABELS).forEach(function (p) {
      var text = el("text", { x: px(p.lon) + radius(p.events) + 2 / perUnit,
        y: py(p.lat) + 4 / perUnit, "font-size": (11 / perUnit).toFixed(3) }, g);
      text.textContent = p.name;
    });
  }

  function drawLegend(max, radius, view) {  // circle sizes at screen scale
    var perUnit = (svg.getBoundingClientRect().width || 900) / view[2];
    var sizes = [1, Math.round(max / 4), max].filter(function (n, i, all) {
      return n >= 1 && all.indexOf(n) === i;
    });
    var rs = sizes.map(function (n) { return radius(n) * perUnit; });
    var width = rs.reduce(function (s, r) { return s + 2 * r + 40; }, 0);
    var height = 2 * Math.max.apply(null, rs) + 4;
    var key = el("svg", { width: width, height: height, "class": "legend-svg" }, legend);
    var x = 0;
    sizes.forEach(function (n, i) {
      el("circle", { cx: x + rs[i], cy: height - rs[i] - 2, r: rs[i], "class": "legend-dot" }, key);
      el("text", { x: x + 2 * rs[i] + 4, y: height - 4 }, key).textContent = String(n);
      x += 2 * rs[i] + 40;
    });
  }

  Promise.all([json(svg.dataset.outline), json(svg.dataset.src)])
    .then(function (got) {
      var outline = got[0], places = got[1].items, countries = {};
      places.forEach(function (p) { if (p.country) countries[p.country] = true; });
      var view = fit(places);
      svg.setAttribute("viewBox", view.map(function (v) { return v.toFixed(2); }).join(" "));
      svg.setAttribute("preserveAspectRatio", "xMidYMid meet");
      drawOutline(outline, countries);
      drawPlaces(places, view);
      var events = places.reduce(function (s, p) { return s + p.events; }, 0);
      status.textContent = places.length ?
        plural(events, "event") + " at " + plural(places.length, "place") +
        (got[1].next_offset !== null ? " (the busiest shown)" : "") + "." :
        "No events at a located place for these filters.";
      svg.dataset.ready = "1";
    })
    .catch(function (err) { status.textContent = "Could not load the map: " + err.message; });
})();
