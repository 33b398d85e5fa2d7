// Runs before the WebAssembly app. If the browser cannot run Linkwheel, or
// the app fails to load, say so in plain words instead of a blank page.
// Also registers the service worker and offers a new version when one is
// ready (at the end).
(function () {
  "use strict";
  var started = false;

  function show(title, message) {
    // This script runs in <head>: wait for the body before touching it.
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", function () { show(title, message); });
      return;
    }
    var box = document.getElementById("boot");
    if (!box) {
      box = document.createElement("div");
      box.id = "boot";
      document.body.insertBefore(box, document.body.firstChild);
    }
    box.className = "boot boot-failed";
    box.setAttribute("role", "alert");
    box.textContent = "";
    var h = document.createElement("h1");
    h.textContent = title;
    var p = document.createElement("p");
    p.textContent = message;
    box.appendChild(h);
    box.appendChild(p);
  }

  // The app tells us (window events from src/platform.rs `announce`) when
  // another tab holds the database: either an older Linkwheel is blocking
  // this one's upgrade, or a newer one needs this tab to let go.
  var waiting = false;
  window.addEventListener("linkwheel-blocked", function () {
    waiting = true;
    show("Linkwheel is being updated",
      "Linkwheel is also open in another tab or window, with an older version. Close it there, and Linkwheel will start here.");
    var box = document.getElementById("boot");
    if (box) {
      // Not a failure: the app removes this message when it starts.
      box.className = "boot boot-waiting";
      box.setAttribute("role", "status");
    }
  });
  window.addEventListener("linkwheel-versionchange", function () {
    if (document.getElementById("stopped")) return;
    var box = document.createElement("div");
    box.id = "stopped";
    box.className = "overlay";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", "stopped-title");
    box.setAttribute("aria-describedby", "stopped-text");
    var panel = document.createElement("div");
    panel.className = "overlay-panel";
    var h = document.createElement("h1");
    h.id = "stopped-title";
    h.textContent = "Linkwheel was changed in another tab";
    var p = document.createElement("p");
    p.id = "stopped-text";
    p.textContent = "A newer version of Linkwheel has started, or its data was deleted, in another tab or window. This tab has stopped so nothing is saved twice or lost. Reload to carry on.";
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button";
    b.textContent = "Reload";
    // Into the newest version: a waiting one takes over first (see below).
    b.addEventListener("click", reloadToNewest);
    panel.appendChild(h);
    panel.appendChild(p);
    panel.appendChild(b);
    box.appendChild(panel);
    document.body.appendChild(box);
    // Everything behind the message is out of reach until the reload.
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== box) el.setAttribute("inert", "");
    });
    b.focus();
  });

  function cannotStart() {
    show("Linkwheel cannot start",
      "Linkwheel did not load properly. Please reload the page. If this keeps happening, try an up-to-date version of Chrome, Edge, Firefox or Safari.");
  }

  if (typeof WebAssembly !== "object") {
    show("Linkwheel cannot start",
      "This browser cannot run Linkwheel. Please use an up-to-date version of Chrome, Edge, Firefox or Safari.");
    return;
  }
  // Missing or blocked IndexedDB is reported by the app itself, which
  // starts without it and says so in plain words.

  window.addEventListener("TrunkApplicationStarted", function () { started = true; });
  window.addEventListener("unhandledrejection", function () { if (!started) cannotStart(); });
  window.addEventListener("error", function (event) {
    var text = String((event && event.message) || "");
    if (!started) {
      cannotStart();
    } else if (/RuntimeError|unreachable/.test(text)) {
      show("Something went wrong",
        "Sorry, Linkwheel hit a problem. Everything shown as saved is safe. Please reload the page.");
    }
  });
  setTimeout(function () {
    if (!started && !waiting && document.getElementById("boot")) cannotStart();
  }, 30000);

  // Offline and updates: sw.js (made at build time by tests/tools/sw.mjs)
  // keeps a copy of this version's files. When a new version has been
  // deployed, its worker waits, and this page keeps the files it started
  // with, until the user presses "Reload to update". Never a reload on its
  // own: someone may be typing (every answer is saved as it is given).
  if (!("serviceWorker" in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  var sw = navigator.serviceWorker;
  var controlled = !!sw.controller;
  var next = null;
  var updating = false;

  // A waiting worker takes over first; the page reloads when it has.
  function reloadToNewest() {
    if (next && next.state === "installed") {
      updating = true;
      next.postMessage({ type: "SKIP_WAITING" });
    } else {
      location.reload();
    }
  }

  function offerUpdate(worker) {
    next = worker;
    if (document.getElementById("update")) return;
    var box = document.createElement("div");
    box.id = "update";
    box.className = "update-banner";
    box.setAttribute("role", "status");
    document.body.insertBefore(box, document.body.firstChild);
    // Filled a moment after the empty region appears, so it is announced.
    setTimeout(function () {
      var p = document.createElement("p");
      p.textContent = "A new version of Linkwheel is ready.";
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = "Reload to update";
      b.addEventListener("click", reloadToNewest);
      box.appendChild(p);
      box.appendChild(b);
    }, 100);
  }

  sw.addEventListener("controllerchange", function () {
    if (updating) {
      updating = false;
      location.reload();
    } else if (controlled) {
      // Another tab took the new version: offer the reload here too.
      offerUpdate(null);
    }
    controlled = true;
  });
  window.addEventListener("load", function () {
    sw.register("./sw.js").then(function (reg) {
      if (reg.waiting && sw.controller) offerUpdate(reg.waiting);
      reg.addEventListener("updatefound", function () {
        var w = reg.installing;
        if (w) w.addEventListener("statechange", function () {
          if (w.state === "installed" && sw.controller) offerUpdate(w);
        });
      });
    }, function () {
      // Linkwheel works without it, only not offline.
    });
  });
})();
