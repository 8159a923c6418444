/* irwatch dashboard: charts (uPlot) and the world map (topojson-client) drawn from the JSON
   the server put in the page. Everything they show is also in the page's tables. */
(function () {
  "use strict";

  var QUADS = [
    ["verbal_coop", "verbal cooperation", "#2a7fba"],
    ["material_coop", "material cooperation", "#1b9e77"],
    ["verbal_conflict", "verbal conflict", "#e6a118"],
    ["material_conflict", "material conflict", "#c7362f"],
  ];

  function data(el) {
    var source = document.getElementById(el.getAttribute("data-source"));
    return JSON.parse(source.textContent);
  }

  // a period label (2019, 2019-04, 2019-W14, 2019-04-06) as seconds since 1970 (UTC)
  function seconds(label) {
    var m = /^(\d{4})-W(\d{2})$/.exec(label);
    if (m) {
      var jan4 = Date.UTC(+m[1], 0, 4);
      var monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86400000;
      return (monday + (+m[2] - 1) * 7 * 86400000) / 1000;
    }
    var parts = label.split("-");
    return Date.UTC(+parts[0], parts[1] ? +parts[1] - 1 : 0, parts[2] ? +parts[2] : 1) / 1000;
  }

  // every period from the first to the last (as seconds), so that a gap shows as a gap
  function timeline(labels, by) {
    var xs = labels.map(seconds).sort(function (a, b) { return a - b; });
    if (!xs.length) { return xs; }
    var out = [];
    var t = xs[0];
    var last = xs[xs.length - 1];
    while (t <= last && out.length < 20000) {
      out.push(t);
      var d = new Date(t * 1000);
      if (by === "day") { t += 86400; }
      else if (by === "week") { t += 7 * 86400; }
      else if (by === "month") { t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / 1000; }
      else { t = Date.UTC(d.getUTCFullYear() + 1, 0, 1) / 1000; }
    }
    return out;
  }

  function width(el) {
    return Math.max(280, el.clientWidth || 600);
  }

  function plot(el, series, xs, ys) {
    var opts = {
      width: width(el),
      height: 260,
      series: [{ label: "period" }].concat(series),
      axes: [{}, { size: 50 }],
      scales: { x: { time: true } },
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
    };
    el.textContent = "";
    var chart = new uPlot(opts, [xs].concat(ys), el);
    el.setAttribute("data-drawn", String(xs.length));
    window.addEventListener("resize", function () {
      chart.setSize({ width: width(el), height: 260 });
    });
    return chart;
  }

  function quadChart(el) {
    var d = data(el);
    var at = {};
    d.series.forEach(function (r) { at[seconds(r.period)] = r; });
    var xs = timeline(d.series.map(function (r) { return r.period; }), d.by);
    var ys = QUADS.map(function (q) {
      return xs.map(function (x) { return at[x] ? at[x][q[0]] : 0; });
    });
    var series = QUADS.map(function (q) {
      return { label: q[1], stroke: q[2], width: 2, points: { show: true, size: 5 } };
    });
    plot(el, series, xs, ys);
  }

  function dyadChart(el, field) {
    var d = data(el);
    var xs = timeline(d.series.map(function (r) { return r.period; }), d.by);
    var directions = [[d.a, d.b], [d.b, d.a]];
    var ys = directions.map(function (dir) {
      var at = {};
      d.series.forEach(function (r) {
        if (r.source === dir[0] && r.target === dir[1]) { at[seconds(r.period)] = r; }
      });
      return xs.map(function (x) {
        return at[x] ? at[x][field] : (field === "events" ? 0 : null);
      });
    });
    var colours = ["#0b5cad", "#c7362f"];
    var series = directions.map(function (dir, i) {
      return { label: dir[0] + " → " + dir[1], stroke: colours[i], width: 2,
               points: { show: true, size: 6 } };
    });
    plot(el, series, xs, ys);
  }

  // the world map: equirectangular, Antarctica left out, five classes of counts
  function drawMap(el) {
    var counts = {};
    data(el).forEach(function (c) { if (c.numeric) { counts[c.numeric] = c; } });
    var max = 0;
    Object.keys(counts).forEach(function (k) { max = Math.max(max, counts[k].events); });
    fetch(el.getAttribute("data-map")).then(function (r) { return r.json(); }).then(function (world) {
      var ns = "http://www.w3.org/2000/svg";
      var svg = document.createElementNS(ns, "svg");
      svg.setAttribute("viewBox", "0 0 960 430");
      svg.setAttribute("width", "960");
      svg.setAttribute("height", "430");
      svg.setAttribute("aria-hidden", "true");
      var shapes = topojson.feature(world, world.objects.countries).features;
      shapes.forEach(function (f) {
        if (f.id === "010" || !f.geometry) { return; }
        var polygons = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
        var d = "";
        polygons.forEach(function (rings) {
          rings.forEach(function (ring) {
            var shift = 0;
            var prev = null;
            ring.forEach(function (pt, i) {
              // a ring that crosses the antimeridian goes on past the edge instead of across
              var lon = pt[0] + shift;
              if (prev !== null && Math.abs(lon - prev) > 180) {
                shift += lon > prev ? -360 : 360;
                lon = pt[0] + shift;
              }
              prev = lon;
              var x = (lon + 180) * (960 / 360);
              var y = (84 - pt[1]) * (960 / 360);
              d += (i ? "L" : "M") + x.toFixed(1) + "," + y.toFixed(1);
            });
            d += "Z";
          });
        });
        var path = document.createElementNS(ns, "path");
        path.setAttribute("d", d);
        var c = counts[f.id];
        var title = document.createElementNS(ns, "title");
        if (c) {
          var level = Math.max(1, Math.ceil((5 * c.events) / max));
          path.setAttribute("class", "c" + level);
          path.setAttribute("data-code", c.code);
          path.setAttribute("data-events", String(c.events));
          title.textContent = c.name + ": " + c.events + " events";
        } else {
          title.textContent = (f.properties && f.properties.name ? f.properties.name : "") + ": no events";
        }
        path.appendChild(title);
        svg.appendChild(path);
      });
      el.textContent = "";
      el.appendChild(svg);
      el.setAttribute("data-drawn", String(Object.keys(counts).length));
    });
  }

  function start() {
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var kind = el.getAttribute("data-chart");
      if (kind === "quads") { quadChart(el); }
      else if (kind === "dyad-counts") { dyadChart(el, "events"); }
      else if (kind === "dyad-score") { dyadChart(el, "mean_score"); }
    });
    document.querySelectorAll("[data-map]").forEach(drawMap);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
