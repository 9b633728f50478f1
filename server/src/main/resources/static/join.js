// The invite link is /join.html#<code>: the code travels in the fragment, so it never reaches a
// server log or a Referer header.
(function () {
  const form = document.getElementById('signup');
  const error = document.getElementById('error');
  document.getElementById('code').value = decodeURIComponent(location.hash.replace(/^#/, ''));

  function cookie(name) {
    const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
    return found ? found.substring(name.length + 1) : null;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.textContent = '';
    const username = form.username.value.trim();
    if (form.password.value !== form.again.value) {
      error.textContent = 'The two passwords differ.';
      return;
    }
    const headers = {'Content-Type': 'application/json'};
    if (!cookie('XSRF-TOKEN')) {
      await fetch('/api/me', {credentials: 'same-origin'});
    }
    headers['X-XSRF-TOKEN'] = cookie('XSRF-TOKEN') || '';
    const reply = await fetch('/api/auth/signup', {
      method: 'POST', credentials: 'same-origin', headers,
      body: JSON.stringify({inviteCode: form.code.value.trim(), username, password: form.password.value})
    });
    if (reply.status === 201) {
      form.hidden = true;
      document.getElementById('server').textContent = location.origin;
      document.getElementById('who').textContent = username;
      document.getElementById('done').hidden = false;
    } else {
      const problem = await reply.json().catch(() => ({}));
      error.textContent = problem.detail || ('Sign-up failed (' + reply.status + ').');
    }
  });
})();
