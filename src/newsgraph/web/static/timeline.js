// Timeline: event volume per day or week from /api/volume, drawn as stacked SVG bars.
// No library; data only through textContent and setAttribute.
(function () {
  "use strict";
  var chart = document.getElementById("timeline-chart");
  var legend = document.getElementById("timeline-legend");
  var status = document.getElementById("timeline-status");
  if (!chart) return;
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = {
    AGREE: "#9ecae1", CONSULT: "#6baed6", SUPPORT: "#4292c6", COOPERATE: "#2171b5",
    AID: "#41ab5d", RETREAT: "#a1d99b", CONCEDE: "#74c476", ACCUSE: "#fdd0a2",
    REQUEST: "#fdae6b", REJECT: "#fd8d3c", THREATEN: "#f16913", SANCTION: "#d94801",
    PROTEST: "#fb6a4a", MOBILIZE: "#ef3b2c", COERCE: "#cb181d", ASSAULT: "#67000d",
    "1": "#6baed6", "2": "#2171b5", "3": "#fd8d3c", "4": "#cb181d"
  };
  var MAX_ROWS = 100000, MAX_FILL = 400, DAY = 86400000;

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function titled(node, text) { el("title", {}, node).textContent = text; return node; }

  function load(url, rows) {  // every page of the grouped rows
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (body) {
        rows = rows.concat(body.items);
        if (body.next_offset !== null && rows.length < MAX_ROWS) {
          var next = new URL(url, window.location.href);
          next.searchParams.set("offset", body.next_offset);
          return load(next.pathname + next.search, rows);
        }
        body.items = rows;
        return body;
      });
  }

  function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
  function day(text) { return Date.parse(text + "T00:00:00Z"); }
  function isDay(text) { return /^\d{4}-\d{2}-\d{2}$/.test(text); }

  function buckets(rows, step) {  // sorted; a time axis (gaps filled) over the days
    var seen = {};
    rows.forEach(function (r) { if (r.bucket !== null) seen[r.bucket] = true; });
    var all = Object.keys(seen).sort(), keys = all.filter(isDay);
    if (!keys.length) return all;  // only months or years: one bar each
    var first = day(keys[0]), last = day(keys[keys.length - 1]);
    if ((last - first) / (step * DAY) > MAX_FILL) return all;
    var out = [];
    for (var t = first; t <= last; t += step * DAY) out.push(iso(t));
    return out;
  }

  function niceStep(max) {
    var raw = max / 5, mag = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
    var step = [1, 2, 5, 10].map(function (m) { return m * mag; })
      .find(function (s) { return s >= raw; });
    return Math.max(1, step || mag * 10);
  }

  function eventsLink(bucket, key, step) {
    var params = new URLSearchParams();
    if (chart.dataset.actor) params.set("actor", chart.dataset.actor);
    params.set("type", key);
    params.set("since", bucket);
    params.set("until", iso(day(bucket) + (step - 1) * DAY));
    return "/events?" + params.toString();
  }

  function draw(body) {
    var step = body.bucket === "week" ? 7 : 1;
    var labels = {}, order = {};
    body.series.forEach(function (s, i) { labels[s.key] = s.label; order[s.key] = i; });
    var cols = buckets(body.items, step), at = {};
    cols.forEach(function (b, i) { at[b] = { i: i, dated: [], fallback: [], total: 0 }; });
    var undatable = 0, fallbackTotal = 0, total = 0, present = {};
    body.items.forEach(function (r) {
      var col = at[r.bucket];
      if (!col) { undatable += r.events; return; }  // no date, or only a month or year
      (r.fallback ? col.fallback : col.dated).push(r);
      col.total += r.events;
      total += r.events;
      if (r.fallback) fallbackTotal += r.events;
      present[r.key] = true;
    });
    var width = chart.clientWidth || 900, height = 320;
    var m = { l: 44, r: 12, t: 12, b: 56 }, pw = width - m.l - m.r, ph = height - m.t - m.b;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "Events per " + body.bucket + ", stacked by " + body.by }, chart);
    var defs = el("defs", {}, svg);
    var hatch = el("pattern", { id: "hatch", width: "6", height: "6",
      patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
    el("rect", { width: "6", height: "6", fill: "#fff", "fill-opacity": "0.35" }, hatch);
    el("line", { x1: "0", y1: "0", x2: "0", y2: "6", stroke: "#fff", "stroke-width": "3" }, hatch);
    var max = Math.max(1, Math.max.apply(null, cols.map(function (b) { return at[b].total; })));
    var tick = niceStep(max), top = Math.ceil(max / tick) * tick;
    var y = function (n) { return m.t + ph - (n / top) * ph; };
    var axis = el("g", { "class": "axis" }, svg);
    for (var v = 0; v <= top; v += tick) {
      el("line", { x1: m.l, x2: m.l + pw, y1: y(v), y2: y(v), "class": "grid" }, axis);
      el("text", { x: m.l - 6, y: y(v) + 4, "text-anchor": "end" }, axis).textContent = v;
    }
    var bw = pw / Math.max(1, cols.length), gap = Math.min(4, bw * 0.15);
    var every = Math.ceil(cols.length / Math.max(1, Math.floor(pw / 80)));
    var bars = el("g", { "class": "bars" }, svg);
    cols.forEach(function (b, i) {
      var x = m.l + i * bw, col = at[b], base = 0;
      var byOrder = function (p, q) { return (order[p.key] ?? 99) - (order[q.key] ?? 99); };
      col.dated.sort(byOrder).concat(col.fallback.sort(byOrder)).forEach(function (r) {
        var name = labels[r.key] || r.key || "unclassified";
        var text = b + " \u00b7 " + name + ": " + r.events + (r.events === 1 ? " event" : " events") +
          (r.fallback ? ", " + body.fallback_label : "");
        var h = y(base) - y(base + r.events), attrs = { x: x + gap / 2, y: y(base + r.events),
          width: Math.max(1, bw - gap), height: h, fill: COLORS[r.key] || "#999" };
        var parent = bars;
        if (!r.fallback && isDay(b) && body.by === "type") {
          parent = el("a", { href: eventsLink(b, r.key, step), "aria-label": text }, bars);
        }
        attrs["class"] = r.fallback ? "bar fallback" : "bar";
        var rect = titled(el("rect", attrs, parent), text);
        if (r.fallback) {
          rect.dataset.fallback = "1";
          el("rect", { x: attrs.x, y: attrs.y, width: attrs.width, height: h,
            fill: "url(#hatch)", "class": "hatch", "pointer-events": "none" }, parent);
        }
        base += r.events;
      });
      if (i % every === 0) {
        el("text", { x: x + bw / 2, y: m.t + ph + 16, "text-anchor": "middle" }, axis).textContent = b;
      }
    });
    el("line", { x1: m.l, x2: m.l + pw, y1: y(0), y2: y(0), "class": "baseline" }, axis);
    drawLegend(body, present, labels, fallbackTotal > 0);
    var per = cols.length + " " + body.bucket + (cols.length === 1 ? "" : "s");
    status.textContent = total + " events over " + per +
      (fallbackTotal ? "; " + fallbackTotal + " of them " + body.fallback_label : "") +
      (undatable ? "; " + undatable + " with no day (no date, or only a month or year) are not drawn" : "") + ".";
  }

  function drawLegend(body, present, labels, fallback) {
    body.series.concat([{ key: null, label: "unclassified" }]).forEach(function (s) {
      if (!present[s.key]) return;
      var li = document.createElement("li");
      var swatch = li.appendChild(document.createElement("span"));
      swatch.className = "swatch";
      swatch.style.background = COLORS[s.key] || "#999";
      li.appendChild(document.createTextNode(labels[s.key] || s.label));
      legend.appendChild(li);
    });
    if (fallback) {
      var li = document.createElement("li");
      li.appendChild(document.createElement("span")).className = "swatch hatched";
      li.appendChild(document.createTextNode(body.fallback_label));
      legend.appendChild(li);
    }
  }

  load(chart.dataset.src, [])
    .then(function (body) { draw(body); chart.dataset.ready = "1"; })
    .catch(function (err) { status.textContent = "Could not load the timeline: " + err.message; });
})();
