// The page of one service: /portfolio/services/{code}, from /api/portfolio/services/{code}.
(function () {
  'use strict';

  var L = PmoLabels;
  var code = location.pathname.split('/').pop();
  try { code = decodeURIComponent(code); } catch (ignored) { /* the API answers an unreadable code with 404 */ }

  var el = PmoPage.el;

  var day = PmoPage.day;

  var moment = PmoPage.moment;

  function number(value) { return value === null || value === undefined ? '—' : String(Math.round(value * 100) / 100); }

  function badge(attainment) {
    return el('span', { 'class': 'badge ' + (attainment || 'NONE') }, [L.attainment(attainment)]);
  }

  function renderFacts(page) {
    var s = page.service;
    document.title = s.code + ' ' + s.name;
    document.getElementById('title').textContent = s.code + ' · ' + s.name;
    var c = page.businessCase;
    var facts = [
      ['Stage', L.stage(s.stage) + ' (' + L.phase(s.portfolioPhase).toLowerCase() + ')'],
      ['Version', String(s.version)],
      ['Owner', s.owner || '—'],
      ['Value score', page.valueScore === null ? '—' : number(page.valueScore) + (page.priority ? ', priority ' + page.priority : '')],
      ['Annual cost', c ? number(c.annualCost) : '—'],
      ['Effort', c ? number(c.effortDays) + ' person-days a year' : '—'],
      ['Strategic value', c ? number(c.strategicValue) + ' of 100 (' + c.strength + ')' : '—'],
      ['Next review', day(s.nextReviewDue)]
    ];
    if (page.retiresOn) { facts.splice(1, 0, ['Retires on', day(page.retiresOn)]); }
    var section = document.getElementById('facts');
    section.appendChild(el('p', { 'class': 'description' }, [s.description]));
    section.appendChild(el('dl', { 'class': 'facts' }, [].concat.apply([], facts.map(function (fact) {
      return [el('dt', {}, [fact[0]]), el('dd', { 'data-fact': fact[0] }, [fact[1]])];
    }))));
  }

  function renderOfferings(page) {
    var body = document.querySelector('#offerings tbody');
    var attainment = {};
    (page.performance.offerings || []).forEach(function (o) { attainment[o.segment] = o.attainment; });
    page.offerings.forEach(function (offering) {
      body.appendChild(el('tr', { 'data-segment': offering.segment }, [
        el('td', {}, [L.segment(offering.segment)]),
        el('td', {}, [L.level(offering.level)]),
        el('td', {}, [offering.capacity === null ? 'no limit' : String(offering.capacity)]),
        el('td', {}, [el('ul', {}, offering.agreements.map(function (a) { return el('li', {}, [L.agreement(a)]); }))]),
        el('td', {}, [badge(attainment[offering.segment])])
      ]));
    });
    var charts = document.getElementById('charts');
    page.performance.agreements.forEach(function (row, index) {
      var a = row.agreement;
      var periods = row.periods.slice().reverse();
      var box = el('figure', { 'class': 'chart', 'data-metric': a.metric }, [
        el('figcaption', {}, [L.segment(a.segment) + ': ' + L.agreement(a) + ' — ', badge(row.status)]),
        el('canvas', { id: 'chart-' + index, 'aria-label': 'Attainment of ' + a.metric + ' per period', role: 'img' })
      ]);
      if (row.warning) { box.appendChild(el('p', { 'class': 'note' }, [row.warning])); }
      charts.appendChild(box);
      if (!periods.length) {
        box.appendChild(el('p', { 'class': 'note' }, ['Not measured yet.']));
        return;
      }
      new Chart(document.getElementById('chart-' + index), {
        type: 'line',
        data: {
          labels: periods.map(function (p) { return p.period; }),
          datasets: [
            { label: 'Measured', data: periods.map(function (p) { return p.value; }), borderColor: '#1a5fb4',
              pointBackgroundColor: periods.map(function (p) {
                return p.attainment === 'BREACHED' ? '#c01c28' : (p.attainment === 'AT_RISK' ? '#e5a50a' : '#2ec27e');
              }), pointRadius: 5 },
            { label: 'Target', data: periods.map(function () { return a.target; }), borderColor: '#888',
              borderDash: [6, 4], pointRadius: 0 }
          ]
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false,
          plugins: { legend: { position: 'bottom' } } }
      });
    });
  }

  function renderTasks(page) {
    var body = document.querySelector('#tasks tbody');
    if (!page.openTasks.length) {
      body.appendChild(el('tr', {}, [el('td', { colspan: '5' }, ['No open task.'])]));
    }
    page.openTasks.forEach(function (task) {
      var holder = task.assignee ? task.assignee : (task.candidateGroups.join(', ') || 'nobody');
      body.appendChild(el('tr', task.overdue ? { 'class': 'overdue' } : {}, [
        el('td', {}, [task.name]), el('td', {}, [holder]), el('td', {}, [moment(task.created)]),
        el('td', {}, [day(task.due)]),
        el('td', {}, [el('a', { href: '/camunda/app/tasklist/default/#/?searchQuery=' + encodeURIComponent(JSON.stringify(
          [{ type: 'processInstanceBusinessKey', operator: 'eq', value: code }])) }, ['open in Tasklist'])])
      ]));
    });
  }

  function renderHistory(page) {
    var list = document.getElementById('timeline');
    page.history.slice().reverse().forEach(function (entry) {
      var what = L.history(entry.kind);
      if (entry.kind === 'STAGE_CHANGED') { what += ': ' + L.stage(entry.fromStage) + ' → ' + L.stage(entry.toStage); }
      var detail = [entry.activity, entry.decision ? 'decision ' + entry.decision : null,
        entry.actor ? 'by ' + entry.actor : null].filter(Boolean).join(', ');
      list.appendChild(el('li', { 'data-kind': entry.kind }, [
        el('time', {}, [moment(entry.occurredAt)]), ' ', el('b', {}, [what]), detail ? ' — ' + detail : '',
        entry.comment ? el('div', { 'class': 'note' }, [entry.comment]) : ''
      ]));
    });
  }

  function renderCustomers(page) {
    if (page.subscribers === null) { return; }
    document.getElementById('customers').hidden = false;
    var list = document.getElementById('subscribers');
    if (!page.subscribers.length) { list.appendChild(el('li', {}, ['No customer yet.'])); }
    page.subscribers.forEach(function (name) { list.appendChild(el('li', {}, [name])); });
    var body = document.querySelector('#notices tbody');
    page.notices.forEach(function (n) {
      body.appendChild(el('tr', {}, [el('td', {}, [moment(n.createdAt)]), el('td', {}, [n.kind.toLowerCase().replace('_', ' ')]),
        el('td', {}, [n.recipient]), el('td', {}, [n.subject]), el('td', {}, [n.sentAt ? moment(n.sentAt) : 'kept (no mail server)'])]));
    });
  }

  function renderDiagram(page) {
    var container = document.getElementById('diagram');
    var where = page.waiting[0];
    if (!where) { container.textContent = 'No lifecycle yet.'; return; }
    if (page.mayOpenCockpit && where.instanceId) {
      var cockpit = document.getElementById('cockpit');
      cockpit.href = '/camunda/app/cockpit/default/#/process-instance/' + where.instanceId + '/runtime';
      cockpit.hidden = false;
    }
    fetch('/api/portfolio/models/' + where.processKey, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) {
        return PmoDiagram.draw(container, xml).then(function (viewer) {
          where.activityIds.forEach(function (id) {
            try { viewer.get('canvas').addMarker(id, 'current-step'); } catch (ignored) { /* not in the latest model */ }
          });
          container.setAttribute('data-current', where.activityIds.join(' '));
        });
      })
      .catch(function (error) { container.textContent = 'The model could not be drawn: ' + error.message; });
  }

  fetch('/api/portfolio/services/' + encodeURIComponent(code), { credentials: 'same-origin',
    headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) { throw new Error('the service ' + code + ' answered ' + response.status); }
      return response.json();
    })
    .then(function (page) {
      renderFacts(page);
      renderOfferings(page);
      renderTasks(page);
      renderHistory(page);
      renderCustomers(page);
      renderDiagram(page);
      document.body.setAttribute('data-loaded', 'true');
    })
    .catch(function (error) {
      document.querySelector('main').prepend(el('p', { 'class': 'overdue' }, ['The service could not be loaded: ' + error.message]));
    });
}());
