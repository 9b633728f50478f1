import {h} from '/app/dom.js';

export function render(main, ctx) {
  ctx.title('Not allowed');
  main.append(h('h1', null, 'Not for your account'),
    h('p', null, 'This page is for the owner, or for accounts allowed to add music. Ask the owner if you need it. ',
      h('a', {href: '/'}, 'Go home')));
}
