import {h} from '/app/dom.js';

export function render(main, ctx) {
  ctx.title('Not found');
  main.append(h('h1', null, 'Nothing here'), h('p', null, 'This page does not exist. ', h('a', {href: '/'}, 'Go home')));
}
