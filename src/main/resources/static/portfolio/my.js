// A customer's page: /portfolio/my, from /api/portfolio/my. Changes carry the webapps' CSRF token of the session.
(function () {
  'use strict';

  var L = PmoLabels;
  var mine = null;

  var el = PmoPage.el;

  var day = PmoPage.day;

  function link(code, text) { return el('a', { href: '/portfolio/services/' + encodeURIComponent(code) }, [text]); }

  var change = PmoPage.change;

  function render() {
    var requests = document.querySelector('#requests tbody');
    requests.innerHTML = '';
    if (!mine.requests.length) { requests.appendChild(el('tr', {}, [el('td', { colspan: '4' }, ['No request yet.'])])); }
    mine.requests.forEach(function (r) {
      var steps = r.nextSteps.map(function (t) {
        return t.name + ' (' + (t.assignee || t.candidateGroups.join(', ') || 'nobody') + ')';
      }).join('; ');
      requests.appendChild(el('tr', { 'data-code': r.code }, [el('td', {}, [link(r.code, r.code)]),
        el('td', {}, [r.name]), el('td', {}, [L.stage(r.stage)]), el('td', {}, [steps || '—'])]));
    });
    if (!mine.customer) { return; }
    document.getElementById('organisation').hidden = false;
    document.getElementById('organisation-name').textContent = 'The services ' + mine.customer.name + ' receives ('
      + L.segment(mine.customer.segment).toLowerCase() + ')';
    var received = document.querySelector('#received tbody');
    received.innerHTML = '';
    mine.services.forEach(function (s) {
      var agreements = s.offering ? s.offering.agreements.map(function (a) { return L.agreement(a); }).join('; ') : '—';
      var subscription = mine.subscriptions.filter(function (sub) { return sub.service === s.code && sub.status === 'ACTIVE'; })[0];
      var end = subscription ? el('button', { type: 'button', 'data-end': String(subscription.id) }, ['End subscription']) : '';
      if (end) { end.onclick = function () { act('DELETE', '/api/customers/' + mine.customer.id + '/subscriptions/' + subscription.id); }; }
      received.appendChild(el('tr', { 'data-code': s.code }, [el('td', {}, [link(s.code, s.code + ' ' + s.name)]),
        el('td', {}, [L.level(s.level)]), el('td', {}, [agreements]),
        el('td', {}, [el('span', { 'class': 'badge ' + (s.attainment || 'NONE') }, [L.attainment(s.attainment)])]),
        el('td', {}, [end])]));
    });
    var subscriptions = document.querySelector('#subscriptions tbody');
    subscriptions.innerHTML = '';
    mine.subscriptions.forEach(function (sub) {
      subscriptions.appendChild(el('tr', { 'data-code': sub.service }, [el('td', {}, [sub.service + ' ' + sub.serviceName]),
        el('td', {}, [sub.status.toLowerCase()]), el('td', {}, [day(sub.requestedAt)]), el('td', {}, [day(sub.decidedAt)])]));
    });
    var offers = document.querySelector('#offers tbody');
    offers.innerHTML = '';
    if (!mine.offers.length) { offers.appendChild(el('tr', {}, [el('td', { colspan: '3' }, ['Nothing more on offer.'])])); }
    mine.offers.forEach(function (o) {
      var button = el('button', { type: 'button', 'data-subscribe': o.code }, ['Subscribe']);
      button.onclick = function () { act('POST', '/api/customers/' + mine.customer.id + '/subscriptions', { service: o.code }); };
      offers.appendChild(el('tr', { 'data-code': o.code }, [el('td', {}, [link(o.code, o.code + ' ' + o.name)]),
        el('td', {}, [o.places === null ? 'no limit' : String(o.places) + ' (the PMO decides)']), el('td', {}, [button])]));
    });
  }

  function act(method, url, body) {
    var error = document.getElementById('subscription-error');
    error.hidden = true;
    change(method, url, body).then(load).catch(function (problem) {
      error.textContent = problem.message;
      error.hidden = false;
    });
  }

  function load() {
    return fetch('/api/portfolio/my', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) { throw new Error('your page answered ' + response.status); }
        return response.json();
      })
      .then(function (data) {
        mine = data;
        document.getElementById('title').textContent = 'My PMO services · ' + data.user;
        render();
        document.body.setAttribute('data-loaded', 'true');
      });
  }

  document.getElementById('request').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    var error = document.getElementById('request-error');
    var segments = Array.prototype.filter.call(form.elements.segment, function (box) { return box.checked; })
      .map(function (box) { return box.value; });
    change('POST', '/api/services', { name: form.elements.name.value, description: form.elements.description.value,
      customerSegments: segments })
      .then(function (service) { location.assign('/portfolio/services/' + encodeURIComponent(service.code)); })
      .catch(function (problem) { error.textContent = problem.message; error.hidden = false; });
  });

  load().catch(function (problem) {
    document.querySelector('main').prepend(el('p', { 'class': 'overdue' }, ['Your page could not be loaded: ' + problem.message]));
  });
}());
