// Actor network: a small force-directed layout drawn in SVG (no library, no remote asset).
(function () {
  "use strict";
  var svg = document.getElementById("network");
  var status = document.getElementById("network-status");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var COLORS = { person: "#3b7dd8", organization: "#d8863b", country: "#3bab6a", group: "#a35bd6" };

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function draw(data) {
    var width = svg.clientWidth || 900, height = svg.clientHeight || 640;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    var byId = {};
    var nodes = data.nodes.map(function (n, i) {
      var angle = 2 * Math.PI * i / Math.max(1, data.nodes.length);
      var node = { id: n.id, name: n.name, kind: n.kind, events: n.events,
        x: width / 2 + Math.cos(angle) * width / 4, y: height / 2 + Math.sin(angle) * height / 4,
        vx: 0, vy: 0, r: 5 + 3 * Math.sqrt(n.events), fixed: false };
      byId[n.id] = node;
      return node;
    });
    var edges = data.edges.filter(function (e) { return byId[e.source] && byId[e.target]; })
      .map(function (e) { return { s: byId[e.source], t: byId[e.target], w: e.weight, types: e.types }; });

    var defs = el("defs", {}, svg);
    var marker = el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
      markerWidth: "6", markerHeight: "6", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M 0 0 L 10 5 L 0 10 z", fill: "#9aa6b2" }, marker);
    var edgeLayer = el("g", {}, svg), nodeLayer = el("g", {}, svg);
    edges.forEach(function (e) {
      e.line = el("line", { "class": "edge", "stroke-width": String(1 + 1.5 * Math.log2(1 + e.w)),
        "marker-end": "url(#arrow)" }, edgeLayer);
      var title = el("title", {}, e.line);
      title.textContent = e.s.name + " \u2192 " + e.t.name + ": " + Object.keys(e.types)
        .map(function (k) { return k + " \u00d7" + e.types[k]; }).join(", ");
    });
    nodes.forEach(function (n) {  // each node a link: reachable by Tab, opened by Enter
      n.g = el("a", { "class": "node", href: "/actors/" + encodeURIComponent(n.id),
        "aria-label": n.name + ", " + n.kind + ", " + n.events + " events" }, nodeLayer);
      el("circle", { r: String(n.r), fill: COLORS[n.kind] || "#888" }, n.g);
      var label = el("text", { x: String(n.r + 3), y: "4" }, n.g);
      label.textContent = n.name;
      var title = el("title", {}, n.g);
      title.textContent = n.name + " (" + n.kind + ", " + n.events + " events)";
      n.g.dataset.id = n.id;
    });

    function render() {
      edges.forEach(function (e) {
        var dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
        e.line.setAttribute("x1", e.s.x); e.line.setAttribute("y1", e.s.y);
        e.line.setAttribute("x2", e.t.x - dx / d * (e.t.r + 2));
        e.line.setAttribute("y2", e.t.y - dy / d * (e.t.r + 2));
      });
      nodes.forEach(function (n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); });
    }

    var heat = 1, running = true;
    function step() {
      var i, j, a, b, dx, dy, d2, d, f;
      for (i = 0; i < nodes.length; i++) {
        for (j = i + 1; j < nodes.length; j++) {
          a = nodes[i]; b = nodes[j];
          dx = b.x - a.x; dy = b.y - a.y; d2 = dx * dx + dy * dy + 0.01;
          f = 1800 / d2; d = Math.sqrt(d2);
          a.vx -= f * dx / d; a.vy -= f * dy / d; b.vx += f * dx / d; b.vy += f * dy / d;
        }
      }
      edges.forEach(function (e) {
        dx = e.t.x - e.s.x; dy = e.t.y - e.s.y; d = Math.sqrt(dx * dx + dy * dy) || 1;
        f = (d - 90) * 0.02;
        e.s.vx += f * dx / d; e.s.vy += f * dy / d; e.t.vx -= f * dx / d; e.t.vy -= f * dy / d;
      });
      nodes.forEach(function (n) {
        n.vx += (width / 2 - n.x) * 0.004; n.vy += (height / 2 - n.y) * 0.004;
        if (!n.fixed) {
          n.x += Math.max(-20, Math.min(20, n.vx * heat));
          n.y += Math.max(-20, Math.min(20, n.vy * heat));
          n.x = Math.max(n.r, Math.min(width - n.r, n.x));
          n.y = Math.max(n.r, Math.min(height - n.r, n.y));
        }
        n.vx *= 0.5; n.vy *= 0.5;
      });
    }

    function animate() {
      for (var k = 0; k < 3; k++) step();
      heat *= 0.985;
      render();
      if (heat > 0.03) window.requestAnimationFrame(animate);
      else { running = false; svg.dataset.ready = "1"; }
    }

    var dragging = null, moved = false;
    function point(ev) {
      var box = svg.getBoundingClientRect();
      return { x: (ev.clientX - box.left) * width / box.width, y: (ev.clientY - box.top) * height / box.height };
    }
    nodeLayer.addEventListener("pointerdown", function (ev) {
      var g = ev.target.closest("a.node");
      if (!g) return;
      dragging = nodes.filter(function (n) { return n.g === g; })[0];
      dragging.fixed = true; moved = false;
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", function (ev) {
      if (!dragging) return;
      var p = point(ev);
      dragging.x = p.x; dragging.y = p.y; moved = true;
      if (!running) { heat = 0.2; running = true; window.requestAnimationFrame(animate); }
      render();
    });
    var dragged = false;
    svg.addEventListener("pointerup", function () {  // pointer capture keeps the click off the link
      if (dragging && !moved) window.location.href = "/actors/" + encodeURIComponent(dragging.id);
      dragged = moved;
      if (dragging) dragging.fixed = false;
      dragging = null;
    });
    nodeLayer.addEventListener("click", function (ev) {  // a drag is not a click on the link
      if (dragged) { ev.preventDefault(); dragged = false; }
    });

    status.textContent = nodes.length + " actors, " + edges.length + " links";
    render();
    window.requestAnimationFrame(animate);
  }

  fetch(svg.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
})();
