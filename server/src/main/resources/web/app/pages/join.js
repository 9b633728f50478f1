// Join with an invite link (/join/<code>; old links /join.html#<code> arrive here as /join#<code>).
// The code is checked before the form is shown, so a used, expired or revoked link says so at once.
import {h} from '/app/dom.js';
import {api} from '/app/api.js';
import {session} from '/app/session.js';
import {navigate} from '/app/router.js';
import {privacyStatement} from '/app/privacy.js';

const WHY = {
  used: 'This invite link has already been used. Ask whoever sent it for a new one.',
  expired: 'This invite link has expired. Ask whoever sent it for a new one.',
  revoked: 'This invite link was withdrawn. Ask whoever sent it for a new one.',
};

export async function render(main, ctx) {
  ctx.title('Join');
  main.className = 'narrow';
  let code = ctx.params.code;
  if (!code && location.hash.length > 1) {
    code = decodeURIComponent(location.hash.slice(1));
    history.replaceState(null, '', `/join/${encodeURIComponent(code)}`);
  }
  main.append(h('h1', null, 'Join Minstrel'));
  if (!code) {
    main.append(h('p', {class: 'notice bad', role: 'alert'}, 'This address has no invite code. Open the whole link you were sent.'));
    return;
  }
  let check;
  try {
    check = await api.get(`/api/join/${encodeURIComponent(code)}`);
  } catch (error) {
    main.append(h('p', {class: 'notice bad', role: 'alert'}, error.status === 404
      ? 'This invite link is not valid. Check that you opened the whole link, or ask for a new one.' : error.message));
    return;
  }
  if (!check.usable) {
    main.append(h('p', {class: 'notice bad', role: 'alert'}, WHY[check.reason] || 'This invite link cannot be used.'));
    return;
  }
  if (session.user) {
    main.append(h('p', {class: 'notice'}, `You are signed in as ${session.user.username}. Sign out first to make another account.`));
    return;
  }
  const error = h('p', {class: 'error', role: 'alert', id: 'join-error'});
  const username = h('input', {type: 'text', id: 'username', name: 'username', autocomplete: 'username', autocapitalize: 'none',
    spellcheck: 'false', required: true, pattern: '[A-Za-z0-9._@\\-]{1,64}', maxlength: '64', 'aria-describedby': 'username-hint'});
  const password = h('input', {type: 'password', id: 'password', name: 'password', autocomplete: 'new-password', required: true,
    minlength: '8', maxlength: '128', 'aria-describedby': 'password-hint'});
  const again = h('input', {type: 'password', id: 'again', name: 'again', autocomplete: 'new-password', required: true});
  const button = h('button', {type: 'submit', class: 'primary'}, 'Create my account');
  main.append(
    h('p', null, `You were invited${check.role === 'owner' ? ' as a co-owner' : ''}. Pick a username and a password: `
      + 'they are also what you type into a music app on your phone.'),
    privacyStatement(),
    h('form', {'aria-describedby': 'join-error', onsubmit: async event => {
      event.preventDefault();
      error.textContent = '';
      if (password.value !== again.value) {
        error.textContent = 'The two passwords differ.';
        again.focus();
        return;
      }
      button.disabled = true;
      try {
        await session.signUp(code, username.value.trim(), password.value);
        window.dispatchEvent(new CustomEvent('minstrel:signed-in'));
        await navigate('/welcome', {replace: true});
      } catch (e) {
        error.textContent = e.message;
        button.disabled = false;
      }
    }},
    h('label', {for: 'username'}, 'Username'), username,
    h('p', {class: 'hint', id: 'username-hint'}, 'Letters, digits and . _ @ - (no spaces).'),
    h('label', {for: 'password'}, 'Password'), password,
    h('p', {class: 'hint', id: 'password-hint'}, 'At least 8 characters, not your username.'),
    h('label', {for: 'again'}, 'Password again'), again,
    error,
    h('p', null, button)));
  username.focus();
}
