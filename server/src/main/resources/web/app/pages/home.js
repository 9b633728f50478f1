// Home: continue where you stopped, what friends are playing now, recently added albums, playlists.
import {h, duration, plural} from '/app/dom.js';
import {rest, list, coverUrl} from '/app/rest.js';
import {player, savedQueue} from '/app/player.js';
import {albumGrid, cover, notice} from '/app/ui.js';
import {session} from '/app/session.js';

export async function render(main, ctx) {
  ctx.title('');
  main.append(h('h1', null, `Hello, ${session.user.username}`));
  const [newest, playlists, nowPlaying, saved] = await Promise.allSettled([
    rest('getAlbumList2', {type: 'newest', size: 12}),
    rest('getPlaylists'),
    rest('getNowPlaying'),
    savedQueue(),
  ]);
  if (!ctx.current()) return;

  if (saved.status === 'fulfilled' && saved.value) {
    const {songs, current, position} = saved.value;
    const at = Math.max(0, songs.findIndex(s => s.id === current));
    const song = songs[at];
    main.append(h('section', {'aria-labelledby': 'continue-h'},
      h('h2', {id: 'continue-h'}, 'Continue where you stopped'),
      h('div', {class: 'panel row'},
        song.coverArt ? h('img', {src: coverUrl(song.coverArt, 96), alt: '', width: 56, height: 56, class: 'thumb'}) : null,
        h('div', {class: 't'}, h('div', null, h('strong', null, song.title)),
          h('div', {class: 'muted small'}, `${song.artist || ''} · at ${duration(position / 1000)} · ${plural(songs.length, 'track')} in the queue`)),
        h('button', {class: 'primary', type: 'button', onclick: () => {
          if (player.current && player.current.id === song.id) player.toggle();
          else { player.play(songs, at); player.seek(position / 1000); }
        }}, 'Continue'))));
  }

  const entries = nowPlaying.status === 'fulfilled' ? list(nowPlaying.value.nowPlaying && nowPlaying.value.nowPlaying.entry) : [];
  main.append(h('section', {'aria-labelledby': 'now-h'},
    h('h2', {id: 'now-h'}, 'Playing now in the circle'),
    entries.length ? h('ul', {class: 'tracks'}, entries.map(e => h('li', {class: 'track'},
      h('span', {class: 'n'}, '♪'),
      h('div', {class: 't'}, h('div', {class: 'name'}, e.title), h('div', {class: 'by'}, `${e.username} · ${e.artist || ''}`)),
      h('span', {class: 'd'}, e.minutesAgo ? `${e.minutesAgo} min ago` : 'now'),
      h('div', {class: 'acts'}, h('a', {class: 'button quiet', href: `/albums/${encodeURIComponent(e.albumId)}`}, 'Album')))))
      : h('p', {class: 'empty'}, 'Nobody is playing anything right now.')));

  main.append(h('section', {'aria-labelledby': 'new-h'},
    h('h2', {id: 'new-h'}, 'Recently added'),
    newest.status === 'fulfilled' ? albumGrid(list(newest.value.albumList2 && newest.value.albumList2.album),
      session.mayIngest ? 'The library is empty. Add music from a link.' : 'The library is empty for now.') : notice(newest.reason)));

  const lists = playlists.status === 'fulfilled' ? list(playlists.value.playlists && playlists.value.playlists.playlist) : [];
  main.append(h('section', {'aria-labelledby': 'pl-h'},
    h('h2', {id: 'pl-h'}, 'Playlists'),
    lists.length ? h('div', {class: 'cards'}, lists.map(p => h('a', {class: 'card', href: `/playlists/${encodeURIComponent(p.id)}`},
      cover(p.coverArt, 300), h('div', {class: 'title'}, p.name), h('div', {class: 'sub'}, `${plural(p.songCount || 0, 'track')} · ${p.owner}`))))
      : h('p', {class: 'empty'}, 'No playlists yet.')));
}
