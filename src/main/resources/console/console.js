// The datalog-loader console: reads /api/status every few seconds and draws it; the buttons POST
// to the console's actions with the header that marks them as the console's own.
'use strict';

const STATUS_PATH = '/api/status';
const ACTION_HEADER = 'X-Datalog-Console';
const REFRESH_MS = 3000;
const HOUR_MS = 3600 * 1000;
const MIN_SPAN_MS = 2 * 60 * 1000;
const TICK_STEPS_MS = [20, 30, 60, 120, 300, 600].map(s => s * 1000);

const byId = id => document.getElementById(id);
const count = n => n == null ? '–' : Math.round(n).toLocaleString('en-US');
// times in the browser's zone, written like 2026-12-01 17:57:43 (Swedish conventions are ISO's)
const clock = iso => iso ? new Date(iso).toLocaleTimeString('sv-SE') : '–';
const dateTime = iso => iso ? new Date(iso).toLocaleString('sv-SE') : '–';

function duration(seconds) {
  if (seconds == null) return 'unknown';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + 's';
  if (s < 3600) return Math.floor(s / 60) + 'm ' + String(s % 60).padStart(2, '0') + 's';
  return Math.floor(s / 3600) + 'h ' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + 'm';
}

function ago(iso, nowIso) {
  if (!iso) return '';
  return duration((new Date(nowIso) - new Date(iso)) / 1000) + ' ago';
}

function setText(id, text) {
  byId(id).textContent = text;
}

function badge(id, text, tone) {
  const element = byId(id);
  element.textContent = text;
  element.className = 'badge ' + tone;
}

function showProblem(text) {
  const problem = byId('problem');
  problem.textContent = text;
  problem.hidden = !text;
}

function render(status) {
  const state = status.route.state;
  const tone = state === 'Started' ? 'good' : state === 'Suspended' ? 'warn' : 'bad';
  badge('route-state', 'route ' + state.toLowerCase(), tone);
  setText('route-state-big', state);
  byId('suspend').disabled = state !== 'Started';
  byId('resume').disabled = state !== 'Suspended';
  badge('database', status.database_reachable ? 'database reachable' : 'database unreachable',
      status.database_reachable ? 'good' : 'bad');

  const files = status.files;
  setText('files-done', count(files.done));
  setText('files-loaded', count(files.loaded));
  setText('files-replaced', count(files.replaced));
  setText('files-duplicates', count(files.duplicates));
  setText('files-failed', count(files.failed));
  setText('files-waiting', count(files.waiting));
  setText('eta', files.waiting === 0 ? 'nothing waiting' : duration(status.eta_seconds));
  setText('rows-per-second', count(status.rows_per_second));
  setText('files-per-minute', count(status.files_per_minute));
  setText('rows-loaded', count(status.rows_loaded));
  setText('running-since', dateTime(status.running_since));
  setText('last-success', clock(status.last_success));
  setText('last-success-ago', status.last_success ? ago(status.last_success, status.at) : 'none yet');
  setText('last-file', status.last_file || '–');

  renderFailedFiles(status.failed_files);
  renderRecentFiles(status.recent_files);
  drawChart(byId('throughput'), status.throughput, status.at);
  setText('updated', clock(status.at));
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function renderFailedFiles(failed) {
  const body = byId('failed-files').tBodies[0];
  body.replaceChildren();
  for (const file of failed.files) {
    const row = body.insertRow();
    row.dataset.file = file.name;
    cell(row, file.name);
    cell(row, file.kind || '–');
    cell(row, file.row == null ? '' : count(file.row), 'number');
    cell(row, file.message || 'no reason file', 'reason');
    cell(row, dateTime(file.rejected_at));
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'retry';
    retry.textContent = 'Retry';
    retry.addEventListener('click', () => act('/api/retry', {file: file.name}, retry, 'Retrying…'));
    row.insertCell().appendChild(retry);
  }
  setText('failed-count', failed.total > failed.files.length ? '(' + failed.files.length + ' of ' + count(failed.total) + ')'
      : failed.total ? '(' + failed.total + ')' : '');
  byId('failed-files').hidden = failed.total === 0;
  byId('no-failed-files').hidden = failed.total !== 0;
}

function renderRecentFiles(recent) {
  const body = byId('recent-files').tBodies[0];
  body.replaceChildren();
  if (recent == null) {
    byId('no-recent-files').textContent = 'The ledger cannot be read while the database does not answer.';
    byId('no-recent-files').hidden = false;
    return;
  }
  for (const file of recent) {
    const row = body.insertRow();
    row.dataset.file = file.name;
    cell(row, file.name);
    cell(row, file.status, 'outcome-' + file.status);
    // rows quarantine set aside (datalog.bad-rows = quarantine), beside the rows loaded
    cell(row, count(file.rows) + (file.rows_rejected ? ' (+' + count(file.rows_rejected) + ' set aside)' : ''), 'number');
    // only a load has a duration worth showing; a duplicate or a failure is recorded in one step
    const loadedOnce = file.status === 'loaded' || file.status === 'replaced' || file.status === 'unloaded';
    cell(row, loadedOnce && file.duration_ms != null ? (file.duration_ms / 1000).toFixed(2) + ' s' : '–', 'number');
    cell(row, dateTime(file.finished_at));
  }
  byId('no-recent-files').textContent = 'No files yet.';
  byId('no-recent-files').hidden = recent.length !== 0;
}

const GRID_LINES = 4;

/** An axis maximum at or above value whose grid steps are round: 1, 2, 2.5 or 5 times a power of ten. */
function niceMax(value) {
  if (!(value > 0)) return GRID_LINES;
  const rawStep = value / GRID_LINES;
  const magnitude = Math.pow(10, Math.floor(Math.log10(rawStep)));
  const step = [1, 2, 2.5, 5, 10].map(m => m * magnitude).find(s => s >= rawStep);
  return step * GRID_LINES;
}

function compact(value) {
  if (value >= 1e6) return (value / 1e6).toFixed(value >= 1e7 ? 0 : 1) + 'M';
  if (value >= 1e3) return (value / 1e3).toFixed(value >= 1e4 ? 0 : 1) + 'k';
  return String(Math.round(value * 10) / 10);
}

function drawChart(canvas, throughput, nowIso) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = canvas.clientHeight;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  g.scale(ratio, ratio);
  const style = getComputedStyle(document.documentElement);
  const colour = name => style.getPropertyValue(name).trim();
  const plot = {left: 56, right: width - 48, top: 10, bottom: height - 22};
  const end = new Date(nowIso).getTime();
  const points = throughput.points.map(p => ({t: new Date(p.at).getTime(), rows: p.rows_per_second, files: p.files_per_minute}))
      .filter(p => p.t >= end - HOUR_MS);
  // the last hour, or less while the daemon has run less: a fresh start is shown in detail
  const span = Math.min(HOUR_MS, Math.max(MIN_SPAN_MS, points.length ? end - points[0].t + throughput.interval_seconds * 1000 : 0));
  const start = end - span;
  byId('throughput-title').textContent = span < HOUR_MS
      ? 'Throughput, last ' + Math.round(span / 60000) + ' minutes'
      : 'Throughput, last hour';
  const rowsMax = niceMax(Math.max(0, ...points.map(p => p.rows)));
  const filesMax = niceMax(Math.max(0, ...points.map(p => p.files)));
  const x = t => plot.left + (t - start) / span * (plot.right - plot.left);
  const y = (value, max) => plot.bottom - value / max * (plot.bottom - plot.top);

  g.font = '11px system-ui, sans-serif';
  g.lineWidth = 1;
  g.strokeStyle = colour('--line');
  g.fillStyle = colour('--muted');
  g.textBaseline = 'middle';
  for (let i = 0; i <= GRID_LINES; i++) {
    const gy = plot.top + i * (plot.bottom - plot.top) / GRID_LINES;
    g.beginPath();
    g.moveTo(plot.left, gy);
    g.lineTo(plot.right, gy);
    g.stroke();
    g.textAlign = 'right';
    g.fillText(compact(rowsMax * (GRID_LINES - i) / GRID_LINES), plot.left - 6, gy);
    g.textAlign = 'left';
    g.fillText(compact(filesMax * (GRID_LINES - i) / GRID_LINES), plot.right + 6, gy);
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  const tick = TICK_STEPS_MS.find(step => span / step <= 6);
  const withSeconds = tick < 60000 ? {second: '2-digit'} : {};
  for (let ago = 0; ago <= span; ago += tick) {
    const t = end - ago;
    g.fillText(ago === 0 ? 'now' : new Date(t).toLocaleTimeString('sv-SE', {hour: '2-digit', minute: '2-digit', ...withSeconds}),
        x(t), plot.bottom + 6);
  }
  if (points.length === 0) {
    g.textBaseline = 'middle';
    g.fillText('collecting: a sample every ' + throughput.interval_seconds + ' s', (plot.left + plot.right) / 2, (plot.top + plot.bottom) / 2);
    return;
  }
  const rowsColour = colour('--rows');
  g.beginPath();
  g.moveTo(x(points[0].t), plot.bottom);
  points.forEach(p => g.lineTo(x(p.t), y(p.rows, rowsMax)));
  g.lineTo(x(points[points.length - 1].t), plot.bottom);
  g.closePath();
  g.globalAlpha = 0.15;
  g.fillStyle = rowsColour;
  g.fill();
  g.globalAlpha = 1;
  line(g, points.map(p => [x(p.t), y(p.rows, rowsMax)]), rowsColour);
  line(g, points.map(p => [x(p.t), y(p.files, filesMax)]), colour('--files'));
}

function line(g, xy, colour) {
  g.beginPath();
  xy.forEach(([px, py], i) => i === 0 ? g.moveTo(px, py) : g.lineTo(px, py));
  g.strokeStyle = colour;
  g.lineWidth = 2;
  g.stroke();
  g.lineWidth = 1;
}

async function act(path, body, button, pendingText) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = pendingText;
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: {[ACTION_HEADER]: '1', 'Content-Type': 'application/json'},
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    const answer = await response.json().catch(() => ({}));
    showProblem(response.ok ? '' : (answer.error || response.status + ' ' + response.statusText));
  } catch (e) {
    showProblem('Cannot reach the loader: ' + e.message);
  } finally {
    button.textContent = label;
    button.disabled = false;
    await refresh();
  }
}

let lastProblemWasOurs = false;

async function refresh() {
  try {
    const response = await fetch(STATUS_PATH, {cache: 'no-store', credentials: 'same-origin'});
    if (!response.ok) {
      const answer = await response.json().catch(() => ({}));
      throw new Error(answer.error || response.status + ' ' + response.statusText);
    }
    render(await response.json());
    if (lastProblemWasOurs) showProblem('');
    lastProblemWasOurs = false;
  } catch (e) {
    showProblem('Cannot read ' + STATUS_PATH + ': ' + e.message);
    lastProblemWasOurs = true;
    badge('route-state', 'route unknown', '');
    badge('database', 'database unknown', '');
  }
}

async function loop() {
  await refresh();
  setTimeout(loop, REFRESH_MS);
}

document.addEventListener('DOMContentLoaded', () => {
  byId('suspend').addEventListener('click', () => act('/api/route/suspend', {}, byId('suspend'), 'Suspending…'));
  byId('resume').addEventListener('click', () => act('/api/route/resume', {}, byId('resume'), 'Resuming…'));
  loop();
});
