// Logs in to the Camunda webapps' session (the same as Tasklist's) and returns to the portfolio page asked for.
(function () {
  'use strict';

  var LOGIN = '/camunda/api/admin/auth/user/default/login/welcome';

  /** Only a page of the portfolio: never another site or an address outside it. */
  function returnTo() {
    var asked = new URLSearchParams(location.search).get('returnTo') || '';
    var safe = /^\/portfolio\/[A-Za-z0-9_.\/-]*$/.test(asked) && asked.indexOf('//') < 0
      && asked.split('/').indexOf('..') < 0 && asked.split('/').indexOf('.') < 0;
    return safe ? asked : '/portfolio/';
  }

  // the webapps' CSRF token: handed out with the first answer of a session, kept while it lasts
  var xsrf = null;

  function remember(response) {
    var given = response.headers.get('X-XSRF-TOKEN');
    if (given) { xsrf = given; }
    return response;
  }

  function token() {
    if (xsrf) { return Promise.resolve(xsrf); }
    return fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' })
      .then(remember)
      .then(function () { return xsrf; });
  }

  document.getElementById('login').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var error = document.getElementById('login-error');
    token().then(function (xsrf) {
      return fetch(LOGIN, {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': xsrf || '' },
        body: new URLSearchParams({ username: form.username.value, password: form.password.value }).toString()
      });
    }).then(remember).then(function (response) {
      if (!response.ok) { throw new Error(response.status === 401 ? 'Wrong user or password.' : 'Login refused (' + response.status + ').'); }
      location.assign(returnTo());
    }).catch(function (problem) {
      error.textContent = problem.message;
      error.hidden = false;
    });
  });
}());
