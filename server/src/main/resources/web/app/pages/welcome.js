// The first page after joining: what to do next.
import {h} from '/app/dom.js';
import {session} from '/app/session.js';

export function render(main, ctx) {
  ctx.title('Welcome');
  main.append(
    h('h1', null, `You are in, ${session.user.username}`),
    h('p', null, 'Two ways to listen from here:'),
    h('div', {class: 'welcome-actions'},
      h('div', {class: 'panel'},
        h('h2', null, 'Listen here'),
        h('p', {class: 'muted'}, 'Browse the library and press play: this page is a full player, on a phone too.'),
        h('a', {class: 'button primary', href: '/library'}, 'Open the library')),
      h('div', {class: 'panel'},
        h('h2', null, 'Use a music app'),
        h('p', {class: 'muted'}, 'Symfonium, DSub, Ultrasonic, Substreamer, Feishin, Amperfy or Tempo: offline downloads, car play and more.'),
        h('a', {class: 'button', href: '/connect'}, 'Connect an app'))),
    h('p', {class: 'muted'}, 'Everything you play, here or in an app, counts in your listening stats.'));
}
