// Sentlog: the live Delivery Summary of a message's page (SPEC E4, W2).
// The page works without this script: it then shows the figures as loaded, and Refresh Status.
// Every value goes in with textContent; nothing is parsed as HTML, nothing is evaluated.
'use strict';
(function () {
  var region = document.getElementById('summary-region');
  if (!region || typeof window.EventSource !== 'function') {
    return;
  }
  var url = region.getAttribute('data-events');
  if (!url) {
    return;
  }
  function put(id, value) {
    var element = document.getElementById(id);
    if (element && element.textContent !== value) {
      element.textContent = value;
    }
  }
  var source = new EventSource(url);
  function show(event) {
    var state = JSON.parse(event.data);
    put('status', state.status);
    Object.keys(state.figures).forEach(function (name) {
      put('figure-' + name, String(state.figures[name]));
    });
    put('summary-start', state.startTime);
    put('summary-end', state.endTime);
    put('summary-duration', state.duration);
    if (state.final) {
      // the message will not change again: stop, rather than let the browser reconnect
      source.close();
    }
  }
  ['current', 'changed', 'overflow'].forEach(function (kind) {
    source.addEventListener(kind, show);
  });
}());
