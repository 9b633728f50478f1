// Sign in (at / and at any page asked for while signed out; that page follows).
import {h} from '/app/dom.js';
import {session} from '/app/session.js';
import {render as redraw} from '/app/router.js';

export function render(main, ctx) {
  ctx.title('Sign in');
  main.className = 'narrow';
  const error = h('p', {class: 'error', role: 'alert', id: 'signin-error'});
  const username = h('input', {type: 'text', id: 'username', name: 'username', autocomplete: 'username',
    autocapitalize: 'none', spellcheck: 'false', required: true});
  const password = h('input', {type: 'password', id: 'password', name: 'password', autocomplete: 'current-password', required: true});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Sign in');
  const form = h('form', {'aria-describedby': 'signin-error', onsubmit: async event => {
    event.preventDefault();
    error.textContent = '';
    button.disabled = true;
    try {
      await session.signIn(username.value.trim(), password.value);
      window.dispatchEvent(new CustomEvent('minstrel:signed-in'));
      await redraw(true);
    } catch (e) {
      error.textContent = e.status === 401 ? 'Wrong username or password.' : e.message;
      button.disabled = false;
      password.select();
    }
  }},
  h('label', {for: 'username'}, 'Username'), username,
  h('label', {for: 'password'}, 'Password'), password,
  error,
  h('p', null, button));
  main.append(
    h('h1', null, 'Minstrel'),
    h('p', {class: 'muted'}, 'A private music server for a circle of friends. Sign in to listen, add music and see what everyone is playing.'),
    form,
    h('p', {class: 'muted small'}, 'New here? Ask the owner for an invite link. Forgot your password? The owner can set a new one.'));
  username.focus();
}
