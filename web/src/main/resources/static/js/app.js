// Marketlens pages: CSRF token on htmx requests, charts from data-series, clickable chart drill-downs.
(function () {
  'use strict';

  document.addEventListener('htmx:configRequest', function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  function dollars(cents) {
    if (cents === null || cents === undefined) return '–';
    var d = cents / 100;
    return (d < 0 ? '−$' : '$') + Math.abs(d).toLocaleString('en-US', { maximumFractionDigits: 0 });
  }
  function percent(rate) {
    return rate === null || rate === undefined ? '–' : (rate * 100).toFixed(1) + '%';
  }
  var PALETTE = ['#1d4ed8', '#047857', '#7c3aed', '#0891b2', '#b91c1c', '#d97706', '#be185d', '#4b5563'];

  var builders = {
    line: function (d) {
      return {
        color: PALETTE,
        tooltip: { trigger: 'axis', valueFormatter: d.money ? dollars : percent },
        legend: { show: d.series.length > 1, top: 0 },
        grid: { left: 70, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: d.x },
        yAxis: { type: 'value', axisLabel: { formatter: d.money ? dollars : percent } },
        series: d.series.map(function (s) {
          return { name: s.name, type: 'line', data: s.values, smooth: false, showSymbol: d.x.length < 40 };
        })
      };
    },
    bars: function (d) {
      return {
        color: PALETTE,
        tooltip: { trigger: 'axis', valueFormatter: d.money ? dollars : function (v) { return v; } },
        legend: { top: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: d.x },
        yAxis: { type: 'value', axisLabel: { formatter: d.money ? dollars : null } },
        series: d.series.map(function (s) {
          return { name: s.name, type: 'bar', stack: s.stack, data: s.values, emphasis: { focus: 'series' } };
        })
      };
    },
    waterfall: function (d) {
      var base = [], up = [], down = [], total = [], labels = [], level = 0;
      d.steps.forEach(function (s) {
        labels.push(s.label);
        var v = s.value || 0;
        if (s.kind === 'total') {
          base.push(0); total.push(v); up.push('-'); down.push('-'); level = v;
        } else if (s.kind === 'up') {
          base.push(level); up.push(v); down.push('-'); total.push('-'); level += v;
        } else {
          level -= v; base.push(level); down.push(v); up.push('-'); total.push('-');
        }
      });
      var low = Infinity, high = -Infinity;
      d.steps.forEach(function (s, i) {
        var top = s.kind === 'total' ? total[i] : base[i] + (s.kind === 'up' ? up[i] : down[i]);
        var bottom = s.kind === 'total' ? total[i] : base[i];
        low = Math.min(low, bottom); high = Math.max(high, top);
      });
      var floor = 0;
      if (isFinite(low) && high > low) {
        var span = high - low, step = Math.pow(10, Math.floor(Math.log10(span)));
        floor = Math.max(0, Math.floor((low - span) / step) * step);
      }
      return {
        tooltip: { trigger: 'axis', valueFormatter: dollars },
        grid: { left: 70, right: 20, top: 20, bottom: 30 },
        xAxis: { type: 'category', data: labels },
        // Starts near the month's lowest level, so that its movements show next to its MRR.
        yAxis: { type: 'value', min: floor, axisLabel: { formatter: dollars } },
        series: [
          { type: 'bar', stack: 'w', data: base, itemStyle: { color: 'transparent' }, tooltip: { show: false }, silent: true },
          { name: 'MRR', type: 'bar', stack: 'w', data: total, itemStyle: { color: '#1d4ed8' } },
          { name: 'Gained', type: 'bar', stack: 'w', data: up, itemStyle: { color: '#047857' } },
          { name: 'Lost', type: 'bar', stack: 'w', data: down, itemStyle: { color: '#b91c1c' } }
        ]
      };
    },
    heatmap: function (d) {
      return {
        tooltip: { formatter: function (p) { return d.y[p.value[1]] + ', month ' + d.x[p.value[0]] + ': ' + percent(p.value[2]); } },
        grid: { left: 80, right: 20, top: 10, bottom: 60 },
        xAxis: { type: 'category', data: d.x, name: 'months since first payment', nameLocation: 'middle', nameGap: 28 },
        yAxis: { type: 'category', data: d.y, inverse: true },
        visualMap: { min: 0, max: d.max || 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120,
          inRange: { color: ['#fee2e2', '#fef3c7', '#d1fae5', '#047857'] }, formatter: percent },
        series: [{ type: 'heatmap', data: d.cells, label: { show: d.x.length <= 13, formatter: function (p) { return Math.round(p.value[2] * 100); } } }]
      };
    },
    funnel: function (d) {
      return {
        color: PALETTE,
        tooltip: { trigger: 'item' },
        // The funnel on the left, its labels to its right, inside the chart's box.
        series: [{ type: 'funnel', left: '2%', width: '35%', sort: 'descending',
          label: { position: 'right', formatter: '{b}: {c}', padding: [0, 0, 0, 4] }, data: d.steps }]
      };
    },
    // MRR movements per month stacked above (gains) and below (losses) zero, with a line (closing MRR).
    // Series are named by their drill-down key (d.labels gives what people read).
    movements: function (d) {
      var label = function (name) { return (d.labels && d.labels[name]) || name; };
      var series = d.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'movements', data: s.values, emphasis: { focus: 'series' } };
      });
      if (d.line) {
        series.push({ name: d.line.name, type: 'line', yAxisIndex: 1, data: d.line.values, silent: true, z: 5,
          showSymbol: d.x.length < 40, lineStyle: { width: 2 }, itemStyle: { color: '#111827' } });
      }
      return {
        color: ['#047857', '#0891b2', '#7c3aed', '#d97706', '#b91c1c'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
          return [ps[0].axisValue].concat(ps.map(function (p) {
            return p.marker + label(p.seriesName) + ': ' + dollars(p.value);
          })).join('<br>');
        } },
        legend: { type: 'scroll', top: 0, formatter: label },
        grid: { left: 70, right: d.line ? 75 : 20, top: 50, bottom: 30 },
        xAxis: { type: 'category', data: d.x },
        // Movements on the left axis; the closing MRR, much larger, on its own axis on the right.
        yAxis: [
          { type: 'value', axisLabel: { formatter: dollars } },
          { type: 'value', show: !!d.line, position: 'right', scale: true, splitLine: { show: false },
            name: d.line ? d.line.name : '', axisLabel: { formatter: dollars } }
        ],
        series: series
      };
    },
    // Payouts calendar: sales and refunds by sale month (stacked around zero), the amount paid for the
    // month with its payment date in the tooltip, and the balance carried over as a line.
    payouts: function (d) {
      return {
        color: ['#047857', '#b91c1c', '#1d4ed8', '#d97706'],
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (ps) {
          var i = ps[0].dataIndex, date = d.dates && d.dates[i];
          return [ps[0].axisValue + (date ? ' · paid ' + date : '')].concat(ps.map(function (p) {
            return p.marker + p.seriesName + ': ' + dollars(p.value);
          })).join('<br>');
        } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: d.x },
        yAxis: { type: 'value', axisLabel: { formatter: dollars } },
        series: d.series.map(function (s) {
          return s.type === 'line'
            ? { name: s.name, type: 'line', data: s.values, showSymbol: d.x.length < 40, z: 5 }
            : { name: s.name, type: 'bar', stack: s.stack, data: s.values, emphasis: { focus: 'series' } };
        })
      };
    }
  };

  function draw(el) {
    if (!window.echarts) return;
    var data = JSON.parse(el.getAttribute('data-series'));
    var build = builders[el.getAttribute('data-chart')];
    if (!build) return;
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(build(data));
    var link = el.getAttribute('data-drill');
    if (link) {
      chart.on('click', function (p) {
        window.location.href = link.replace('{x}', encodeURIComponent(p.name)).replace('{series}', encodeURIComponent(p.seriesName || ''));
      });
    }
    el.setAttribute('data-drawn', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function drawAll(root) {
    (root || document).querySelectorAll('.chart[data-chart]:not([data-drawn])').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:afterSwap', function (e) { drawAll(e.target); });
})();
