// Business-language labels for the catalog's values, shared by the portfolio's pages.
var PmoLabels = (function () {
  'use strict';
  var STAGES = { PROPOSED: 'Proposed', DESIGN: 'In design', JUSTIFICATION: 'Business case with the board',
    PILOT: 'In pilot', IMPLEMENTATION: 'Go-live with the board', OPERATION: 'In operation',
    TRANSFORM: 'Being transformed', RETIREMENT: 'Being retired', RETIRED: 'Retired', DECLINED: 'Declined' };
  var PHASES = { PIPELINE: 'Pipeline', CATALOG: 'Catalog', RETIRED: 'Retired' };
  var SEGMENTS = { PROJECT_MANAGERS: 'Project managers', PROGRAMME_MANAGERS: 'Programme managers',
    SENIOR_EXECUTIVES: 'Senior executives', END_USERS: 'End users' };
  var LEVELS = { MANDATED: 'Mandated', ADDITIONAL: 'Additional' };
  var ATTAINMENT = { MET: 'Met', AT_RISK: 'At risk', BREACHED: 'Breached', NONE: 'Not measured' };
  var HISTORY = { REQUESTED: 'Requested', STAGE_CHANGED: 'Stage changed', TASK_COMPLETED: 'Decided',
    REVIEW_OPENED: 'Review opened', REVIEW_JOINED: 'Joined the open review', VERSION_RELEASED: 'New version',
    CUSTOMERS_NOTIFIED: 'Customers told', DECOMMISSIONED: 'Decommissioned', AGREEMENTS_CHANGED: 'Agreements changed',
    SLA_BREACHED: 'Agreement missed', ESCALATED: 'Escalated', REVIEW_CYCLE_CHANGED: 'Review cycle changed',
    RECOMMENDED: 'Recommendation', PORTFOLIO_DECISION: 'Portfolio decision' };
  var DIRECTIONS = { AT_LEAST: 'at least', AT_MOST: 'at most' };
  var UNITS = { PERCENT: '%', SCORE_1_TO_5: 'of 5', DAYS: 'days', COUNT: '' };
  function of(map, value) { return value === null || value === undefined ? '—' : (map[value] || value); }
  return {
    stage: function (v) { return of(STAGES, v); },
    phase: function (v) { return of(PHASES, v); },
    segment: function (v) { return v === null ? 'Every segment' : of(SEGMENTS, v); },
    level: function (v) { return of(LEVELS, v); },
    attainment: function (v) { return of(ATTAINMENT, v || 'NONE'); },
    history: function (v) { return of(HISTORY, v); },
    agreement: function (a) {
      return a.metric + ' ' + of(DIRECTIONS, a.direction) + ' ' + a.target + ' ' + (UNITS[a.unit] || '') + ' per '
        + a.period.toLowerCase();
    }
  };
}());
