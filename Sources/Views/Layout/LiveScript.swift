/// The one script of the site, for pages with a live part (the consultant desktop, the
/// wallboard). An element with `data-live-panel` (a URL that renders its content) and
/// `data-live-ws` (a WebSocket path) is refreshed whenever the socket says something changed,
/// and every `data-live-every` seconds anyway; the socket reconnects with back-off, and a
/// reconnect refreshes the panel, so a dropped connection restores the same state.
/// Countdowns (`data-deadline`, epoch ms on the server's clock) tick locally, corrected by the
/// server time the panel carries (`data-server-now`), so a wrong clock in the browser does not
/// shorten or lengthen an offer. New offers are announced in the page's live region. A button
/// (`#live-pause`, hidden until the script runs) pauses and resumes every update (WCAG 2.2.2);
/// a refresh that would show the same content leaves the page untouched, so focus and a
/// screen reader's place are kept.
public enum LiveScript {
    public static let path = SiteRoute.script("live.js").path

    public static let source = #"""
(function () {
  "use strict";
  var live = document.querySelector("[data-live-panel]");
  if (!live) { return; }
  var status = document.getElementById("live-status");
  var announcer = document.getElementById("live-announcer");
  var pause = document.getElementById("live-pause");
  var skew = 0, seen = {}, first = true, pending = false, paused = false, lastRefresh = 0, delay = 1000, socket = null;

  function say(el, text) { if (el && text) { el.textContent = text; } }

  function syncClock() {
    var s = live.querySelector("[data-server-now]");
    if (s) { skew = Number(s.getAttribute("data-server-now")) - Date.now(); }
  }

  function tick(root) {
    if (paused && !root) { return; }
    var nodes = (root || live).querySelectorAll("[data-deadline]");
    for (var n = 0; n < nodes.length; n++) {
      var left = Math.max(0, Math.round((Number(nodes[n].getAttribute("data-deadline")) - (Date.now() + skew)) / 1000));
      var out = nodes[n].querySelector(".countdown-value");
      if (out) { out.textContent = String(left); }
    }
  }

  function announceNew() {
    var offers = live.querySelectorAll("[data-announce]");
    var now = {};
    for (var n = 0; n < offers.length; n++) {
      var id = offers[n].getAttribute("data-announce-id");
      now[id] = true;
      if (!seen[id] && !first) { say(announcer, offers[n].getAttribute("data-announce")); }
    }
    seen = now; first = false;
  }

  function refresh() {
    if (pending || paused) { return; }
    pending = true; lastRefresh = Date.now();
    var focused = document.activeElement && live.contains(document.activeElement) ? document.activeElement.id : "";
    fetch(live.getAttribute("data-live-panel"), { credentials: "same-origin", headers: { "Accept": "text/html" } })
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
        var nowThere = next.querySelector("[data-server-now]"), nowHere = live.querySelector("[data-server-now]");
        var stamp = nowThere ? nowThere.getAttribute("data-server-now") : null;
        if (nowThere && nowHere) { nowThere.setAttribute("data-server-now", nowHere.getAttribute("data-server-now")); }
        if (next.innerHTML === live.innerHTML) { if (stamp) { nowHere.setAttribute("data-server-now", stamp); syncClock(); } return; }
        live.innerHTML = html;
        syncClock(); tick(); announceNew();
        if (focused) { var f = document.getElementById(focused); if (f) { f.focus(); } }
      })
      .catch(function () {})
      .then(function () { pending = false; });
  }

  function connect() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + window.location.host + live.getAttribute("data-live-ws"));
    socket.onopen = function () { delay = 1000; if (!paused) { say(status, live.getAttribute("data-text-connected")); } refresh(); };
    socket.onmessage = function () { refresh(); };
    socket.onclose = function () {
      if (!paused) { say(status, live.getAttribute("data-text-reconnecting")); }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15000);
    };
  }

  if (pause) {
    pause.hidden = false;
    pause.addEventListener("click", function () {
      paused = !paused;
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
      say(status, live.getAttribute(paused ? "data-text-paused" : "data-text-connected"));
      if (!paused) { refresh(); }
    });
  }

  var every = Number(live.getAttribute("data-live-every") || "15") * 1000;
  setInterval(tick, 1000);
  setInterval(function () { if (Date.now() - lastRefresh >= every) { refresh(); } }, 1000);
  syncClock(); tick(); announceNew();
  connect();
})();
"""#
}
