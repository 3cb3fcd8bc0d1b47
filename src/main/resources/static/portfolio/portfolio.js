// The portfolio page: reads /api/portfolio with the Camunda webapps' session and draws the lifecycle models.
(function () {
  'use strict';

  var PHASES = ['PIPELINE', 'CATALOG', 'RETIRED'];
  // the cards: the pipeline and the catalog by phase; retired and declined apart, by stage
  var CARDS = ['PIPELINE', 'CATALOG', 'RETIRED', 'DECLINED'];
  var L = PmoLabels;
  var STAGES = ['PROPOSED', 'DESIGN', 'JUSTIFICATION', 'PILOT', 'IMPLEMENTATION', 'OPERATION', 'TRANSFORM',
    'RETIREMENT', 'RETIRED', 'DECLINED'];
  var overview = null;
  var viewer = null;
  var filters = document.getElementById('filters');

  var el = PmoPage.el;

  var day = PmoPage.day;

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error(url + ' answered ' + response.status); }
      return response.json();
    });
  }

  function fillSelect(name, values, label) {
    var select = filters.elements[name];
    values.forEach(function (value) { select.appendChild(el('option', { value: value }, [label(value)])); });
  }

  function renderCounts() {
    var phases = document.getElementById('phases');
    var stages = document.getElementById('stages');
    phases.innerHTML = '';
    stages.innerHTML = '';
    CARDS.forEach(function (card) {
      var byStage = card === 'RETIRED' || card === 'DECLINED';
      var count = byStage ? overview.byStage[card] : overview.byPhase[card];
      var active = byStage ? filters.elements.stage.value === card : filters.elements.phase.value === card;
      var node = el('div', { 'class': 'card' + (active ? ' active' : ''), 'data-phase': card },
        [el('b', {}, [String(count || 0)]), byStage ? L.stage(card).toLowerCase() : L.phase(card).toLowerCase()]);
      node.onclick = function () {
        var filter = byStage ? filters.elements.stage : filters.elements.phase;
        filter.value = filter.value === card ? '' : card;
        render();
      };
      phases.appendChild(node);
    });
    STAGES.forEach(function (stage) {
      var card = el('div', { 'class': 'card small' + (filters.elements.stage.value === stage ? ' active' : ''), 'data-stage': stage },
        [el('b', {}, [String(overview.byStage[stage] || 0)]), L.stage(stage).toLowerCase()]);
      card.onclick = function () { filters.elements.stage.value = filters.elements.stage.value === stage ? '' : stage; render(); };
      stages.appendChild(card);
    });
  }

  function matches(service) {
    var f = filters.elements;
    var text = f.text.value.trim().toLowerCase();
    var health = service.slaHealth || 'NONE';
    return (!f.phase.value || service.portfolioPhase === f.phase.value)
      && (!f.stage.value || service.stage === f.stage.value)
      && (!f.offeringLevel.value || service.offeringLevel === f.offeringLevel.value)
      && (!f.slaHealth.value || health === f.slaHealth.value)
      && (!f.overdue.checked || service.overdueApprovals > 0)
      && (!text || (service.code + ' ' + service.name + ' ' + (service.owner || '')).toLowerCase().indexOf(text) >= 0);
  }

  function taskList(tasks) {
    if (!tasks.length) { return '—'; }
    return el('ul', { 'class': 'tasks' }, tasks.map(function (task) {
      var holder = task.assignee ? task.assignee : (task.candidateGroups.join(', ') || 'nobody');
      var text = task.name + ' (' + holder + ')' + (task.due ? ', due ' + day(task.due) : '');
      return el('li', task.overdue ? { 'class': 'overdue' } : {}, [text]);
    }));
  }

  function renderServices() {
    var body = document.querySelector('#services tbody');
    body.innerHTML = '';
    var shown = overview.services.filter(matches);
    shown.forEach(function (service) {
      var health = service.slaHealth || 'NONE';
      var page = '/portfolio/services/' + encodeURIComponent(service.code);
      var row = el('tr', { 'data-code': service.code }, [
        el('td', {}, [el('a', { href: page }, [service.code])]),
        el('td', {}, [el('a', { href: page }, [service.name + (service.version > 1 ? ' (v' + service.version + ')' : '')])]),
        el('td', { 'data-value': service.stage }, [L.stage(service.stage)]),
        el('td', { 'data-value': service.offeringLevel }, [L.level(service.offeringLevel)]),
        el('td', { 'data-value': service.customerSegments.join(',') }, [service.customerSegments.map(L.segment).join(', ')]),
        el('td', { 'data-value': health }, [el('span', { 'class': 'badge ' + health }, [L.attainment(health)])]),
        el('td', {}, [day(service.lastReview)]),
        el('td', {}, [day(service.nextReviewDue)]),
        el('td', {}, [taskList(service.openTasks)]),
        el('td', service.overdueApprovals ? { 'class': 'overdue' } : {}, [String(service.overdueApprovals)]),
        el('td', {}, [service.owner || '—']),
        el('td', {}, [service.valueScore === null ? '—' : String(service.valueScore)]),
        el('td', {}, [service.priority || '—'])
      ]);
      body.appendChild(row);
    });
    document.getElementById('empty').hidden = shown.length > 0;
    document.getElementById('csv').setAttribute('href', 'data:text/csv;charset=utf-8,' + encodeURIComponent(csv(shown)));
  }

  /** The filtered list as CSV: one line per service, values as the API gives them. */
  function csv(services) {
    function cell(value) {
      var text = value === null || value === undefined ? '' : String(value);
      // a formula-looking value stays text in spreadsheets
      if (/^[=+\-@]/.test(text)) { text = "'" + text; }
      return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
    }
    var lines = [['code', 'name', 'stage', 'portfolioPhase', 'version', 'owner', 'offeringLevel', 'customerSegments',
      'slaHealth', 'valueScore', 'priority', 'lastReview', 'nextReviewDue', 'openTasks', 'overdueApprovals'].join(',')];
    services.forEach(function (s) {
      lines.push([s.code, s.name, s.stage, s.portfolioPhase, s.version, s.owner, s.offeringLevel,
        s.customerSegments.join(' '), s.slaHealth || 'NONE', s.valueScore, s.priority, day(s.lastReview),
        day(s.nextReviewDue), s.openTasks.map(function (t) { return t.name; }).join('; '), s.overdueApprovals]
        .map(cell).join(','));
    });
    return lines.join('\r\n') + '\r\n';
  }

  function renderDiagram() {
    var key = document.getElementById('model').value;
    fetch('/api/portfolio/models/' + key, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) {
        if (viewer) { viewer.destroy(); viewer = null; }
        var container = document.getElementById('diagram');
        container.innerHTML = '';
        return PmoDiagram.draw(container, xml).then(function (drawn) {
          viewer = drawn;
          var overlays = viewer.get('overlays');
          (overview.waiting[key] || []).forEach(function (step) {
            try {
              overlays.add(step.activityId, { position: { top: -10, right: 10 }, show: { minZoom: 0.05, maxZoom: 10 },
                html: '<span class="waiting" data-activity="' + step.activityId + '">' + step.instances + '</span>' });
            } catch (ignored) { /* a step of an older model version that the latest one no longer has */ }
          });
        });
      })
      .catch(function (error) { document.getElementById('diagram').textContent = 'The model could not be drawn: ' + error.message; });
  }

  function render() {
    renderCounts();
    renderServices();
  }

  function number(value) {
    return value === null || value === undefined ? '—' : String(Math.round(value * 10) / 10);
  }

  function renderStrategy(strategy) {
    var body = document.querySelector('#coverage tbody');
    body.innerHTML = '';
    strategy.objectives.forEach(function (objective) {
      var changed = objective.afterReview !== null && objective.beforeReview !== null
        && objective.afterReview !== objective.beforeReview;
      body.appendChild(el('tr', { 'data-objective': objective.name }, [
        el('td', {}, [objective.name]),
        el('td', {}, [String(objective.weight)]),
        el('td', objective.points === 0 ? { 'class': 'overdue' } : {}, [String(objective.points)]),
        el('td', {}, [String(objective.services)]),
        el('td', {}, [number(objective.beforeReview)]),
        el('td', changed ? { 'class': 'changed' } : {}, [number(objective.afterReview)])
      ]));
    });
    var capacity = document.getElementById('capacity');
    capacity.innerHTML = '';
    if (strategy.capacity) {
      var c = strategy.capacity;
      var used = c.capacityDays > 0 ? Math.min(100, Math.round(c.committedDays / c.capacityDays * 100)) : 0;
      capacity.appendChild(el('p', {}, [c.year + ': ' + number(c.committedDays) + ' of ' + number(c.capacityDays)
        + ' person-days committed (' + number(c.availableDays) + ' left); ' + number(c.committedCost) + ' of '
        + number(c.budget) + ' budget']));
      capacity.appendChild(el('div', { 'class': 'bar', role: 'img', 'aria-label': used + ' % of capacity used' },
        [el('span', { style: 'width:' + used + '%' }, [])]));
    } else {
      capacity.appendChild(el('p', {}, ['No capacity planned for this year.']));
    }
    var gaps = document.getElementById('gaps');
    gaps.innerHTML = '';
    strategy.objectiveGaps.forEach(function (name) { gaps.appendChild(el('li', { 'class': 'overdue' }, ['No service serves ' + name])); });
    strategy.segmentGaps.forEach(function (segment) { gaps.appendChild(el('li', {}, ['No service for ' + L.segment(segment).toLowerCase()])); });
    strategy.overlaps.forEach(function (overlap) {
      gaps.appendChild(el('li', {}, ['Overlap: ' + overlap.services.join(', ') + ' all serve ' + overlap.objective
        + ' for ' + L.segment(overlap.segment).toLowerCase()]));
    });
    if (!gaps.children.length) { gaps.appendChild(el('li', {}, ['None'])); }
    var latest = document.getElementById('latest-review');
    latest.innerHTML = '';
    var review = strategy.latestReview;
    if (!review) {
      latest.appendChild(el('p', {}, ['No portfolio review decided yet.']));
    } else {
      latest.appendChild(el('p', {}, ['#' + review.id + ' (' + review.reason + '), decided by ' + review.decidedBy
        + ' on ' + day(review.decidedAt)]));
      latest.appendChild(el('table', { id: 'review-decisions' }, [
        el('thead', {}, [el('tr', {}, [el('th', {}, ['Service']), el('th', {}, ['Recommended']), el('th', {}, ['Decided']),
          el('th', {}, ['Reason']), el('th', {}, ['What followed'])])]),
        el('tbody', {}, (review.decisions || []).map(function (line) {
          return el('tr', { 'data-code': line.code }, [el('td', {}, [line.code + ' ' + line.name]),
            el('td', {}, [line.recommendation.toLowerCase()]),
            el('td', line.accepted ? {} : { 'class': 'changed' }, [line.decision.toLowerCase()]),
            el('td', {}, [line.reason || '']), el('td', {}, [line.action || ''])]);
        }))
      ]));
    }
    document.getElementById('strategy').hidden = false;
  }

  fillSelect('phase', PHASES, L.phase);
  fillSelect('stage', STAGES, L.stage);
  filters.addEventListener('input', render);
  filters.addEventListener('change', render);
  document.getElementById('model').addEventListener('change', renderDiagram);

  getJson('/api/portfolio?limit=1000').then(function (data) {
    overview = data;
    document.getElementById('as-of').textContent = 'as of ' + data.asOf.replace('T', ' ').substring(0, 16) + ' UTC';
    render();
    renderDiagram();
    // the strategy is for the PMO's work groups; a customer's page goes without it
    fetch('/api/portfolio/strategy', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (strategy) { if (strategy) { renderStrategy(strategy); } });
  }).catch(function (error) {
    document.querySelector('main').prepend(el('p', { 'class': 'overdue' }, ['The portfolio could not be loaded: ' + error.message]));
  });
}());
