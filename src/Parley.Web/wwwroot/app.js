// Parley workspace: draws the charts described by data attributes. No inline scripts are used, so the
// Content-Security-Policy can forbid them; data arrives as HTML-escaped JSON in attributes.
(function () {
  'use strict';
  function draw(canvas) {
    var labels = JSON.parse(canvas.getAttribute('data-labels') || '[]');
    var series = JSON.parse(canvas.getAttribute('data-series') || '[]');
    var kind = canvas.getAttribute('data-chart') || 'bar';
    var colors = ['#2f6690', '#d1495b', '#3a7d44', '#edae49'];
    var config = {
      type: kind,
      data: {
        labels: labels,
        datasets: series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colors[i % colors.length], borderColor: colors[i % colors.length] };
        })
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: canvas.getAttribute('data-axis') || 'x',
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    };
    if (window.Chart) {
      canvas.parleyChart = new window.Chart(canvas, config);
      canvas.setAttribute('data-drawn', 'true');
    }
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
