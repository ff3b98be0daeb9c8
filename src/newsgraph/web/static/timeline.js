// Timeline: dated events and quotes from /api/timeline, drawn with the local Plotly bundle.
(function () {
  "use strict";
  var chart = document.getElementById("timeline-chart");
  var status = document.getElementById("timeline-status");
  var tbody = document.querySelector("#timeline-table tbody");
  if (!chart) return;

  function href(row) {
    if (row.kind === "QUOTE") {
      return "/documents/" + encodeURIComponent(row.doc_id) + "#quote-" + encodeURIComponent(row.id);
    }
    return "/events/" + encodeURIComponent(row.id);
  }

  function cell(tr, text, link) {
    var td = document.createElement("td");
    if (link) {
      var a = document.createElement("a");
      a.href = link;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    tr.appendChild(td);
  }

  function esc(text) {  // Plotly reads a few tags in hover text: show them as text
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function shorten(text, n) {
    text = (text || "").replace(/\s+/g, " ").trim();
    return text.length > n ? text.slice(0, n - 1) + "\u2026" : text;
  }

  fetch(chart.dataset.src, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(function (data) {
      var rows = data.items || [];
      status.textContent = rows.length + " dated events and quotes";
      var kinds = Array.from(new Set(rows.map(function (r) { return r.kind; }))).sort();
      var traces = kinds.map(function (kind) {
        var mine = rows.filter(function (r) { return r.kind === kind; });
        return {
          type: "scatter", mode: "markers", name: kind,
          x: mine.map(function (r) { return r.date; }),
          y: mine.map(function () { return kind; }),
          text: mine.map(function (r) { return esc(shorten(r.who, 60)) + "<br>" + esc(shorten(r.what, 90)); }),
          customdata: mine.map(href),
          hovertemplate: "%{x}<br>%{text}<extra>" + kind + "</extra>",
          marker: { size: 11, opacity: 0.75 }
        };
      });
      window.Plotly.newPlot(chart, traces, {
        margin: { l: 100, r: 20, t: 20, b: 40 }, showlegend: false,
        xaxis: { type: "date", title: { text: "date" } }, yaxis: { type: "category" },
        hovermode: "closest"
      }, { displaylogo: false, responsive: true });
      chart.on("plotly_click", function (ev) {
        if (ev.points && ev.points[0]) window.location.href = ev.points[0].customdata;
      });
      rows.forEach(function (r) {
        var tr = document.createElement("tr");
        cell(tr, r.date);
        cell(tr, r.kind, href(r));
        cell(tr, r.who || "");
        cell(tr, shorten(r.what, 160));
        tbody.appendChild(tr);
      });
      chart.dataset.ready = "1";
    })
    .catch(function (err) { status.textContent = "Could not load the timeline: " + err.message; });
})();
