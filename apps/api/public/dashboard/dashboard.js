/* Dashboard page: plain browser JavaScript (ES2020), no build step. Reads the read side of the API
   (shared/contract/API.md, "Projections for dashboards") with a viewer token kept in this tab's
   sessionStorage, draws charts with the bundled Chart.js, keeps a table behind every chart, and
   re-reads the figures when the live feed (/events/stream) says something changed. */
/* global window, document, sessionStorage, history, location, fetch, EventSource, URLSearchParams, setTimeout, clearTimeout, setInterval, clearInterval, atob, Chart */
(function () {
  'use strict';

  const TOKEN_KEY = 'issues.dashboard.token';
  const SCORECARD_AREA_KEY = 'issues.dashboard.scorecardArea';
  const POLL_MS = 30000;
  const LIVE_DEBOUNCE_MS = 300;

  /** Each KPI in plain words after its contract name, with how it is shown. */
  const KPIS = [
    { key: 'raised', label: 'Raised', format: 'count', hint: 'issues logged in the period' },
    { key: 'resolved', label: 'Resolved', format: 'count', hint: 'now resolved or fed back' },
    { key: 'resolutionRate', label: 'Resolution rate', format: 'percent', hint: 'resolved of those not withdrawn' },
    { key: 'electronicShare', label: 'Electronic share', format: 'percent', hint: 'raised online or by email' },
    { key: 'medianDaysToResolve', label: 'Median days to resolve', format: 'days', hint: 'from logging to first resolution' },
    { key: 'p90DaysToResolve', label: '90th percentile days to resolve', format: 'days', hint: '9 in 10 resolved within' },
    { key: 'fedBackRate', label: 'Fed-back rate', format: 'percent', hint: 'outcome fed back, of those resolved' },
    { key: 'medianDaysToFeedBack', label: 'Median days to feed back', format: 'days', hint: 'from resolution to feedback' },
    { key: 'confirmedRate', label: 'Confirmed rate', format: 'percent', hint: 'of those fed back, confirmed by the resident' },
    { key: 'disputedRate', label: 'Disputed rate', format: 'percent', hint: 'of those fed back, disputed by the resident' },
    { key: 'boardReviews', label: 'Board reviews', format: 'count', hint: 'issues put to the area board' },
    { key: 'roundtableRate', label: 'Roundtable rate', format: 'percent', hint: 'of board reviews taken to a roundtable' },
    { key: 'overdue', label: 'Overdue', format: 'count', hint: 'open issues past their due date' },
  ];
  const STATUSES = [
    ['logged', 'Logged'], ['referred', 'Referred'], ['boardReview', 'Board review'], ['roundtable', 'Roundtable'],
    ['resolved', 'Resolved'], ['fedBack', 'Fed back'], ['withdrawn', 'Withdrawn'], ['awaitingResident', 'Awaiting resident'],
  ];
  const CHANNELS = [['online', 'Online'], ['email', 'Email'], ['phone', 'Phone'], ['letter', 'Letter'], ['meeting', 'Meeting']];
  /** The time-to-resolve buckets, in order; GET /kpis/resolution-times answers with these labels. */
  const RESOLUTION_BUCKETS = ['< 1 day', '1–7 days', '7–30 days', '30–90 days', '> 90 days'];
  const TRENDS = { better: ['▲', 'Better'], worse: ['▼', 'Worse'], same: ['■', 'Same'] };
  /* Chart marks keep at least 3:1 against white (WCAG 1.4.11). */
  const COLOURS = { raised: '#0b4f8a', resolved: '#b54a00', status: '#0b4f8a', channel: '#5b3c88', resolution: '#1b6b2a', scorecard: '#0b4f8a' };

  // ---------------------------------------------------------------- formatting
  const counts = new Intl.NumberFormat('en-GB');
  const decimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
  const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
  const format = {
    count: (value) => (isNumber(value) ? counts.format(value) : '—'),
    percent: (value) => (isNumber(value) ? `${(value * 100).toFixed(1)}%` : '—'),
    days: (value) => (isNumber(value) ? value.toFixed(2) : '—'),
  };
  const labelOf = (pairs, key) => (pairs.find((pair) => pair[0] === key) || [key, key])[1];
  const quarterLabel = (quarter) => String(quarter).replace('-', ' ');
  const timeNow = () => new Date().toLocaleTimeString('en-GB');

  // ---------------------------------------------------------------- DOM helpers
  const $ = (id) => document.getElementById(id);
  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === 'text') node.textContent = value;
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children || []) node.append(child);
    return node;
  }
  /** Replaces a table body's rows; each row is [header cell text, ...data cells ({ text, num } or text)]. */
  function fillRows(tbody, rows) {
    tbody.replaceChildren(
      ...rows.map(([head, ...cells]) =>
        el('tr', {}, [
          el('th', { scope: 'row', text: head }),
          ...cells.map((cell) => (cell instanceof window.Node ? el('td', {}, [cell]) : el('td', { class: 'num', text: cell }))),
        ]),
      ),
    );
  }
  function setMessage(node, text) {
    node.textContent = text || '';
    node.hidden = !text;
  }

  // ---------------------------------------------------------------- the token
  function readTokenFromAddress() {
    const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
    const token = hash.get('token');
    if (token === null) return;
    // Keep it out of the address bar, the history and any bookmark.
    history.replaceState(null, '', location.pathname + location.search);
    if (token.trim()) sessionStorage.setItem(TOKEN_KEY, cleanToken(token));
  }
  const cleanToken = (text) => text.trim().replace(/^Bearer\s+/i, '');
  /** A token's claims, unverified (the server checks them): null when they cannot be read. */
  function claimsOf(token) {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    try {
      const claims = JSON.parse(atob(parts[1].replace(/-/g, '+').replace(/_/g, '/')));
      return claims && typeof claims === 'object' ? claims : null;
    } catch {
      return null;
    }
  }
  /** Why a token cannot be used, read from its own claims (no request, so no 401 to log), or ''. */
  function tokenProblem(token) {
    const claims = claimsOf(token);
    if (!claims) return 'That does not look like a token: paste the whole of it, three parts separated by dots.';
    if (isNumber(claims.exp) && claims.exp * 1000 <= Date.now()) return 'That token has expired: paste a new one.';
    return '';
  }
  /** The areas a token serves, or null for all of them. */
  function servedAreas(token) {
    const areas = (claimsOf(token) || {}).areas;
    return Array.isArray(areas) && !areas.includes('*') ? areas : null;
  }

  // ---------------------------------------------------------------- talking to the API
  class HttpError extends Error {
    constructor(status, path, message) {
      super(message ? `${path} answered ${status}: ${message}` : `${path} answered ${status}`);
      this.status = status;
      this.detail = message;
    }
  }
  async function getJson(path) {
    const headers = { Accept: 'application/json' };
    if (state.token) headers.Authorization = `Bearer ${state.token}`;
    const response = await fetch(path, { headers, cache: 'no-store' });
    if (!response.ok) {
      let message = '';
      try {
        const body = await response.json();
        message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message || '');
      } catch {
        message = response.statusText;
      }
      throw new HttpError(response.status, path.split('?')[0], message);
    }
    return response.json();
  }
  /** 401: the token itself is refused. (403 means an area the token does not serve: an error to show, not a sign-out.) */
  const isAuthFailure = (error) => error instanceof HttpError && error.status === 401;
  function query(params) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
    const text = search.toString();
    return text ? `?${text}` : '';
  }

  // ---------------------------------------------------------------- state
  const state = {
    token: '',
    areas: [],
    filters: { areaId: '', from: '', to: '' },
    scorecardArea: '',
    scorecardIndicator: '',
    scorecard: null,
    charts: {},
    source: null,
    liveRetryMs: 2000,
    liveTimer: 0,
    pollTimer: 0,
    refreshTimer: 0,
    refreshing: null,
    refreshAgain: false,
    generation: 0,
  };
  const areaName = (id) => (state.areas.find((area) => area.id === id) || { name: id }).name;

  // ---------------------------------------------------------------- charts
  const hasCharts = typeof Chart === 'function';
  function chartDefaults() {
    const reduceMotion = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    Chart.defaults.color = '#1a1a1a';
    Chart.defaults.borderColor = '#d5dbe3';
    Chart.defaults.font.family = getComputedStyleFont();
    Chart.defaults.font.size = 13;
    Chart.defaults.animation = reduceMotion ? false : { duration: 250 };
    Chart.defaults.maintainAspectRatio = false;
  }
  function getComputedStyleFont() {
    return window.getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif';
  }
  function chart(id, type, datasets, options) {
    if (!hasCharts) return null;
    if (!state.charts[id]) {
      state.charts[id] = new Chart($(id), {
        type,
        data: { labels: [], datasets: datasets.map((dataset) => ({ data: [], ...dataset })) },
        options: {
          responsive: true,
          plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
          ...options,
        },
      });
    }
    return state.charts[id];
  }
  function draw(id, type, datasets, labels, series, options) {
    const instance = chart(id, type, datasets, options);
    if (!instance) return;
    instance.data.labels = labels;
    series.forEach((values, index) => {
      instance.data.datasets[index].data = values;
    });
    instance.update();
  }

  // ---------------------------------------------------------------- rendering
  function renderKpis(kpis) {
    $('kpis').replaceChildren(
      ...KPIS.map((kpi) =>
        el('div', { class: 'kpi', 'data-kpi': kpi.key }, [
          el('dt', { text: kpi.label }),
          el('dd', {}, [el('span', { class: 'kpi__value', text: format[kpi.format](kpis[kpi.key]) }), el('span', { class: 'kpi__hint', text: kpi.hint })]),
        ]),
      ),
    );
    const { areaId, from, to } = state.filters;
    const scope = [areaId ? areaName(areaId) : servedAreas(state.token) ? 'all your areas' : 'all areas', from ? `logged from ${from}` : '', to ? `before ${to}` : ''].filter(Boolean);
    $('kpis-scope').textContent = `(${scope.join(', ')})`;
    $('as-of').textContent = `Figures as of event ${format.count(kpis.asOfPosition)}, read at ${timeNow()}`;
  }

  /** Every month from the first to the last with figures, so a quiet month shows as zero. */
  function monthsOf(monthly) {
    const known = new Map(monthly.map((row) => [row.month, row]));
    const sorted = [...known.keys()].sort();
    if (sorted.length === 0) return [];
    const months = [];
    let [year, month] = sorted[0].split('-').map(Number);
    const last = sorted[sorted.length - 1];
    for (let guard = 0; guard < 600; guard += 1) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      months.push(known.get(key) || { month: key, raised: 0, resolved: 0 });
      if (key >= last) break;
      month += 1;
      if (month > 12) [year, month] = [year + 1, 1];
    }
    return months;
  }
  function renderMonthly(monthly) {
    const months = monthsOf(monthly || []);
    draw(
      'chart-monthly',
      'bar',
      [
        { label: 'Raised', backgroundColor: COLOURS.raised },
        { label: 'Resolved', backgroundColor: COLOURS.resolved },
      ],
      months.map((row) => row.month),
      [months.map((row) => row.raised), months.map((row) => row.resolved)],
    );
    fillRows(
      document.querySelector('#table-monthly tbody'),
      months.map((row) => [row.month, format.count(row.raised), format.count(row.resolved)]),
    );
  }
  function renderStatuses(byStatus) {
    const keys = STATUSES.map(([key]) => key).filter((key) => key !== 'awaitingResident' || key in byStatus);
    for (const key of Object.keys(byStatus)) if (!keys.includes(key)) keys.push(key);
    const labels = keys.map((key) => labelOf(STATUSES, key));
    const values = keys.map((key) => byStatus[key] || 0);
    draw('chart-status', 'bar', [{ label: 'Issues', backgroundColor: COLOURS.status }], labels, [values], {
      indexAxis: 'y',
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    });
    fillRows(
      document.querySelector('#table-status tbody'),
      labels.map((label, index) => [label, format.count(values[index])]),
    );
  }
  function renderChannels(byChannel, raised) {
    const labels = CHANNELS.map(([, label]) => label);
    const values = CHANNELS.map(([key]) => byChannel[key] || 0);
    draw('chart-channel', 'bar', [{ label: 'Issues', backgroundColor: COLOURS.channel }], labels, [values]);
    fillRows(
      document.querySelector('#table-channel tbody'),
      labels.map((label, index) => [label, format.count(values[index]), raised ? format.percent(values[index] / raised) : '—']),
    );
  }
  function renderResolutionTimes(buckets) {
    const byLabel = new Map(buckets.map((bucket) => [bucket.label, bucket.count]));
    const labels = [...RESOLUTION_BUCKETS, ...buckets.map((bucket) => bucket.label).filter((label) => !RESOLUTION_BUCKETS.includes(label))];
    const values = labels.map((label) => byLabel.get(label) || 0);
    draw('chart-resolution', 'bar', [{ label: 'Resolved issues', backgroundColor: COLOURS.resolution }], labels, [values]);
    fillRows(
      document.querySelector('#table-resolution tbody'),
      labels.map((label, index) => [label, format.count(values[index])]),
    );
  }
  function renderAreas(rows) {
    const order = new Map(state.areas.map((area, index) => [area.id, index]));
    const sorted = [...rows].sort((a, b) => (order.get(a.areaId) ?? 1e9) - (order.get(b.areaId) ?? 1e9));
    $('areas-table')
      .querySelector('tbody')
      .replaceChildren(
        ...sorted.map((row) => {
          const name = areaName(row.areaId);
          const button = el('button', { type: 'button', class: 'button button--quiet button--small', 'aria-label': `Scorecard of ${name}`, text: 'Scorecard' });
          button.addEventListener('click', () => {
            chooseScorecardArea(row.areaId);
            $('scorecard-area').focus();
          });
          const selected = row.areaId === state.filters.areaId;
          return el('tr', { class: selected ? 'is-selected' : null, 'data-area': row.areaId }, [
            el('th', { scope: 'row', text: selected ? `${name} (chosen)` : name }),
            el('td', { class: 'num', text: format.count(row.raised) }),
            el('td', { class: 'num', text: format.count(row.resolved) }),
            el('td', { class: 'num', text: format.percent(row.resolutionRate) }),
            el('td', { class: 'num', text: format.percent(row.electronicShare) }),
            el('td', { class: 'num', text: format.days(row.medianDaysToResolve) }),
            el('td', { class: 'num', text: format.percent(row.fedBackRate) }),
            el('td', { class: 'num', text: format.count(row.boardReviews) }),
            el('td', { class: 'num', text: format.count(row.overdue) }),
            el('td', {}, [button]),
          ]);
        }),
      );
  }

  // ---------------------------------------------------------------- the scorecard
  function scorecardValue(indicator, value) {
    if (!isNumber(value)) return '—';
    const unit = String(indicator.unit || '').toLowerCase();
    if (unit === 'rate' || unit === 'ratio' || unit === 'share') return format.percent(value);
    if (unit === '%' || unit === 'percent') return `${decimals.format(value)}%`;
    return decimals.format(value);
  }
  const unitNote = (indicator) => {
    const unit = String(indicator.unit || '');
    return unit && !['count', 'rate', 'ratio', 'share', '%', 'percent'].includes(unit.toLowerCase()) ? ` (${unit})` : '';
  };
  function trendCell(trend) {
    const [symbol, word] = TRENDS[trend] || ['', '—'];
    return el('span', { class: `trend trend--${TRENDS[trend] ? trend : 'none'}` }, [
      ...(symbol ? [el('span', { 'aria-hidden': 'true', text: `${symbol} ` })] : []),
      word,
    ]);
  }
  function renderScorecard(card) {
    state.scorecard = card;
    const indicators = (card && card.indicators) || [];
    const name = areaName(state.scorecardArea);
    if (indicators.length === 0) {
      setMessage($('scorecard-message'), `${name} has not chosen its scorecard indicators yet.`);
      $('scorecard-body').hidden = true;
      $('scorecard-indicator-field').hidden = true;
      return;
    }
    setMessage($('scorecard-message'), '');
    $('scorecard-body').hidden = false;
    $('scorecard-indicator-field').hidden = false;
    $('scorecard-caption').textContent = `${name}: its chosen indicators by quarter, with the trend over the last quarter`;
    const quarters = card.quarters || [];
    document
      .querySelector('#scorecard-table thead tr')
      .replaceChildren(
        el('th', { scope: 'col', text: 'Indicator' }),
        ...quarters.map((quarter) => el('th', { scope: 'col', class: 'num', text: quarterLabel(quarter) })),
        el('th', { scope: 'col', text: 'Trend' }),
      );
    document.querySelector('#scorecard-table tbody').replaceChildren(
      ...indicators.map((indicator) => {
        const byQuarter = new Map((indicator.values || []).map((entry) => [entry.quarter, entry.value]));
        return el('tr', { 'data-indicator': indicator.id }, [
          el('th', { scope: 'row', text: `${indicator.name}${unitNote(indicator)}` }),
          ...quarters.map((quarter) => el('td', { class: 'num', text: scorecardValue(indicator, byQuarter.get(quarter)) })),
          el('td', {}, [trendCell(indicator.trend)]),
        ]);
      }),
    );
    const select = $('scorecard-indicator');
    if (!indicators.some((indicator) => indicator.id === state.scorecardIndicator)) state.scorecardIndicator = indicators[0].id;
    select.replaceChildren(...indicators.map((indicator) => el('option', { value: indicator.id, text: indicator.name })));
    select.value = state.scorecardIndicator;
    drawScorecardIndicator();
  }
  function drawScorecardIndicator() {
    const card = state.scorecard;
    if (!card) return;
    const indicator = (card.indicators || []).find((candidate) => candidate.id === state.scorecardIndicator);
    if (!indicator) return;
    const byQuarter = new Map((indicator.values || []).map((entry) => [entry.quarter, entry.value]));
    const quarters = card.quarters || [];
    draw(
      'chart-scorecard',
      'line',
      [{ label: indicator.name, borderColor: COLOURS.scorecard, backgroundColor: COLOURS.scorecard, pointRadius: 4, spanGaps: false }],
      quarters.map(quarterLabel),
      [quarters.map((quarter) => (isNumber(byQuarter.get(quarter)) ? byQuarter.get(quarter) : null))],
      { scales: { y: { beginAtZero: true } } },
    );
    if (state.charts['chart-scorecard']) state.charts['chart-scorecard'].data.datasets[0].label = indicator.name;
    const [, word] = TRENDS[indicator.trend] || ['', 'no trend yet'];
    $('chart-scorecard').setAttribute(
      'aria-label',
      `Line chart of ${indicator.name} by quarter for ${areaName(state.scorecardArea)}; trend: ${word.toLowerCase()}. Every indicator's figures are in the table that follows.`,
    );
  }
  async function loadScorecard(generation) {
    const area = state.scorecardArea;
    if (!area) return;
    try {
      const card = await getJson(`/areas/${encodeURIComponent(area)}/scorecard?quarters=4`);
      if (generation === state.generation && area === state.scorecardArea) renderScorecard(card);
    } catch (error) {
      if (generation !== state.generation || area !== state.scorecardArea) return;
      if (isAuthFailure(error)) throw error;
      renderScorecard(null);
      if (!(error instanceof HttpError && error.status === 404)) setMessage($('scorecard-message'), `The scorecard could not be read: ${error.message}`);
    }
  }
  function chooseScorecardArea(areaId) {
    if (!areaId || areaId === state.scorecardArea) return;
    state.scorecardArea = areaId;
    $('scorecard-area').value = areaId;
    sessionStorage.setItem(SCORECARD_AREA_KEY, areaId);
    loadScorecard(state.generation).catch(signInAgain);
  }
  /** Without a choice: the chosen area, the last one looked at, or the busiest. */
  function defaultScorecardArea(rows) {
    if (state.filters.areaId) return state.filters.areaId;
    const remembered = sessionStorage.getItem(SCORECARD_AREA_KEY);
    if (remembered && state.areas.some((area) => area.id === remembered)) return remembered;
    const busiest = [...rows].sort((a, b) => (b.raised || 0) - (a.raised || 0))[0];
    return busiest && busiest.raised ? busiest.areaId : (state.areas[0] || {}).id || '';
  }

  // ---------------------------------------------------------------- reading the figures
  async function refresh() {
    if (!state.token) return;
    const generation = state.generation;
    const filters = state.filters;
    const { areaId, from, to } = filters;
    // Figures read for filters changed meanwhile are dropped: the read that follows shows the new ones.
    const stale = () => generation !== state.generation || filters !== state.filters;
    try {
      const [kpis, areaRows, times] = await Promise.all([
        getJson(`/kpis${query({ areaId, from, to })}`),
        getJson(`/kpis/areas${query({ from, to })}`),
        getJson(`/kpis/resolution-times${query({ areaId, from, to })}`),
      ]);
      if (stale()) return;
      renderKpis(kpis);
      renderMonthly(kpis.monthly);
      renderStatuses(kpis.byStatus || {});
      renderChannels(kpis.byChannel || {}, kpis.raised);
      renderResolutionTimes(times.buckets || []);
      const rows = Array.isArray(areaRows) ? areaRows : [];
      renderAreas(rows);
      setMessage($('error'), '');
      if (!state.scorecardArea) {
        state.scorecardArea = defaultScorecardArea(rows);
        $('scorecard-area').value = state.scorecardArea;
      }
      await loadScorecard(generation);
    } catch (error) {
      if (stale()) return;
      if (isAuthFailure(error)) return signInAgain(error);
      setMessage($('error'), `The figures could not be read (${error.message}). The page tries again shortly; the figures shown may be out of date.`);
    }
  }
  /** Coalesces bursts (a command appends several events) into one read, never two at once. */
  function scheduleRefresh(delayMs) {
    clearTimeout(state.refreshTimer);
    state.refreshTimer = setTimeout(() => {
      if (state.refreshing) {
        state.refreshAgain = true;
        return;
      }
      state.refreshing = refresh().finally(() => {
        state.refreshing = null;
        if (state.refreshAgain) {
          state.refreshAgain = false;
          scheduleRefresh(0);
        }
      });
    }, delayMs);
  }

  // ---------------------------------------------------------------- live updates
  function setLive(kind, text) {
    const status = $('live-status');
    status.dataset.state = kind;
    status.textContent = text;
  }
  function connectLive() {
    closeLive();
    if (!state.token) return;
    if (typeof EventSource !== 'function') {
      setLive('down', 'No live updates in this browser: figures refresh every 30 seconds');
      return;
    }
    const source = new EventSource(`/events/stream?access_token=${encodeURIComponent(state.token)}`);
    state.source = source;
    setLive('idle', 'Connecting to live updates…');
    source.onopen = () => {
      state.liveRetryMs = 2000;
      setLive('live', 'Live: figures update as issues change');
    };
    source.onmessage = () => scheduleRefresh(LIVE_DEBOUNCE_MS);
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        setLive('down', 'Reconnecting to live updates…');
        return;
      }
      // Refused outright (a rejected token, or no feed): retry later; a read shows whether the token still works.
      source.close();
      state.source = null;
      setLive('down', 'Live updates unavailable, retrying: figures refresh every 30 seconds');
      state.liveTimer = setTimeout(connectLive, state.liveRetryMs);
      state.liveRetryMs = Math.min(state.liveRetryMs * 2, 60000);
      scheduleRefresh(0);
    };
  }
  function closeLive() {
    clearTimeout(state.liveTimer);
    if (state.source) state.source.close();
    state.source = null;
  }

  // ---------------------------------------------------------------- signing in and out
  function showSignIn(message) {
    state.generation += 1;
    state.token = '';
    sessionStorage.removeItem(TOKEN_KEY);
    closeLive();
    clearInterval(state.pollTimer);
    $('dashboard').hidden = true;
    $('sign-out').hidden = true;
    $('sign-in').hidden = false;
    $('sign-in-message').textContent = message;
    $('sign-in-message').className = message ? 'notice notice--error' : 'notice';
    setLive('idle', 'Not signed in');
    $('token-input').value = '';
    $('token-input').focus();
  }
  function signInAgain(error) {
    const detail = error && error.detail ? `: ${error.detail}` : '';
    showSignIn(`The token was refused (${error ? error.status : 'error'}${detail}). Paste a viewer token to see the figures.`);
  }
  async function start(token) {
    const problem = tokenProblem(token);
    if (problem) return showSignIn(problem);
    state.token = token;
    sessionStorage.setItem(TOKEN_KEY, token);
    state.generation += 1;
    $('sign-in').hidden = true;
    $('dashboard').hidden = false;
    $('sign-out').hidden = false;
    try {
      state.areas = await getJson('/areas');
    } catch (error) {
      if (isAuthFailure(error)) return signInAgain(error);
      setMessage($('error'), `The list of areas could not be read (${error.message}).`);
    }
    fillAreaSelects();
    scheduleRefresh(0);
    connectLive();
    clearInterval(state.pollTimer);
    state.pollTimer = setInterval(() => scheduleRefresh(0), POLL_MS);
  }
  function fillAreaSelects() {
    const options = (areas) => areas.map((area) => el('option', { value: area.id, text: area.name }));
    // The figures cover only the areas the token serves; scorecards are public, so every area has one.
    const served = servedAreas(state.token);
    const mine = served ? state.areas.filter((area) => served.includes(area.id)) : state.areas;
    $('filter-area').replaceChildren(el('option', { value: '', text: served ? 'All your areas' : 'All areas' }), ...options(mine));
    $('filter-area').value = state.filters.areaId;
    if ($('filter-area').value !== state.filters.areaId) state.filters.areaId = '';
    $('scorecard-area').replaceChildren(...options(state.areas));
    if (state.scorecardArea) $('scorecard-area').value = state.scorecardArea;
  }

  // ---------------------------------------------------------------- filters
  function readFiltersFromAddress() {
    const search = new URLSearchParams(location.search);
    state.filters = { areaId: search.get('areaId') || '', from: search.get('from') || '', to: search.get('to') || '' };
    $('filter-from').value = state.filters.from;
    $('filter-to').value = state.filters.to;
  }
  let filterTimer = 0;
  function applyFilters(delayMs) {
    clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      const filters = { areaId: $('filter-area').value, from: $('filter-from').value, to: $('filter-to').value };
      if (filters.from && filters.to && filters.from >= filters.to) {
        $('filter-message').textContent = '“Logged before” must be a later date than “Logged from”.';
        return;
      }
      $('filter-message').textContent = '';
      state.filters = filters;
      history.replaceState(null, '', location.pathname + query(filters));
      if (filters.areaId) chooseScorecardArea(filters.areaId);
      scheduleRefresh(0);
    }, delayMs);
  }

  // ---------------------------------------------------------------- wiring
  function wire() {
    for (const button of document.querySelectorAll('.table-toggle')) {
      button.addEventListener('click', () => {
        const open = button.getAttribute('aria-expanded') !== 'true';
        button.setAttribute('aria-expanded', String(open));
        button.textContent = open ? 'Hide table' : 'Show table';
        $(button.getAttribute('aria-controls')).hidden = !open;
      });
      // Without Chart.js the tables are the figures: show them.
      if (!hasCharts) button.click();
    }
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      applyFilters(0);
    });
    $('filters').addEventListener('reset', () => applyFilters(0));
    for (const id of ['filter-area', 'filter-from', 'filter-to']) $(id).addEventListener('change', () => applyFilters(300));
    $('scorecard-area').addEventListener('change', (event) => chooseScorecardArea(event.target.value));
    $('scorecard-indicator').addEventListener('change', (event) => {
      state.scorecardIndicator = event.target.value;
      drawScorecardIndicator();
    });
    $('sign-in-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const token = cleanToken($('token-input').value);
      if (!token) {
        $('sign-in-message').textContent = 'Paste a token first.';
        return;
      }
      start(token);
    });
    $('sign-out').addEventListener('click', () => showSignIn(''));
    window.addEventListener('pagehide', closeLive);
  }

  function main() {
    if (hasCharts) chartDefaults();
    wire();
    readTokenFromAddress();
    readFiltersFromAddress();
    state.scorecardArea = '';
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) start(token);
    else showSignIn('');
  }

  main();
})();
