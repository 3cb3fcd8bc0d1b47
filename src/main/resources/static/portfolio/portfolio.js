// The portfolio page: reads /api/portfolio with the Camunda webapps' session and draws the lifecycle models.
(function () {
  'use strict';

  var PHASES = ['PIPELINE', 'CATALOG', 'RETIRED'];
  var STAGES = ['PROPOSED', 'DESIGN', 'JUSTIFICATION', 'PILOT', 'IMPLEMENTATION', 'OPERATION', 'TRANSFORM',
    'RETIREMENT', 'RETIRED', 'DECLINED'];
  var overview = null;
  var viewer = null;
  var filters = document.getElementById('filters');

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function day(instant) {
    return instant ? instant.substring(0, 10) : '—';
  }

  function getJson(url) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (!response.ok) { throw new Error(url + ' answered ' + response.status); }
      return response.json();
    });
  }

  function fillSelect(name, values) {
    var select = filters.elements[name];
    values.forEach(function (value) { select.appendChild(el('option', {}, [value])); });
  }

  function renderCounts() {
    var phases = document.getElementById('phases');
    var stages = document.getElementById('stages');
    phases.innerHTML = '';
    stages.innerHTML = '';
    PHASES.forEach(function (phase) {
      var card = el('div', { 'class': 'card' + (filters.elements.phase.value === phase ? ' active' : ''), 'data-phase': phase },
        [el('b', {}, [String(overview.byPhase[phase] || 0)]), phase.toLowerCase()]);
      card.onclick = function () { filters.elements.phase.value = filters.elements.phase.value === phase ? '' : phase; render(); };
      phases.appendChild(card);
    });
    STAGES.forEach(function (stage) {
      var card = el('div', { 'class': 'card small' + (filters.elements.stage.value === stage ? ' active' : ''), 'data-stage': stage },
        [el('b', {}, [String(overview.byStage[stage] || 0)]), stage.toLowerCase()]);
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
      var row = el('tr', { 'data-code': service.code }, [
        el('td', {}, [service.code]),
        el('td', {}, [service.name + (service.version > 1 ? ' (v' + service.version + ')' : '')]),
        el('td', {}, [service.stage]),
        el('td', {}, [service.offeringLevel]),
        el('td', {}, [service.customerSegments.join(', ')]),
        el('td', {}, [el('span', { 'class': 'badge ' + health }, [health === 'NONE' ? 'not measured' : health])]),
        el('td', {}, [day(service.lastReview)]),
        el('td', {}, [day(service.nextReviewDue)]),
        el('td', {}, [taskList(service.openTasks)]),
        el('td', service.overdueApprovals ? { 'class': 'overdue' } : {}, [String(service.overdueApprovals)])
      ]);
      body.appendChild(row);
    });
    document.getElementById('empty').hidden = shown.length > 0;
  }

  function renderDiagram() {
    var key = document.getElementById('model').value;
    fetch('/api/portfolio/models/' + key, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (xml) {
        if (viewer) { viewer.destroy(); }
        viewer = new BpmnJS({ container: '#diagram' });
        viewer.importXML(xml, function (error) {
          if (error) { document.getElementById('diagram').textContent = 'The model could not be drawn: ' + error; return; }
          viewer.get('canvas').zoom('fit-viewport');
          var overlays = viewer.get('overlays');
          (overview.waiting[key] || []).forEach(function (step) {
            try {
              overlays.add(step.activityId, { position: { top: -10, right: 10 }, show: { minZoom: 0.05, maxZoom: 10 },
                html: '<span class="waiting" data-activity="' + step.activityId + '">' + step.instances + '</span>' });
            } catch (ignored) { /* a step of an older model version that the latest one no longer has */ }
          });
        });
      });
  }

  function render() {
    renderCounts();
    renderServices();
  }

  fillSelect('phase', PHASES);
  fillSelect('stage', STAGES);
  filters.addEventListener('input', render);
  filters.addEventListener('change', render);
  document.getElementById('model').addEventListener('change', renderDiagram);

  getJson('/api/portfolio?limit=1000').then(function (data) {
    overview = data;
    document.getElementById('as-of').textContent = 'as of ' + data.asOf.replace('T', ' ').substring(0, 16) + ' UTC';
    render();
    renderDiagram();
  }).catch(function (error) {
    document.querySelector('main').prepend(el('p', { 'class': 'overdue' }, ['The portfolio could not be loaded: ' + error.message]));
  });
}());
