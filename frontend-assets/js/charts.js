// The analytics charts: each figure[data-chart-src] fetches its series (JSON) and draws impressions, accepts and
// net revenue as three small bar charts with Chart.js. The figure stays hidden until drawn, so a page without
// JavaScript, or whose request failed, shows only the table that holds the same figures.
(function () {
  "use strict";

  var COLOURS = { impressions: "#1f5c4d", accepts: "#c98a16", netRevenue: "#3d6fb6" };

  function money(currency) {
    try {
      return new Intl.NumberFormat("en-US", { style: "currency", currency: currency, maximumFractionDigits: 0 });
    } catch (ignored) {
      return new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
    }
  }

  function draw(canvas, data) {
    var series = canvas.getAttribute("data-series");
    var values = data[series].map(Number);
    var format = series === "netRevenue" ? money(data.currency) : new Intl.NumberFormat("en-US");
    var narrow = window.matchMedia("(max-width: 600px)").matches;
    return new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [{ data: values, backgroundColor: COLOURS[series], borderRadius: 2, maxBarThickness: 28 }]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (item) { return format.format(item.parsed.y); } } }
        },
        scales: {
          x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: narrow ? 4 : 8, font: { size: 12 } } },
          y: {
            beginAtZero: true,
            grace: "5%",
            ticks: { precision: 0, maxTicksLimit: 5, font: { size: 12 }, callback: function (value) { return format.format(value); } }
          }
        }
      }
    });
  }

  function load(figure) {
    var request = new XMLHttpRequest();
    request.open("GET", figure.getAttribute("data-chart-src"));
    request.setRequestHeader("Accept", "application/json");
    request.onload = function () {
      if (request.status !== 200 || !window.Chart) {
        return;
      }
      var data = JSON.parse(request.responseText);
      figure.hidden = false;
      figure.querySelectorAll("canvas[data-series]").forEach(function (canvas) {
        draw(canvas, data);
      });
    };
    request.send();
  }

  function start() {
    document.querySelectorAll("figure[data-chart-src]").forEach(load);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
