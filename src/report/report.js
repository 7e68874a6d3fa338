// The client filter of the routes table: searches the compact route data
// and draws the matching rows (at most meta.limit). Works from a file:// page;
// `#client=…` in the address fills the filter when the page opens.
(function () {
  "use strict";
  var input = document.getElementById("client-filter");
  var body = document.getElementById("routes-body");
  var status = document.getElementById("routes-status");
  if (!input || !body || !status) return;
  var meta = JSON.parse(document.getElementById("routes-meta").textContent);
  var raw = document.getElementById("routes-data").textContent;
  var drawn = Array.prototype.slice.call(body.childNodes);
  var drawnStatus = status.getAttribute("data-drawn");
  var parties = null;

  function decode(s) {
    return s.indexOf("&") < 0 ? s : s.replace(/&lt;/g, "<").replace(/&amp;/g, "&");
  }
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) {
      return k in values ? values[k].toLocaleString(document.documentElement.lang === "nb" ? "nb-NO" : "en-GB") : m;
    });
  }
  function load() {
    if (parties) return parties;
    parties = [];
    var main = null;
    var lines = raw.split("\n");
    for (var i = 0; i < lines.length; i++) {
      var f = lines[i].split("\t");
      if (f.length < 3) continue;
      var pattern = meta.patterns[+f[2]];
      var name = decode(f[1]);
      var p = { orgnr: decode(f[0]), name: name, pattern: pattern, key: (f[0] + " " + name).toLowerCase() };
      if (meta.unit_kinds.indexOf(pattern[0]) < 0) main = p;
      p.main = main;
      parties.push(p);
    }
    return parties;
  }
  function cell(tr, tag, text) {
    var c = document.createElement(tag);
    if (tag === "th") c.setAttribute("scope", "row");
    c.textContent = text;
    tr.appendChild(c);
    return c;
  }
  function show(query) {
    var q = query.trim().toLowerCase();
    var digits = q.replace(/\s/g, "");
    while (body.firstChild) body.removeChild(body.firstChild);
    if (!q) {
      drawn.forEach(function (n) { body.appendChild(n); });
      status.textContent = drawnStatus;
      return;
    }
    var byNumber = /^\d+$/.test(digits);
    var rows = 0, matched = 0, shown = 0;
    var list = load();
    for (var i = 0; i < list.length; i++) {
      var p = list[i];
      if (byNumber ? p.orgnr.indexOf(digits) < 0 : p.key.indexOf(q) < 0) continue;
      matched++;
      var routes = p.pattern[1];
      for (var j = 0; j < routes.length; j++) {
        rows++;
        if (shown >= meta.limit) continue;
        shown++;
        var sus = routes[j][1];
        var tr = document.createElement("tr");
        tr.className = "st-" + ["none", "served", "ambiguous"][Math.min(sus.length, 2)];
        cell(tr, "th", p.name || p.orgnr);
        cell(tr, "td", p.orgnr);
        cell(tr, "td", meta.kinds[p.pattern[0]]);
        cell(tr, "td", "").appendChild(document.createElement("code")).textContent = routes[j][0];
        cell(tr, "td", meta.status[Math.min(sus.length, 2)]);
        cell(tr, "td", sus.map(function (s) { return meta.users[s][0] + " (" + meta.users[s][1] + ")"; }).join(", "));
        body.appendChild(tr);
      }
    }
    if (!matched) status.textContent = meta.nothing;
    else if (shown < rows) status.textContent = fill(meta.shown, { shown: shown, rows: rows, parties: matched });
    else status.textContent = fill(meta.matching, { rows: rows, parties: matched });
  }
  function fromHash() {
    var m = /^#client=(.*)$/.exec(location.hash);
    if (!m) return false;
    var v;
    try { v = decodeURIComponent(m[1].replace(/\+/g, " ")); } catch (e) { v = m[1]; }
    input.value = v;
    show(v);
    var section = document.getElementById("routes");
    if (section && section.scrollIntoView) section.scrollIntoView();
    return true;
  }
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(input.value);
      try { history.replaceState(null, "", input.value ? "#client=" + encodeURIComponent(input.value) : location.pathname); } catch (e) { /* file:// may refuse */ }
    }, 120);
  });
  window.addEventListener("hashchange", fromHash);
  input.form.hidden = false;
  fromHash();
})();
