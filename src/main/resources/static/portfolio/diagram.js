/*
 * Lifecycle diagrams with the BPMN viewer the Camunda webapps ship (bpmn-js 16 in /camunda/lib/deps.js, which the
 * page loads with its runtime): no second copy of bpmn-js is served, and the viewer moves with Camunda's releases.
 * The bundle names its modules by number, so the navigated viewer is found by what it is, not by its number.
 */
var PmoDiagram = (function () {
  'use strict';

  var Viewer = null;

  function isNavigatedViewer(candidate) {
    return typeof candidate === 'function' && candidate.prototype && candidate.prototype._navigationModules
      && typeof candidate.prototype.importXML === 'function';
  }

  function find() {
    var chunks = self.webpackChunkcamunda_bpm_webapp;
    if (!chunks) { return null; }
    var found = null;
    // a chunk's third part runs with the bundle's module loader
    chunks.push([['pmo-diagram-' + Date.now()], {}, function (load) {
      Object.keys(load.m).some(function (id) {
        if (String(load.m[id]).indexOf('_navigationModules') < 0) { return false; }
        var exported = load(id);
        Object.keys(exported || {}).some(function (name) {
          if (isNavigatedViewer(exported[name])) { found = exported[name]; }
          return found !== null;
        });
        return found !== null;
      });
    }]);
    return found;
  }

  /** Draws the model into the container; resolves with the viewer, rejects with a reason a person can read. */
  function draw(container, xml) {
    Viewer = Viewer || find();
    if (!Viewer) { return Promise.reject(new Error('the diagram viewer of the Camunda webapps was not found')); }
    var viewer = new Viewer({ container: container });
    return viewer.importXML(xml).then(function () {
      viewer.get('canvas').zoom('fit-viewport');
      return viewer;
    });
  }

  return { draw: draw };
})();
