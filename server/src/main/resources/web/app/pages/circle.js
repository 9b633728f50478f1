// The owner's circle: invites (with a link to copy and a QR code for a phone), users (grants,
// disabling, deleting, a new password), the library (scan status, rescan, unreadable files), the
// tools ingest needs (from /api/health) and streaming profiles (transcoding per user and app).
import {h, clear, date, day, plural, announce} from '/app/dom.js';
import {api} from '/app/api.js';
import {session} from '/app/session.js';
import {choose, copy, notice} from '/app/ui.js';

const TABS = [['invites', 'Invites'], ['users', 'Users'], ['library', 'Library'], ['tools', 'Tools'],
  ['streaming', 'Streaming']];

export async function render(main, ctx) {
  const tab = TABS.some(([key]) => key === ctx.params.tab) ? ctx.params.tab : 'invites';
  ctx.title(`Circle: ${TABS.find(([key]) => key === tab)[1]}`);
  const body = h('div');
  main.append(h('h1', null, 'Circle'),
    h('nav', {class: 'tabs', 'aria-label': 'Circle'}, TABS.map(([key, label]) =>
      h('a', {href: key === 'invites' ? '/circle' : `/circle/${key}`, 'aria-current': key === tab ? 'page' : null}, label))),
    body);
  return ({invites, users, library, tools, streaming})[tab](body, ctx);
}

// ---- invites ----

function inviteLink(invite) {
  return session.server.address + invite.signupPath;
}

function inviteStatus(invite) {
  if (invite.revoked) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used';
  if (new Date(invite.expiresAt) <= new Date()) return 'expired';
  return 'usable';
}

async function invites(body, ctx) {
  const listEl = h('ul', {class: 'list-cards', 'aria-label': 'Invites'});
  const created = h('div', {'aria-live': 'polite'});
  const refresh = async () => {
    const all = await api.get('/api/invites');
    if (!ctx.current()) return;
    clear(listEl, all.length ? all.map(invite => inviteItem(invite, refresh)) : h('li', {class: 'empty'}, 'No invites yet.'));
  };
  const role = h('select', {id: 'invite-role'}, h('option', {value: 'friend'}, 'Friend'), h('option', {value: 'owner'}, 'Co-owner'));
  const download = h('input', {type: 'checkbox', id: 'invite-download'});
  const ingest = h('input', {type: 'checkbox', id: 'invite-ingest'});
  const note = h('input', {type: 'text', id: 'invite-note', maxlength: '200', placeholder: 'for Sam'});
  const uses = h('input', {type: 'number', id: 'invite-uses', min: '1', max: '100', value: '1', required: true});
  const days = h('select', {id: 'invite-days'}, [1, 7, 30, 90, 365].map(n => h('option', {value: String(n)}, plural(n, 'day'))));
  days.value = '7';
  const error = h('p', {class: 'error', role: 'alert'});
  body.append(h('form', {class: 'panel', 'aria-labelledby': 'new-invite-h', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    try {
      const invite = await api.post('/api/invites', {role: role.value, download: download.checked, ingest: ingest.checked,
        note: note.value.trim() || null, maxUses: Number(uses.value),
        expiresAt: new Date(Date.now() + Number(days.value) * 86400000).toISOString()});
      note.value = '';
      clear(created, shareInvite(invite));
      await refresh();
      announce('Invite created');
    } catch (e) {
      error.textContent = e.message;
    }
  }},
  h('h2', {id: 'new-invite-h'}, 'Invite someone'),
  h('div', {class: 'grid-2'},
    h('div', null, h('label', {for: 'invite-note'}, 'Note (who it is for)'), note),
    h('div', null, h('label', {for: 'invite-role'}, 'Role'), role),
    h('div', null, h('label', {for: 'invite-uses'}, 'Uses'), uses),
    h('div', null, h('label', {for: 'invite-days'}, 'Valid for'), days)),
  h('label', {class: 'check', for: 'invite-download'}, download, 'May download files'),
  h('label', {class: 'check', for: 'invite-ingest'}, ingest, 'May add music from links'),
  error, h('button', {type: 'submit', class: 'primary'}, 'Create invite link')),
  created, h('h2', null, 'Invites'), listEl);
  await refresh();
}

function shareInvite(invite) {
  const link = inviteLink(invite);
  const copyButton = h('button', {type: 'button', onclick: () => copy(link, copyButton)}, 'Copy link');
  return h('div', {class: 'panel', id: 'new-invite'},
    h('h3', null, 'Send this link'),
    h('div', {class: 'secret'}, h('code', {id: 'invite-link'}, link), copyButton),
    h('p', {class: 'muted small'}, 'Or let your friend scan it with their phone’s camera:'),
    h('img', {class: 'qr', src: `/api/invites/${encodeURIComponent(invite.code)}/qr`, alt: `QR code of the invite link ${link}`, width: 192, height: 192}));
}

function inviteItem(invite, refresh) {
  const status = inviteStatus(invite);
  const link = inviteLink(invite);
  const qr = h('div');
  const copyButton = h('button', {type: 'button', onclick: () => copy(link, copyButton)}, 'Copy link');
  const qrButton = h('button', {type: 'button', 'aria-expanded': 'false', onclick: () => {
    const open = qrButton.getAttribute('aria-expanded') === 'true';
    qrButton.setAttribute('aria-expanded', String(!open));
    clear(qr, open ? null : h('img', {class: 'qr', src: `/api/invites/${encodeURIComponent(invite.code)}/qr`, alt: `QR code of ${link}`, width: 192, height: 192}));
  }}, 'QR code');
  const grants = [invite.role === 'owner' ? 'co-owner' : 'friend', invite.download ? 'download' : null, invite.ingest ? 'add music' : null].filter(Boolean).join(', ');
  return h('li', {'data-code': invite.code},
    h('div', {class: 'row'}, h('strong', null, invite.note || 'Invite'), h('span', {class: `badge ${status === 'usable' ? 'succeeded' : 'failed'}`}, status)),
    h('p', {class: 'muted small'}, `${grants} · used ${invite.uses} of ${invite.maxUses} · ${status === 'expired' ? 'expired' : 'expires'} ${day(invite.expiresAt)} · made ${day(invite.createdAt)} by ${invite.createdBy}`),
    invite.usedBy.length ? h('p', {class: 'small'}, 'Used by: ', invite.usedBy.map(u => `${u.username} (${day(u.usedAt)})`).join(', ')) : null,
    status === 'usable' ? h('div', {class: 'row'}, copyButton, qrButton,
      h('button', {type: 'button', class: 'danger', onclick: async () => {
        await api.del(`/api/invites/${encodeURIComponent(invite.code)}`).catch(e => announce(e.message));
        announce('Invite revoked');
        refresh();
      }}, 'Revoke')) : null,
    qr);
}

// ---- users ----

async function users(body, ctx) {
  const table = h('div');
  const said = h('p', {role: 'status', class: 'muted small'});
  const refresh = async () => {
    const all = await api.get('/api/users');
    if (!ctx.current()) return;
    clear(table, h('ul', {class: 'list-cards', 'aria-label': 'Users'}, all.map(user => userItem(user, refresh, said))));
  };
  body.append(said, table);
  await refresh();
}

function userItem(user, refresh, said) {
  const me = user.username === session.user.username;
  const change = async (patch, message) => {
    try {
      await api.patch(`/api/users/${encodeURIComponent(user.username)}`, patch);
      said.textContent = message;
      await refresh();
    } catch (e) {
      said.textContent = e.message;
    }
  };
  const toggle = (field, label) => {
    const box = h('input', {type: 'checkbox', id: `${field}-${user.username}`, checked: user.role === 'owner' || user[field],
      disabled: user.role === 'owner', onchange: () => change({[field]: box.checked}, `${user.username}: ${label} ${box.checked ? 'on' : 'off'}`)});
    return h('label', {class: 'check', for: `${field}-${user.username}`}, box, label);
  };
  return h('li', {'data-user': user.username},
    h('div', {class: 'row'}, h('strong', null, user.username),
      h('span', {class: 'badge'}, user.role === 'owner' ? 'owner' : 'friend'),
      user.enabled ? null : h('span', {class: 'badge failed'}, 'disabled'),
      h('span', {class: 'muted small'}, `since ${day(user.createdAt)}`)),
    h('div', {class: 'row'}, toggle('download', 'May download'), toggle('ingest', 'May add music')),
    me ? h('p', {class: 'muted small'}, 'This is you: you cannot disable or delete yourself.') : h('div', {class: 'row'},
      h('a', {class: 'button quiet', href: `/stats/users/${encodeURIComponent(user.username)}`}, 'Stats'),
      h('button', {type: 'button', onclick: () => newPassword(user, change)}, 'Set a new password'),
      h('button', {type: 'button', onclick: () => change({enabled: !user.enabled}, `${user.username} ${user.enabled ? 'disabled' : 'enabled'}`)},
        user.enabled ? 'Disable' : 'Enable'),
      h('button', {type: 'button', class: 'danger', onclick: () => remove(user, refresh, said)}, 'Delete')));
}

async function newPassword(user, change) {
  const password = await choose(`New password for ${user.username}`, done => {
    const box = h('input', {type: 'text', id: 'reset-password', minlength: '8', maxlength: '128', required: true, autocomplete: 'off'});
    return h('form', {onsubmit: event => { event.preventDefault(); done(box.value); }},
      h('label', {for: 'reset-password'}, 'New password (at least 8 characters)'), box,
      h('p', {class: 'hint'}, 'Their browsers are signed out; apps need the new password.'),
      h('p', null, h('button', {type: 'submit', class: 'primary'}, 'Set password')));
  });
  if (password) change({password}, `New password set for ${user.username}`);
}

async function remove(user, refresh, said) {
  const choice = await choose(`Delete ${user.username}?`, done => h('div', null,
    h('p', null, 'The account, its sessions, API keys, playlists and play queue are deleted at once.'),
    h('p', {class: 'row'},
      h('button', {type: 'button', class: 'danger', onclick: () => done('keep')}, 'Delete, keep listening history'),
      h('button', {type: 'button', class: 'danger', onclick: () => done('history')}, 'Delete with history'))));
  if (!choice) return;
  try {
    await api.del(`/api/users/${encodeURIComponent(user.username)}${choice === 'history' ? '?deleteHistory=true' : ''}`);
    said.textContent = `${user.username} deleted`;
    await refresh();
  } catch (e) {
    said.textContent = e.message;
  }
}

// ---- library ----

async function library(body, ctx) {
  const status = h('div');
  let timer = null;
  const refresh = async () => {
    const scan = await api.get('/api/library/scan');
    if (!ctx.current()) return;
    clear(status,
      h('div', {class: 'panels'},
        h('div', {class: 'panel'}, h('div', {class: 'muted small'}, 'Tracks'), h('div', {class: 'stat'}, scan.tracks.toLocaleString()),
          h('div', {class: 'muted small'}, `${plural(scan.folders, 'folder')} · ${plural(scan.filesSeen, 'audio file')} seen`)),
        h('div', {class: 'panel', role: 'status'}, h('div', {class: 'muted small'}, 'Scan'),
          h('div', {class: 'stat'}, scan.scanning ? 'Scanning…' : 'Idle'),
          h('div', {class: 'muted small'}, scan.lastScan ? `last finished ${date(scan.lastScan)} in ${(scan.lastScanMillis / 1000).toFixed(1)} s` : 'no scan finished yet'))),
      h('h2', null, scan.unreadable.length ? `Files that could not be read (${scan.unreadable.length})` : 'Files that could not be read'),
      scan.unreadable.length ? h('div', {class: 'table-wrap'}, h('table', null,
        h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'File'), h('th', {scope: 'col'}, 'Why'))),
        h('tbody', null, scan.unreadable.map(f => h('tr', null, h('td', {class: 'mono'}, f.path), h('td', null, f.reason))))))
        : h('p', {class: 'empty'}, 'Every audio file could be read.'));
    clearTimeout(timer);
    if (scan.scanning) timer = setTimeout(() => refresh().catch(() => {}), 2000);
  };
  const start = full => async () => {
    const reply = await api.post('/api/library/scan', {full}).catch(e => ({error: e}));
    announce(reply.error ? reply.error.message : reply.started ? 'Scan started' : 'A scan is already running');
    await refresh();
  };
  body.append(h('p', {class: 'row'},
    h('button', {type: 'button', class: 'primary', onclick: start(false)}, 'Rescan'),
    h('button', {type: 'button', onclick: start(true)}, 'Full rescan (re-read every file)')),
  h('p', {class: 'muted small'}, 'A rescan reads new and changed files; new downloads are added at once without one.'),
  status);
  await refresh();
  return () => clearTimeout(timer);
}

// ---- tools ----

const TOOLS = {spotdl: 'spotDL (Spotify links)', ytDlp: 'yt-dlp (YouTube links)', ffmpeg: 'FFmpeg (converting audio)'};
const CHECKS = {database: 'Database', musicFolder: 'Music folder', ingestQueue: 'Download queue', diskSpace: 'Disk space'};

async function tools(body, ctx) {
  let health;
  try {
    health = await api.get('/api/health');
  } catch (e) {
    body.append(notice(e.status === 404 ? new Error('This server does not report its tools yet.') : e));
    return;
  }
  if (!ctx.current()) return;
  const checks = health.checks || [];
  const tool = checks.filter(c => c.name in TOOLS);
  const others = checks.filter(c => !(c.name in TOOLS));
  const badge = (check, isTool) => h('span', {class: `badge ${check.status === 'up' ? 'succeeded' : 'failed'}`},
    isTool ? (check.status === 'up' ? 'found' : 'missing') : check.status === 'up' ? 'ok' : check.status);
  const item = (check, label, isTool) => h('li', {'data-check': check.name},
    h('div', {class: 'row'}, h('strong', null, label), badge(check, isTool)),
    check.detail ? h('p', {class: 'muted small'}, check.detail) : null,
    check.hint ? h('p', {class: 'small'}, isTool ? 'To install: ' : 'What to do: ', isTool ? h('code', null, check.hint) : check.hint) : null);
  body.append(h('p', null, 'Adding music needs these on the server; they are looked for each time a download starts, so no restart is needed after installing.'),
    h('ul', {class: 'list-cards', 'aria-label': 'Tools'}, tool.map(c => item(c, TOOLS[c.name], true))),
    ...(others.length ? [h('h2', null, `Everything else: the server is ${health.status}`),
      h('ul', {class: 'list-cards', 'aria-label': 'Server health'}, others.map(c => item(c, CHECKS[c.name] || c.name, false)))] : []),
    h('p', {class: 'muted small'}, 'See docs/ingest.md for installing spotDL and yt-dlp on Raspberry Pi OS.'));
}

// ---- streaming: transcoding profiles per user and app ----

const FORMATS = [['', 'as Minstrel chooses'], ['opus', 'Opus'], ['mp3', 'MP3'], ['aac', 'AAC']];
const RATES = [[0, 'no limit'], [320, '320 kbit/s'], [192, '192 kbit/s'], [128, '128 kbit/s'], [96, '96 kbit/s'], [64, '64 kbit/s']];

function profileText(profile) {
  const format = profile.format ? profile.format.toUpperCase().replace('OPUS', 'Opus') : 'the usual format';
  const rate = profile.maxBitRate ? ` at most ${profile.maxBitRate} kbit/s` : '';
  return `${profile.username || 'Everyone'} on ${profile.client || 'any app'}: ${format}${rate}`;
}

async function streaming(body, ctx) {
  const listEl = h('div');
  const said = h('p', {role: 'status', class: 'small'});
  const people = await api.get('/api/users');
  const refresh = async () => {
    const profiles = await api.get('/api/transcoding/profiles');
    if (!ctx.current()) return;
    clear(listEl, profiles.length ? h('ul', {class: 'list-cards', 'aria-label': 'Streaming profiles'}, profiles.map(profile =>
      h('li', {'data-profile': profile.id}, h('div', {class: 'row'}, h('span', null, profileText(profile)),
        h('button', {type: 'button', class: 'danger', 'aria-label': `Remove ${profileText(profile)}`, onclick: async () => {
          await api.del(`/api/transcoding/profiles/${encodeURIComponent(profile.id)}`).catch(e => announce(e.message));
          announce('Profile removed');
          refresh();
        }}, 'Remove')))))
      : h('p', {class: 'empty'}, 'No profiles: every app streams what it asks for.'));
  };
  const user = h('select', {id: 'profile-user'}, [h('option', {value: ''}, 'Everyone'),
    ...people.map(p => h('option', {value: p.username}, p.username))]);
  const client = h('input', {type: 'text', id: 'profile-client', maxlength: '255', placeholder: 'Symfonium (empty: any app)'});
  const format = h('select', {id: 'profile-format'}, FORMATS.map(([value, label]) => h('option', {value}, label)));
  const rate = h('select', {id: 'profile-rate'}, RATES.map(([value, label]) => h('option', {value: String(value)}, label)));
  rate.value = '128';
  const form = h('form', {class: 'panel', 'aria-labelledby': 'profile-h', onsubmit: async event => {
    event.preventDefault();
    try {
      await api.post('/api/transcoding/profiles', {username: user.value || null, client: client.value.trim() || null,
        format: format.value || null, maxBitRate: Number(rate.value)});
      said.textContent = 'Saved: it applies from the next song.';
      client.value = '';
      await refresh();
    } catch (e) { said.textContent = e.message; }
  }},
  h('h2', {id: 'profile-h'}, 'New profile'),
  h('label', {for: 'profile-user'}, 'For'), user,
  h('label', {for: 'profile-client'}, 'On the app (the name it sends; Symfonium, DSub, Feishin...)'), client,
  h('label', {for: 'profile-format'}, 'Stream as'), format,
  h('label', {for: 'profile-rate'}, 'At most'), rate,
  said, h('button', {type: 'submit', class: 'primary'}, 'Save'));
  body.append(h('p', null, 'Songs are re-encoded on the fly for a user or an app that needs less: a friend on mobile data, '
    + 'an app that plays Opus best. A song the app asks for in a format of its own keeps that format; the lower bit rate wins.'),
  listEl, form);
  await refresh();
}
