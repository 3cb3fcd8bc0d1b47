// What the portfolio's pages share: building elements from text (never from HTML), and dates as the pages show them.
var PmoPage = (function () {
  'use strict';

  var xsrf = null;

  /** The webapps' CSRF token of the session, which the application hands to its own pages. */
  function token() {
    if (xsrf) { return Promise.resolve(xsrf); }
    function ask() {
      return fetch('/api/session/token', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    }
    return ask().then(function (response) {
      // a session that has not met the webapps yet gets its token from their first answer
      return response.ok ? response : fetch('/camunda/app/welcome/default/', { credentials: 'same-origin' }).then(ask);
    }).then(function (response) {
      if (!response.ok) { throw new Error('no token from the webapps: log in again'); }
      return response.json();
    }).then(function (body) { xsrf = body.token; return xsrf; });
  }

  return {
    /** A change on the session, with its CSRF token; rejects with the API's words (the fields named). */
    change: function (method, url, body) {
      return token().then(function (given) {
        return fetch(url, { method: method, credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': given },
          body: body ? JSON.stringify(body) : undefined });
      }).then(function (response) {
        return response.text().then(function (text) {
          var json = text ? JSON.parse(text) : null;
          if (!response.ok) {
            var detail = json && json.errors && json.errors.length ? json.errors.map(function (e) {
              return e.field + ': ' + e.message;
            }).join('; ') : (json && (json.detail || json.message)) || String(response.status);
            throw new Error(detail);
          }
          return json;
        });
      });
    },
    /** A read of the API; rejects with the status when refused. */
    read: function (url) {
      return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
        if (!response.ok) { throw new Error(url + ' answered ' + response.status); }
        return response.json();
      });
    },
    el: function (tag, attributes, children) {
      var node = document.createElement(tag);
      Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
      (children || []).forEach(function (child) {
        node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
      });
      return node;
    },
    day: function (instant) { return instant ? instant.substring(0, 10) : '—'; },
    moment: function (instant) { return instant ? instant.replace('T', ' ').substring(0, 16) : '—'; }
  };
}());
