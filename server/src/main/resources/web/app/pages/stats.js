// Listening stats drawn as charts: listens per day (last 30 days) and per week (this year) with
// uPlot, an hour-by-weekday heat map, tops for the chosen period (by listens and by time), streaks
// and personas; on one's own stats, the circle: who listened most, who is listening now, the
// circle's streak and awards, the taste one shares with a member, as far as each friend lets
// friends see, and a recap of a year or a month (with its PNG card). The owner can look at any
// user's stats or the whole server's. Every chart has a table beside it for screen readers and for
// anyone who prefers numbers.
import {h, clear, plural} from '/app/dom.js';
import {api} from '/app/api.js';
import {session} from '/app/session.js';
import {navigate} from '/app/router.js';

const PERIODS = [['week', 'This week'], ['month', 'This month'], ['year', 'This year'], ['all', 'All time']];
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const PERSONAS = {
  'night-owl': 'Night owl', 'early-bird': 'Early bird', 'weekend-listener': 'Weekend listener',
  'explorer': 'Explorer', 'loyalist': 'Loyalist', 'on-repeat': 'On repeat',
};

export async function render(main, ctx) {
  const who = ctx.params.username ? {path: `/api/stats/users/${encodeURIComponent(ctx.params.username)}`, label: ctx.params.username}
    : location.pathname === '/stats/server' ? {path: '/api/stats/server', label: 'Everyone'} : {path: '/api/stats/me', label: null};
  const period = PERIODS.some(([key]) => key === ctx.query.get('period')) ? ctx.query.get('period') : 'month';
  ctx.title(who.label ? `Stats: ${who.label}` : 'Stats');
  const body = h('div');
  main.append(h('h1', null, who.label ? `Listening stats: ${who.label}` : 'Your listening'),
    session.owner ? await whoseStats(who) : null,
    h('div', {class: 'tabs', role: 'group', 'aria-label': 'Period'}, PERIODS.map(([key, label]) =>
      h('button', {type: 'button', 'aria-pressed': String(key === period), onclick: () =>
        navigate(`${location.pathname}?period=${key}`, {replace: true})}, label))),
    body);
  const report = await api.get(`${who.path}?period=${period}`);
  if (!ctx.current()) return;
  const charts = [];
  clear(body,
    h('div', {class: 'panels'},
      figure('Listens', report.listens.toLocaleString(), `${plural(report.minutesListened, 'minute')} listened`),
      figure('Different', plural(report.distinctTracks, 'track'),
        `${plural(report.distinctArtists, 'artist')} · ${plural(report.distinctAlbums, 'album')}`),
      figure('Streak', plural(report.currentStreak, 'day'), `longest ${plural(report.longestStreak, 'day')}`)),
    h('h2', null, 'Listens per day, last 30 days'),
    chartBlock('days-chart', report.listensLast30Days, d => d.day.slice(5), charts, 'Listens per day'),
    h('h2', null, 'Listens per week, this year'),
    chartBlock('weeks-chart', report.listensByWeekThisYear, d => `Week of ${d.day.slice(5)}`, charts, 'Listens per week'),
    h('h2', null, 'When'),
    heatMap(report.heatMap),
    h('p', {class: 'muted small'}, `Times are in ${report.timeZone}.`),
    h('div', {class: 'panels'},
      top('Top tracks', report.topTracks, t => [h('strong', null, t.title), h('span', {class: 'muted'}, ` · ${t.artist || ''}`)]),
      top('Top artists', report.topArtists, a => h('a', {href: `/artists/${encodeURIComponent(a.id)}`}, a.name)),
      top('Top albums', report.topAlbums, a => [h('a', {href: `/albums/${encodeURIComponent(a.id)}`}, a.name),
        h('span', {class: 'muted'}, ` · ${a.artist || ''}`)])),
    h('div', {class: 'panels'},
      top('Tracks by time', report.topTracksByTime, t => [h('strong', null, t.title), h('span', {class: 'muted'}, ` · ${t.artist || ''}`)], minutes),
      top('Artists by time', report.topArtistsByTime, a => h('a', {href: `/artists/${encodeURIComponent(a.id)}`}, a.name), minutes)),
    h('h2', null, 'Personas'),
    report.personas.length ? h('ul', {class: 'list-cards'}, report.personas.map(p => h('li', {class: 'persona'},
      h('strong', null, PERSONAS[p.id] || p.id), h('div', {class: 'muted'}, p.reason))))
      : h('p', {class: 'empty'}, 'Personas appear after 20 listens in the period.'),
    who.path === '/api/stats/me' ? await circle(period) : null,
    who.path === '/api/stats/me' ? await recap() : null);
  if (!ctx.current()) return;
  await drawCharts(charts);
  const resize = () => charts.forEach(c => c.plot && c.plot.setSize(size(c.el)));
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    charts.forEach(c => c.plot && c.plot.destroy());
  };
}

async function whoseStats(current) {
  let users = [];
  try { users = await api.get('/api/users'); } catch (ignored) { /* the select then offers fewer choices */ }
  const select = h('select', {id: 'whose'},
    h('option', {value: '/stats'}, 'Mine'), h('option', {value: '/stats/server'}, 'The whole server'),
    users.filter(u => u.username !== session.user.username).map(u => h('option', {value: `/stats/users/${encodeURIComponent(u.username)}`}, u.username)));
  select.value = location.pathname;
  select.addEventListener('change', () => navigate(select.value));
  return h('div', {class: 'row'}, h('label', {for: 'whose'}, 'Whose stats'), select);
}

function figure(label, value, sub) {
  return h('div', {class: 'panel'}, h('div', {class: 'muted small'}, label), h('div', {class: 'stat'}, value), h('div', {class: 'muted small'}, sub));
}

function chartBlock(id, series, labelOf, charts, name) {
  const total = series.reduce((t, d) => t + d.listens, 0);
  const el = h('div', {class: 'chart', id, role: 'img', 'aria-label': `${name}: ${plural(total, 'listen')} in all; the table below has every value`});
  charts.push({el, series});
  return h('div', {class: 'panel'}, el,
    h('details', null, h('summary', null, 'As a table'),
      h('div', {class: 'table-wrap'}, h('table', null, h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'When'), h('th', {scope: 'col'}, 'Listens'),
        h('th', {scope: 'col'}, 'Minutes'))),
        h('tbody', null, series.map(d => h('tr', null, h('td', null, labelOf(d)), h('td', null, d.listens), h('td', null, d.minutes))))))));
}

function size(el) {
  return {width: Math.max(260, el.clientWidth), height: 200};
}

async function drawCharts(charts) {
  const {default: uPlot} = await import('uplot');
  for (const chart of charts) {
    const xs = chart.series.map((d, i) => i);
    const ys = chart.series.map(d => d.listens);
    const labels = chart.series.map(d => d.day.slice(5));
    const axis = {stroke: '#a9afbc', grid: {stroke: '#2e3340', width: 1}, ticks: {stroke: '#2e3340', width: 1}};
    chart.plot = new uPlot({
      ...size(chart.el),
      legend: {show: false},
      cursor: {show: false},
      scales: {x: {time: false, range: [-0.6, xs.length - 0.4]}, y: {range: (u, min, max) => [0, Math.max(4, max * 1.15)]}},
      axes: [{...axis, values: (u, splits) => splits.map(i => labels[Math.round(i)] || '')},
        {...axis, size: 40, values: (u, splits) => splits.map(v => Number.isInteger(v) ? v : '')}],
      series: [{}, {label: 'Listens', fill: '#f2b84b', stroke: '#f2b84b', width: 0, paths: uPlot.paths.bars({size: [0.7, 40]}), points: {show: false}}],
    }, [xs, ys], chart.el);
  }
}

function heatMap(rows) {
  const max = Math.max(1, ...rows.flat());
  const level = n => n === 0 ? '' : `l${Math.min(4, Math.ceil((n / max) * 4))}`;
  return h('div', {class: 'panel table-wrap'}, h('table', {class: 'heat'},
    h('caption', {class: 'visually-hidden'}, 'Listens by weekday and hour of day'),
    h('thead', null, h('tr', {class: 'hours'}, h('td'), Array.from({length: 24}, (_, hour) =>
      h('th', {scope: 'col'}, hour % 3 === 0 ? String(hour) : h('span', {class: 'visually-hidden'}, String(hour)))))),
    h('tbody', null, rows.map((row, day) => h('tr', null, h('th', {scope: 'row'}, WEEKDAYS[day]),
      row.map((n, hour) => h('td', {class: level(n), title: `${WEEKDAYS[day]} ${hour}:00, ${plural(n, 'listen')}`},
        h('span', {class: 'visually-hidden'}, String(n)))))))));
}

function minutes(item) {
  return plural(item.minutes, 'min');
}

function top(title, items, draw, count = item => item.listens) {
  return h('div', {class: 'panel'}, h('h3', null, title),
    items.length ? h('ol', {class: 'top'}, items.map(item => h('li', null, draw(item), h('span', {class: 'count'}, ` · ${count(item)}`))))
      : h('p', {class: 'empty'}, 'No listens in this period.'));
}

/** A recap of this year so far, last year, or a month of this year. */
async function recap() {
  const year = new Date().getFullYear();
  const months = Array.from({length: new Date().getMonth() + 1}, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
  const select = h('select', {id: 'recap-period'}, [String(year), String(year - 1), ...months.reverse()]
    .map(p => h('option', {value: p}, p.length === 4 ? p : new Date(`${p}-01T12:00:00`).toLocaleDateString(undefined, {month: 'long', year: 'numeric'}))));
  const shown = h('div', {'aria-live': 'polite'});
  const draw = async () => {
    const r = await api.get(`/api/stats/recap?period=${select.value}`);
    const first = (items, name) => items.length ? name(items[0]) : '–';
    clear(shown, r.listens === 0 ? h('p', {class: 'empty'}, 'No listens in this period.') : [
      h('div', {class: 'panels'},
        figure(r.soFar ? 'So far' : 'In all', plural(r.minutesListened, 'minute'), `${plural(r.listens, 'listen')} · ${plural(r.distinctArtists, 'artist')}`),
        figure('Top track', first(r.topTracks, t => t.title), first(r.topTracks, t => t.artist || '')),
        figure('Top artist', first(r.topArtists, a => a.name), first(r.topArtists, a => plural(a.listens, 'listen'))),
        figure('Top album', first(r.topAlbums, a => a.name), first(r.topAlbums, a => a.artist || ''))),
      h('dl', {class: 'facts'},
        h('dt', null, 'Busiest day'), h('dd', null, `${r.busiestDay.day}, ${plural(r.busiestDay.listens, 'listen')}`),
        h('dt', null, 'Favourite hour'), h('dd', null, `${r.busiestHour}:00 · most on ${r.busiestWeekday}s`),
        h('dt', null, 'First listen'), h('dd', null, `${r.firstListen.title}${r.firstListen.artist ? ` · ${r.firstListen.artist}` : ''}`),
        h('dt', null, 'New artists'), h('dd', null, r.newArtistCount ? `${r.newArtistCount}: ${r.newArtists.map(a => a.name).join(', ')}${r.newArtistCount > r.newArtists.length ? '…' : ''}` : 'none'),
        h('dt', null, 'Personas'), h('dd', null, r.personas.length ? r.personas.map(p => PERSONAS[p.id] || p.id).join(', ') : 'none yet'))]);
  };
  const card = h('a', {class: 'button', id: 'recap-card'}, 'Download card');
  const pointCard = () => {
    card.href = `/api/stats/recap.png?period=${select.value}`;
    card.setAttribute('download', `recap-${session.user.username}-${select.value}.png`);
  };
  select.addEventListener('change', () => { pointCard(); draw(); });
  pointCard();
  await draw();
  return h('section', {'aria-labelledby': 'recap-h', id: 'recap'},
    h('h2', {id: 'recap-h'}, 'Recap'),
    h('div', {class: 'row'}, h('label', {for: 'recap-period'}, 'Period'), select, card), shown);
}

/** The circle: only friends who chose to share are in it (Me → Your listening). */
async function circle(period) {
  const c = await api.get(`/api/stats/circle?period=${period}`);
  const ranking = (title, members, value, empty = 'No listens in this period.') => h('div', {class: 'panel'}, h('h3', null, title),
    members.length ? h('ol', {class: 'top'}, members.map(m => h('li', null, h('strong', null, m.username), h('span', {class: 'count'}, ` · ${value(m)}`))))
      : h('p', {class: 'empty'}, empty));
  return h('section', {'aria-labelledby': 'circle-h', id: 'circle'},
    h('h2', {id: 'circle-h'}, 'The circle'),
    h('p', {class: 'muted small'}, 'You and the friends who let friends see their listening.'),
    h('div', {class: 'panels'},
      figure('Circle streak', plural(c.currentStreak, 'day'), `longest ${plural(c.longestStreak, 'day')}`),
      ranking('Most time', c.byTime, m => plural(m.minutes, 'min')),
      ranking('Most listens', c.byListens, m => plural(m.listens, 'listen')),
      ranking('On a streak', c.byListens.filter(m => m.currentStreak > 1).sort((a, b) => b.currentStreak - a.currentStreak),
        m => `${plural(m.currentStreak, 'day')} in a row`, 'Nobody has listened two days in a row.')),
    h('h3', null, 'Listening now'),
    c.listeningNow.length ? h('ul', {class: 'list-cards'}, c.listeningNow.map(n => h('li', null,
      h('strong', null, n.username), ` ${n.state === 'paused' ? 'paused' : 'is playing'} `, h('strong', null, n.title),
      h('span', {class: 'muted'}, ` · ${n.artist || ''} · ${n.client || ''}`))))
      : h('p', {class: 'empty'}, 'Nobody who shares it is listening now.'),
    h('h3', null, 'Awards'),
    c.awards.length ? h('ul', {class: 'list-cards'}, c.awards.map(a => h('li', {class: 'persona'},
      h('strong', null, `${a.title}: ${a.username}`), h('div', {class: 'muted'}, a.reason))))
      : h('p', {class: 'empty'}, 'Awards go to members with at least 10 listens in the period.'),
    overlap(c, period));
}

/** Taste overlap with one member of the circle: a score and the artists and tracks both played. */
function overlap(c, period) {
  const names = [...new Set(c.byListens.map(m => m.username))].filter(name => name !== session.user.username);
  if (!names.length) {
    return h('p', {class: 'empty'}, 'Taste overlap: nobody else in the circle listened in this period.');
  }
  const select = h('select', {id: 'overlap-with'}, names.map(name => h('option', {value: name}, name)));
  const shown = h('div', {'aria-live': 'polite', id: 'overlap'});
  const both = (item, label) => h('li', null, label, h('span', {class: 'count'}, ` · you ${item.yourListens}, ${select.value} ${item.theirListens}`));
  const draw = async () => {
    const o = await api.get(`/api/stats/overlap?with=${encodeURIComponent(select.value)}&period=${period}`);
    clear(shown, h('div', {class: 'panels'},
      figure('Taste overlap', `${o.score}%`, `artists ${o.artistScore}% · tracks ${o.trackScore}%`),
      h('div', {class: 'panel'}, h('h3', null, 'Artists you share'), o.sharedArtists.length
        ? h('ol', {class: 'top'}, o.sharedArtists.map(a => both(a, h('strong', null, a.name)))) : h('p', {class: 'empty'}, 'None yet.')),
      h('div', {class: 'panel'}, h('h3', null, 'Tracks you share'), o.sharedTracks.length
        ? h('ol', {class: 'top'}, o.sharedTracks.map(t => both(t, [h('strong', null, t.title), h('span', {class: 'muted'}, ` · ${t.artist || ''}`)])))
        : h('p', {class: 'empty'}, 'None yet.'))));
  };
  select.addEventListener('change', () => draw().catch(e => clear(shown, h('p', {class: 'error', role: 'alert'}, e.message))));
  draw().catch(e => clear(shown, h('p', {class: 'error', role: 'alert'}, e.message)));
  return h('div', null, h('h3', null, 'Taste overlap'),
    h('p', {class: 'muted small'}, 'The share of your listening you have in common, by artist and by track.'),
    h('div', {class: 'row'}, h('label', {for: 'overlap-with'}, 'With'), select), shown);
}
