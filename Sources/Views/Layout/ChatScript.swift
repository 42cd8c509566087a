/// The chat's script: every `[data-chat]` box becomes live. A visitor's box talks over
/// `/chat/ws` (the server sends the state, the box sends lines and "typing"); a consultant's
/// box hears its desktop socket and reads the state from `data-chat-state`, and sends its
/// form with fetch. Lines are added as text nodes (never markup); the log keeps its place for
/// screen readers (it only grows). Without the script every box is a plain form.
public enum ChatScript {
    public static let path = SiteRoute.script("chat.js").path

    public static let source = #"""
(function () {
  "use strict";
  function each(list, f) { for (var i = 0; i < list.length; i++) { f(list[i]); } }

  function setup(box) {
    var role = box.getAttribute("data-chat-role");
    var log = box.querySelector("[data-chat-log]"), status = box.querySelector("[data-chat-status]");
    var typing = box.querySelector("[data-chat-typing]"), error = box.querySelector("[data-chat-error]");
    var form = box.querySelector("form[data-chat-say]"), field = form ? form.querySelector("textarea") : null;
    var socket = null, delay = 1000, typingShown = null, lastTyping = 0, phase = box.getAttribute("data-chat-phase");
    var key = box.getAttribute("data-chat");

    function show(el, text) { if (el && el.textContent !== text) { el.textContent = text; } }

    function line(l) {
      var li = document.createElement("li");
      li.className = "chat-line chat-" + l.author;
      li.setAttribute("data-id", String(l.id));
      var who = document.createElement("span"); who.className = "chat-who"; who.textContent = l.who;
      var time = document.createElement("span"); time.className = "chat-time"; time.textContent = l.time;
      var p = document.createElement("p"); p.textContent = l.text;
      li.appendChild(who); li.appendChild(document.createTextNode(" ")); li.appendChild(time); li.appendChild(p);
      return li;
    }

    function render(state) {
      box.hidden = false;
      show(status, state.status);
      var have = {};
      each(log.children, function (li) { have[li.getAttribute("data-id")] = true; });
      var added = false;
      each(state.lines, function (l) { if (!have[String(l.id)]) { log.appendChild(line(l)); added = true; } });
      if (added) { log.parentNode.scrollTop = log.parentNode.scrollHeight; show(typing, ""); }
      if (state.phase !== phase) {
        phase = state.phase;
        box.setAttribute("data-chat-phase", phase);
        if (phase === "ended") {
          if (form) { form.hidden = true; }
          each(document.querySelectorAll("[data-chat-end]"), function (f) { f.hidden = true; });
          each(document.querySelectorAll("[data-chat-ended]"), function (d) { d.hidden = false; });
        }
      }
    }

    function showTyping(text) {
      show(typing, text || box.getAttribute("data-text-typing"));
      if (typingShown) { clearTimeout(typingShown); }
      typingShown = setTimeout(function () { show(typing, ""); }, 4000);
    }

    function reloadState() {
      var url = box.getAttribute("data-chat-state");
      if (!url) { return; }
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (s) { if (s) { render(s); } })
        .catch(function () {});
    }

    function connect(path, onMessage) {
      var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
      socket = new WebSocket(scheme + window.location.host + path);
      socket.onopen = function () { delay = 1000; show(error, ""); if (role === "agent") { reloadState(); } };
      socket.onmessage = function (e) { var m; try { m = JSON.parse(e.data); } catch (x) { return; } onMessage(m); };
      socket.onclose = function () {
        if (phase !== "ended") { show(error, box.getAttribute("data-text-reconnecting")); }
        setTimeout(function () { connect(path, onMessage); }, delay * (0.5 + Math.random()));
        delay = Math.min(delay * 2, 15000);
      };
    }

    if (role === "visitor") {
      connect(box.getAttribute("data-chat-ws"), function (m) {
        if (m.type === "state") { render(m); }
        else if (m.type === "typing") { showTyping(m.text); }
        else if (m.type === "error") { show(error, m.text); }
      });
    } else {
      connect("\#(SiteRoute.desktopSocket.path)", function (m) {
        if (m.chat !== key) { if (m.kind === "hello") { reloadState(); } return; }
        if (m.kind === "typing") { if (m.by === "visitor") { showTyping(); } } else { reloadState(); }
      });
      setInterval(reloadState, 10000);
    }

    if (form && field) {
      form.addEventListener("submit", function (e) {
        var text = field.value;
        if (!text.replace(/\s+/g, "")) { e.preventDefault(); field.focus(); return; }
        if (role === "visitor") {
          if (!socket || socket.readyState !== 1) { return; }
          e.preventDefault();
          socket.send(JSON.stringify({ type: "say", text: text }));
          field.value = ""; show(error, "");
        } else {
          e.preventDefault();
          fetch(form.getAttribute("action"), { method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
            .then(function (r) { if (r.ok) { field.value = ""; show(error, ""); render(r.body); } else { show(error, r.body.error || ""); } })
            .catch(function () { form.submit(); });
        }
        field.focus();
      });
      field.addEventListener("input", function () {
        if (Date.now() - lastTyping < 2000) { return; }
        lastTyping = Date.now();
        if (role === "visitor") {
          if (socket && socket.readyState === 1) { socket.send(JSON.stringify({ type: "typing" })); }
        } else if (box.getAttribute("data-chat-typing-url")) {
          var data = new FormData(); data.append("_csrf", form.querySelector("input[name=_csrf]").value);
          fetch(box.getAttribute("data-chat-typing-url"), { method: "POST", body: data, credentials: "same-origin" }).catch(function () {});
        }
      });
      // Enter sends, Shift+Enter is a new line: what chat users expect.
      field.addEventListener("keydown", function (e) {
        if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.submit(); }
      });
    }
    log.parentNode.scrollTop = log.parentNode.scrollHeight;
  }

  each(document.querySelectorAll("[data-chat]"), setup);
})();
"""#
}
