// What the portfolio's pages share: building elements from text (never from HTML), and dates as the pages show them.
var PmoPage = (function () {
  'use strict';
  return {
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
