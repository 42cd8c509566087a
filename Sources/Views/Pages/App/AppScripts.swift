/// Moja Praca as an installable app: the script every public page loads (it registers the
/// service worker, and on the notifications page turns Web Push on for this device) and the
/// service worker itself.
public enum AppScript {
    public static let path = SiteRoute.script("app.js").path

    public static let source = #"""
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }
  navigator.serviceWorker.register("/sw.js").catch(function () {});
  var box = document.getElementById("push-device");
  if (!box) { return; }
  var button = document.getElementById("push-subscribe"), status = document.getElementById("push-status");
  if (!("PushManager" in window) || !("Notification" in window)) { status.textContent = box.getAttribute("data-unsupported"); return; }
  button.hidden = false;
  function key(s) {
    s = s.replace(/-/g, "+").replace(/_/g, "/");
    while (s.length % 4) { s += "="; }
    var raw = atob(s), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function say(name) { status.textContent = box.getAttribute(name); }
  button.addEventListener("click", function () {
    Notification.requestPermission().then(function (answer) {
      if (answer !== "granted") { say("data-denied"); return; }
      return navigator.serviceWorker.ready.then(function (reg) {
        return reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key(box.getAttribute("data-key")) });
      }).then(function (sub) {
        return fetch(box.getAttribute("data-action"), {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": box.getAttribute("data-csrf") },
          body: JSON.stringify(sub)
        });
      }).then(function (res) { say(res.ok ? "data-done" : "data-failed"); });
    }).catch(function () { say("data-failed"); });
  });
})();
"""#
}

public enum ServiceWorkerScript {
    /// Raised when what the worker keeps changes: the old cache is then dropped.
    public static let version = "zl-1"

    public static var source: String {
        #"""
"use strict";
var CACHE = "\#(version)";
var SHELL = ["\#(SiteRoute.offline.path)", "\#(SiteRoute.stylesheet.path)", "\#(MenuScript.path)", "\#(AppScript.path)", "\#(SiteRoute.appIcon(192).path)"];
// Pages kept for reading offline: the offers looked at, the saved searches, the offers that fit.
var KEEP = [/^\/offers\/[0-9a-f-]{36}$/, /^\/account\/alerts$/, /^\/account\/matches$/];

self.addEventListener("install", function (e) {
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(SHELL); }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function forget() {
  // Signing out: what this browser kept of the account goes; the shell is fetched again.
  return caches.open(CACHE).then(function (c) {
    return c.keys().then(function (requests) {
      return Promise.all(requests.filter(function (r) { return SHELL.indexOf(new URL(r.url).pathname) < 0; }).map(function (r) { return c.delete(r); }));
    });
  });
}

self.addEventListener("fetch", function (e) {
  var req = e.request, url = new URL(req.url);
  if (url.origin !== self.location.origin) { return; }
  if (req.method === "POST" && url.pathname === "\#(SiteRoute.logout.path)") { e.waitUntil(forget()); return; }
  if (req.method !== "GET") { return; }
  if (req.mode === "navigate") {
    e.respondWith(fetch(req).then(function (res) {
      if (res.ok && KEEP.some(function (r) { return r.test(url.pathname); })) {
        var copy = res.clone();
        caches.open(CACHE).then(function (c) { c.put(url.pathname + url.search, copy); });
      }
      return res;
    }).catch(function () {
      return caches.match(url.pathname + url.search).then(function (hit) { return hit || caches.match("\#(SiteRoute.offline.path)"); });
    }));
    return;
  }
  if (SHELL.indexOf(url.pathname) >= 0) {
    e.respondWith(fetch(req).catch(function () { return caches.match(url.pathname); }));
  }
});

self.addEventListener("push", function (e) {
  var m = {};
  try { m = e.data ? e.data.json() : {}; } catch (x) { m = {}; }
  var target = typeof m.url === "string" && m.url.charAt(0) === "/" && m.url.charAt(1) !== "/" ? m.url : "/";
  e.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (list) {
    // Nothing to say to someone looking at the very page.
    if (list.some(function (c) { return c.focused && new URL(c.url).pathname === target.split("?")[0]; })) { return; }
    return self.registration.showNotification(m.title || "Zielona Linia", {
      body: m.body || "", tag: m.tag || undefined, icon: "\#(SiteRoute.appIcon(192).path)", data: { url: target }
    });
  }));
});

self.addEventListener("notificationclick", function (e) {
  e.notification.close();
  var target = (e.notification.data && e.notification.data.url) || "/";
  e.waitUntil(self.clients.openWindow(target));
});
"""#
    }
}
