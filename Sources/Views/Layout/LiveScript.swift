/// The script of the pages with live parts (the staff shell's bar, the consultant desktop, the
/// wallboard). Each element with `data-live-panel` (a URL that renders its content) and
/// `data-live-ws` (a WebSocket path) is refreshed whenever its socket says something changed,
/// and every `data-live-every` seconds anyway; panels on the same socket share it; a socket
/// reconnects with back-off and jitter, and a reconnect refreshes its panels, so a dropped connection
/// restores the same state. Countdowns (`data-deadline`, epoch ms on the server's clock) tick
/// locally, corrected by the server time a panel carries (`data-server-now`), so a wrong clock
/// in the browser does not shorten or lengthen an offer. New offers are announced in the page's
/// live region. A button (`#live-pause`, hidden until the script runs) pauses and resumes every
/// update (WCAG 2.2.2); a refresh that would show the same content leaves the panel untouched,
/// so focus and a screen reader's place are kept.
public enum LiveScript {
    public static let path = SiteRoute.script("live.js").path

    public static let source = #"""
(function () {
  "use strict";
  var panels = Array.prototype.slice.call(document.querySelectorAll("[data-live-panel]"));
  if (!panels.length) { return; }
  var first = panels[0];
  var status = document.getElementById("live-status");
  var announcer = document.getElementById("live-announcer");
  var pause = document.getElementById("live-pause");
  var skew = 0, seen = {}, initial = true, paused = false, sockets = {};

  function say(el, text) { if (el && text) { el.textContent = text; } }
  function text(name) { return first.getAttribute(name); }

  function syncClock() {
    for (var i = 0; i < panels.length; i++) {
      var s = panels[i].querySelector("[data-server-now]");
      if (s) { skew = Number(s.getAttribute("data-server-now")) - Date.now(); return; }
    }
  }

  function tick(root) {
    if (paused && !root) { return; }
    var roots = root ? [root] : panels;
    roots.forEach(function (r) {
      var nodes = r.querySelectorAll("[data-deadline]");
      for (var n = 0; n < nodes.length; n++) {
        var left = Math.max(0, Math.round((Number(nodes[n].getAttribute("data-deadline")) - (Date.now() + skew)) / 1000));
        var out = nodes[n].querySelector(".countdown-value");
        if (out) { out.textContent = String(left); }
      }
    });
  }

  function announceNew() {
    var now = {};
    panels.forEach(function (p) {
      var offers = p.querySelectorAll("[data-announce]");
      for (var n = 0; n < offers.length; n++) {
        var id = offers[n].getAttribute("data-announce-id");
        if (now[id]) { continue; }
        now[id] = true;
        if (!seen[id] && !initial) { say(announcer, offers[n].getAttribute("data-announce")); }
      }
    });
    seen = now; initial = false;
  }

  function refresh(panel) {
    if (panel.pending || paused) { return; }
    panel.pending = true; panel.lastRefresh = Date.now();
    var focused = document.activeElement && panel.contains(document.activeElement) ? document.activeElement.id : "";
    fetch(panel.getAttribute("data-live-panel"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (r) {
        if (r.status === 401 || r.status === 403 || r.redirected) { window.location.reload(); return null; }
        return r.ok ? r.text() : null;
      })
      .then(function (html) {
        if (html === null || html === undefined || paused) { return; }
        var next = document.createElement("div");
        next.innerHTML = html;
        tick(next);
        // The server's time differs on every answer; it alone is no change.
        var nowThere = next.querySelector("[data-server-now]"), nowHere = panel.querySelector("[data-server-now]");
        var stamp = nowThere ? nowThere.getAttribute("data-server-now") : null;
        if (nowThere && nowHere) { nowThere.setAttribute("data-server-now", nowHere.getAttribute("data-server-now")); }
        if (next.innerHTML === panel.innerHTML) { if (stamp && nowHere) { nowHere.setAttribute("data-server-now", stamp); syncClock(); } return; }
        panel.innerHTML = html;
        syncClock(); tick(); announceNew();
        if (focused) { var f = document.getElementById(focused); if (f) { f.focus(); } }
      })
      .catch(function () {})
      .then(function () { panel.pending = false; });
  }

  function refreshAll(path) { panels.forEach(function (p) { if (!path || p.getAttribute("data-live-ws") === path) { refresh(p); } }); }

  function connect(path) {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    var socket = new WebSocket(scheme + window.location.host + path);
    sockets[path] = socket;
    socket.onopen = function () { socket.delay = 1000; if (!paused) { say(status, text("data-text-connected")); } refreshAll(path); };
    socket.onmessage = function () { refreshAll(path); };
    socket.onclose = function () {
      var delay = socket.delay || 1000;
      if (!paused) { say(status, text("data-text-reconnecting")); }
      // Each wait drawn around the back-off: the desktops of a server that died do not all
      // knock on the other at the same instant.
      setTimeout(function () { connect(path); sockets[path].delay = Math.min(delay * 2, 15000); }, delay * (0.5 + Math.random()));
    };
  }

  if (pause) {
    pause.hidden = false;
    pause.addEventListener("click", function () {
      paused = !paused;
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      say(status, text(paused ? "data-text-paused" : "data-text-connected"));
      if (!paused) { refreshAll(); }
    });
  }

  setInterval(tick, 1000);
  setInterval(function () {
    panels.forEach(function (p) {
      var every = Number(p.getAttribute("data-live-every") || "15") * 1000;
      if (Date.now() - (p.lastRefresh || 0) >= every) { refresh(p); }
    });
  }, 1000);
  panels.forEach(function (p) { p.lastRefresh = Date.now(); });
  syncClock(); tick(); announceNew();
  panels.forEach(function (p) { var path = p.getAttribute("data-live-ws"); if (path && !sockets[path]) { connect(path); } });
})();
"""#
}

/// The workstation's keyboard shortcuts (every staff page): Alt+Shift with a letter — never a
/// single character, so speech input and stray keys cannot trigger them (WCAG 2.1.4) — each
/// doing what a visible button does: accept or decline the contact ringing, end the
/// conversation, close the contact (with the outcome chosen; otherwise to the outcome field),
/// jump to the knowledge-base search. Listed at the foot of every staff page.
public enum WorkstationScript {
    public static let path = SiteRoute.script("workstation.js").path

    public static let source = #"""
(function () {
  "use strict";
  function press(selector) {
    var el = document.querySelector(selector);
    if (!el) { return false; }
    el.click();
    return true;
  }
  document.addEventListener("keydown", function (e) {
    if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) { return; }
    var done = false;
    switch (e.code) {
    case "KeyA": done = press("button[id^='accept-']"); break;
    case "KeyD": done = press("button[id^='decline-']"); break;
    case "KeyE": done = press("form[data-shortcut='end'] button"); break;
    case "KeyC":
      var outcome = document.querySelector("form[data-shortcut='close'] select[name='outcome']");
      if (outcome) {
        done = true;
        if (outcome.value) { outcome.form.querySelector("button[type='submit']").click(); } else { outcome.focus(); }
      }
      break;
    case "KeyK":
      var search = document.querySelector("[data-shortcut='search']");
      if (search) { search.focus(); done = true; }
      break;
    }
    if (done) { e.preventDefault(); }
  });
})();
"""#
}
