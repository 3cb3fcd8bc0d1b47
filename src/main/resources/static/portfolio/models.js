// The process owners' page: /portfolio/models.html, from /api/models. A dry run first; Migrate takes the same choice.
(function () {
  'use strict';

  var el = PmoPage.el;
  var models = [];
  var checked = null;
  var form = document.getElementById('migration');

  function options(select, values, chosen) {
    select.innerHTML = '';
    values.forEach(function (value) {
      var option = el('option', { value: String(value.value) }, [value.label]);
      if (String(value.value) === String(chosen)) { option.selected = true; }
      select.appendChild(option);
    });
  }

  function model() {
    return models.filter(function (m) { return m.processKey === form.elements.processKey.value; })[0];
  }

  function renderModels() {
    var body = document.querySelector('#models tbody');
    body.innerHTML = '';
    models.forEach(function (m) {
      m.versions.forEach(function (v, i) {
        body.appendChild(el('tr', { 'data-key': m.processKey, 'data-version': String(v.version) }, [
          el('td', {}, [i === 0 ? m.processKey : '']), el('td', {}, [String(v.version) + (i === 0 ? ' (latest)' : '')]),
          el('td', {}, [v.versionTag || '—']), el('td', {}, [String(v.running)]), el('td', {}, [v.deploymentId])]));
      });
    });
    options(form.elements.processKey, models.map(function (m) { return { value: m.processKey, label: m.processKey }; }),
      form.elements.processKey.value || 'pmo-service-lifecycle');
    renderVersions();
  }

  function renderVersions() {
    var m = model();
    if (!m) { return; }
    var running = m.versions.filter(function (v) { return v.running > 0; });
    options(form.elements.fromVersion, (running.length ? running : m.versions).map(function (v) {
      return { value: v.version, label: v.version + ' (' + v.running + ' running)' };
    }), (running[running.length - 1] || m.versions[0]).version);
    options(form.elements.toVersion, m.versions.map(function (v) { return { value: v.version, label: String(v.version) }; }),
      m.versions[0].version);
    forget();
  }

  function choice(dryRun) {
    return { processKey: form.elements.processKey.value, fromVersion: Number(form.elements.fromVersion.value),
      toVersion: Number(form.elements.toVersion.value), dryRun: dryRun };
  }

  function forget() {
    checked = null;
    document.getElementById('migrate').disabled = true;
  }

  function fail(problem) {
    var error = document.getElementById('migration-error');
    error.textContent = problem.message;
    error.hidden = false;
  }

  function renderDryRun(result) {
    document.getElementById('dry-run').hidden = false;
    document.getElementById('dry-run-verdict').textContent = result.valid
      ? 'Version ' + result.fromVersion + ' → ' + result.toVersion + ': every instance can move (' + result.instances.length + ').'
      : 'Version ' + result.fromVersion + ' → ' + result.toVersion + ': the migration has problems; nothing can move.';
    var problems = document.getElementById('dry-run-problems');
    problems.innerHTML = '';
    result.problems.forEach(function (p) { problems.appendChild(el('li', { 'class': 'overdue' }, [p])); });
    var plan = document.querySelector('#instructions tbody');
    plan.innerHTML = '';
    result.instructions.forEach(function (i) { plan.appendChild(el('tr', {}, [el('td', {}, [i.from]), el('td', {}, [i.to])])); });
    var instances = document.querySelector('#dry-run-instances tbody');
    instances.innerHTML = '';
    result.instances.forEach(function (i) {
      instances.appendChild(el('tr', {}, [el('td', {}, [i.instanceId]), el('td', {}, [i.waitingAt.join(', ')]),
        el('td', i.unmapped.length ? { 'class': 'overdue' } : {}, [i.unmapped.join(', ') || '—'])]));
    });
    checked = result.valid && result.instances.length ? JSON.stringify(choice(false)) : null;
    document.getElementById('migrate').disabled = checked === null;
  }

  function renderReport(report) {
    document.getElementById('report').hidden = false;
    document.getElementById('report').setAttribute('data-done', String(report.done));
    var p = report.progress;
    document.getElementById('progress').textContent = 'Batch ' + report.batchId + ', version ' + report.fromVersion + ' → '
      + report.toVersion + ': ' + p.completedJobs + ' of ' + p.totalJobs + ' jobs done, ' + p.failedJobs + ' failed'
      + (report.done ? '; finished.' : '; running…');
    var consistency = document.getElementById('consistency');
    consistency.textContent = report.consistency === null ? ''
      : report.consistency.consistent ? 'Consistency check: catalog and engine agree (' + report.consistency.services + ' services).'
      : 'Consistency check: ' + report.consistency.mismatches.length + ' services disagree with their lifecycles.';
    var body = document.querySelector('#report-instances tbody');
    body.innerHTML = '';
    report.instances.forEach(function (i) {
      body.appendChild(el('tr', { 'data-state': i.state }, [el('td', {}, [i.instanceId]), el('td', {}, [i.state])]));
    });
    if (!report.done) {
      setTimeout(function () { PmoPage.read('/api/models/migrations/' + encodeURIComponent(report.batchId)).then(renderReport).catch(fail); }, 2000);
    }
    else {
      load();
    }
  }

  form.addEventListener('change', function (event) {
    document.getElementById('migration-error').hidden = true;
    if (event.target.name === 'processKey') { renderVersions(); } else { forget(); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    document.getElementById('migration-error').hidden = true;
    PmoPage.change('POST', '/api/models/migrations', choice(true)).then(renderDryRun).catch(fail);
  });

  document.getElementById('migrate').addEventListener('click', function () {
    if (checked === null) { return; }
    var migration = JSON.parse(checked);
    forget();
    PmoPage.change('POST', '/api/models/migrations', migration).then(renderReport).catch(fail);
  });

  function load() {
    return PmoPage.read('/api/models').then(function (data) {
      models = data;
      renderModels();
      document.body.setAttribute('data-loaded', 'true');
    });
  }

  load().catch(function (problem) {
    document.querySelector('main').prepend(el('p', { 'class': 'overdue' },
      ['The models could not be loaded (process owners only): ' + problem.message]));
  });
})();
