// Filters over the results' data attributes: no server, no network, nothing stored.
(function () {
  'use strict';
  var form = document.getElementById('filters');
  var findings = Array.prototype.slice.call(document.querySelectorAll('.finding'));
  var allDetails = Array.prototype.slice.call(document.querySelectorAll('.findings details'));
  var sections = Array.prototype.slice.call(document.querySelectorAll('section.section'));
  var shown = document.getElementById('shown');
  var none = document.getElementById('none-shown');
  var RANK = { low: 1, medium: 2, high: 3, critical: 4 };

  function choice(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : 'all';
  }

  function apply() {
    var status = choice('status');
    var severity = choice('severity');
    var section = choice('section');
    var query = form.elements.namedItem('q').value.trim().toLowerCase();
    var count = 0;
    findings.forEach(function (f) {
      var d = f.dataset;
      var visible =
        (status === 'all' || d.status === status) &&
        (severity === 'all' || RANK[d.severity] >= RANK[severity]) &&
        (section === 'all' || d.section === section) &&
        (query === '' || f.textContent.toLowerCase().indexOf(query) !== -1);
      f.hidden = !visible;
      if (visible) count++;
    });
    sections.forEach(function (s) {
      s.hidden = !s.querySelector('.finding:not([hidden])');
    });
    // Said in words too, so a printout (which has no filter bar) tells what was left out.
    var active = [];
    if (status !== 'all') active.push('status ' + status);
    if (severity !== 'all') active.push('severity ' + severity + (severity === 'critical' ? '' : ' and above'));
    if (section !== 'all') active.push('section ' + section);
    if (query !== '') active.push('matching "' + query + '"');
    shown.textContent = count + ' of ' + findings.length + ' results shown' + (active.length ? ': ' + active.join(', ') : '');
    none.hidden = count > 0;
  }

  function openAll(open) {
    allDetails.forEach(function (d) {
      d.open = open;
    });
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
  });
  document.getElementById('expand-all').addEventListener('click', function () {
    openAll(true);
  });
  document.getElementById('collapse-all').addEventListener('click', function () {
    openAll(false);
  });

  // A section's name in the score table narrows the results to that section.
  Array.prototype.forEach.call(document.querySelectorAll('[data-section-link]'), function (link) {
    link.addEventListener('click', function () {
      var radio = form.querySelector('input[name="section"][value="' + link.getAttribute('data-section-link') + '"]');
      if (radio) {
        radio.checked = true;
        apply();
      }
    });
  });

  // On paper every result shown is expanded; the screen gets its own state back afterwards.
  var openBeforePrint = [];
  window.addEventListener('beforeprint', function () {
    openBeforePrint = allDetails.map(function (d) {
      return d.open;
    });
    openAll(true);
  });
  window.addEventListener('afterprint', function () {
    allDetails.forEach(function (d, i) {
      d.open = openBeforePrint[i];
    });
  });
})();
