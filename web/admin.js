// The operator dashboard: sign in with the admin token, then the figures of a date range
// as ECharts charts and tables; every table exports as CSV. No inline script or style
// (the page's CSP forbids both): charts use ECharts' canvas renderer and text tooltips.
(function () {
  'use strict';

  var loginForm = document.getElementById('login');
  if (loginForm) {
    loginForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var error = document.getElementById('login-error');
      fetch('/admin/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ token: document.getElementById('token').value }),
      }).then(function (response) {
        if (response.ok) return location.reload();
        return response.json().then(function (body) {
          error.textContent = response.status === 429 ? '尝试次数过多，请稍后再试。' : (body.error && body.error.message) || '登录失败';
          error.hidden = false;
        });
      });
    });
    return;
  }

  var fromInput = document.getElementById('from');
  var toInput = document.getElementById('to');
  var charts = {};
  var day = function (date) { return new Date(date.getTime() + 8 * 3600e3).toISOString().slice(0, 10); };
  var today = new Date();
  toInput.value = day(today);
  fromInput.value = day(new Date(today.getTime() - 29 * 24 * 3600e3));

  function chart(id, option) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
    option.tooltip = Object.assign({ renderMode: 'richText', confine: true }, option.tooltip || {});
    charts[id].setOption(option, true);
  }

  function fillTable(id, rows) {
    var body = document.querySelector('#' + id + ' tbody');
    body.textContent = '';
    rows.forEach(function (cells) {
      var tr = document.createElement('tr');
      cells.forEach(function (cell) {
        var td = document.createElement('td');
        td.textContent = String(cell);
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = 5;
      td.textContent = '暂无数据';
      tr.appendChild(td);
      body.appendChild(tr);
    }
  }

  function render(data) {
    document.getElementById('total-turns').textContent = data.totals.turns;
    document.getElementById('total-answered').textContent = data.totals.answered;
    document.getElementById('total-asked-which').textContent = data.totals.askedWhich;
    document.getElementById('total-not-found').textContent = data.totals.notFound;
    document.getElementById('total-conversations').textContent = data.totals.conversations;

    var days = data.perDay.map(function (d) { return d.day.slice(5); });
    chart('chart-per-day', {
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: days },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { trigger: 'axis' },
      series: [
        { name: '已回答', type: 'bar', stack: 'q', data: data.perDay.map(function (d) { return d.answered; }) },
        { name: '请用户选择', type: 'bar', stack: 'q', data: data.perDay.map(function (d) { return d.askedWhich; }) },
        { name: '未找到', type: 'bar', stack: 'q', data: data.perDay.map(function (d) { return d.notFound; }) },
      ],
    });

    var measures = data.topMeasures.slice(0, 10).reverse();
    chart('chart-measures', {
      grid: { left: 170, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: measures.map(function (m) { return data.measureNames[m.measure] || String(m.measure); }), axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{ name: '回答次数', type: 'bar', data: measures.map(function (m) { return m.answers; }) }],
      // The mean score says how well the questions matched: low means answers worth reviewing.
      tooltip: { formatter: function (p) { var m = measures[p.dataIndex]; return p.name + '\n回答 ' + m.answers + ' 次' + (m.meanScore === null ? '' : '，平均匹配度 ' + m.meanScore); } },
    });

    chart('chart-interviews', {
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 60 },
      xAxis: { type: 'category', data: data.interviews.map(function (i) { return i.rule; }), axisLabel: { interval: 0, rotate: 20, width: 90, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      tooltip: { trigger: 'axis' },
      series: [
        { name: '开始', type: 'bar', data: data.interviews.map(function (i) { return i.started; }) },
        { name: '完成', type: 'bar', data: data.interviews.map(function (i) { return i.completed; }) },
        { name: '放弃', type: 'bar', data: data.interviews.map(function (i) { return i.abandoned; }) },
      ],
    });

    chart('chart-ratings', {
      grid: { left: 80, right: 20, top: 10, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.ratings.map(function (r) { return r.level; }).reverse() },
      series: [{ name: '次数', type: 'bar', data: data.ratings.map(function (r) { return r.count; }).reverse() }],
    });

    fillTable('table-unanswered', data.unanswered.slice(0, 50).map(function (u) { return [u.question, u.count, u.examples.join(' | ')]; }));
    fillTable('table-interviews', data.interviews.map(function (i) {
      return [i.rule, i.started, i.completed, i.abandoned, i.leftAt.map(function (l) { return l.input + '×' + l.count; }).join('；')];
    }));
    fillTable('table-helpfulness', data.helpfulness.map(function (h) { return [h.target === 'answer' ? '回答' : '估算结果', h.helpful, h.unhelpful]; }));
    fillTable('table-comments', data.comments.slice(0, 100).map(function (c) { return [c.day, c.level, c.comment]; }));

    document.querySelectorAll('a.export').forEach(function (link) {
      link.href = '/admin/api/export/' + link.dataset.table + '.csv?from=' + data.from + '&to=' + data.to;
      link.setAttribute('download', link.dataset.table + '_' + data.from + '_' + data.to + '.csv');
    });
    document.body.dataset.loaded = data.from + '..' + data.to;
  }

  function load() {
    var query = '?from=' + encodeURIComponent(fromInput.value) + '&to=' + encodeURIComponent(toInput.value);
    fetch('/admin/api/summary' + query, { credentials: 'same-origin' })
      .then(function (response) {
        if (response.status === 401) return location.reload();
        return response.json();
      })
      .then(function (data) { if (data && data.totals) render(data); });
  }

  document.getElementById('range').addEventListener('submit', function (event) {
    event.preventDefault();
    load();
  });
  document.getElementById('logout').addEventListener('click', function () {
    fetch('/admin/logout', { method: 'POST', credentials: 'same-origin' }).then(function () { location.reload(); });
  });
  window.addEventListener('resize', function () {
    Object.keys(charts).forEach(function (id) { charts[id].resize(); });
  });
  load();
})();
