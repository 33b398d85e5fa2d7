// Runs before the WebAssembly app. If the browser cannot run Linkwheel, or
// the app fails to load, say so in plain words instead of a blank page.
// Also registers the service worker and offers a new version when one is
// ready (at the end).
(function () {
  "use strict";
  var started = false;
  // The keyholder. When the device's data is protected by a passphrase, the
  // key that opens it (a CryptoKey that cannot be exported) is kept here, in
  // memory only: the page's WebAssembly modules each have their own memory,
  // and all of them need it (src/platform.rs). A reload forgets it, so
  // Linkwheel starts locked. set() and drop() tell every module, which
  // shows its pages, or lets go of them, on "linkwheel-unlocked" and
  // "linkwheel-locked". Without pointer, key or touch activity for the
  // chosen minutes, the key is dropped.
  window.linkwheelKeys = (function () {
    var key = null;
    var idleMs = 600000;
    var lastUsed = Date.now();
    var timer = null;
    function tell(name) {
      document.documentElement.classList.toggle("unlocked", !!key);
      window.dispatchEvent(new CustomEvent(name));
    }
    function check() {
      timer = null;
      if (!key) return;
      var left = lastUsed + idleMs - Date.now();
      if (left <= 0) keys.drop();
      else timer = setTimeout(check, left);
    }
    function arm() {
      if (timer) clearTimeout(timer);
      timer = null;
      if (key) timer = setTimeout(check, Math.max(0, lastUsed + idleMs - Date.now()));
    }
    function used() { lastUsed = Date.now(); }
    ["pointerdown", "pointermove", "keydown", "touchstart", "wheel"].forEach(function (type) {
      document.addEventListener(type, used, { capture: true, passive: true });
    });
    // Timers wait while a tab is hidden: check as soon as it is seen again.
    document.addEventListener("visibilitychange", function () { if (key && !document.hidden) check(); });
    var keys = {
      // True once the app has found that the data is protected.
      protected: false,
      get: function () { return key; },
      set: function (k, minutes) {
        key = k;
        keys.protected = true;
        used();
        keys.idle(minutes);
        tell("linkwheel-unlocked");
      },
      idle: function (minutes) {
        if (minutes > 0) idleMs = minutes * 60000;
        arm();
      },
      drop: function () {
        if (!key) return;
        key = null;
        arm();
        tell("linkwheel-locked");
      },
    };
    return keys;
  })();

  function show(title, message) {
    // This script runs in <head>: wait for the body before touching it.
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", function () { show(title, message); });
      return;
    }
    endFirstRun();
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
  // An overlay over an inert page: a title, a message and one button.
  function stop(title, message, label, onClick) {
    if (document.getElementById("stopped")) return;
    if (!document.body) {
      document.addEventListener("DOMContentLoaded", function () { stop(title, message, label, onClick); });
      return;
    }
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
    h.textContent = title;
    var p = document.createElement("p");
    p.id = "stopped-text";
    p.textContent = message;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button";
    b.textContent = label;
    b.addEventListener("click", function () { onClick(box); });
    panel.appendChild(h);
    panel.appendChild(p);
    panel.appendChild(b);
    box.appendChild(panel);
    document.body.appendChild(box);
    // Everything behind the message is out of reach.
    Array.prototype.forEach.call(document.body.children, function (el) {
      if (el !== box) el.setAttribute("inert", "");
    });
    b.focus();
  }

  // Into the newest version: a waiting one takes over first (see the end).
  function reload() { reloadToNewest(); }

  // One tab at a time. Linkwheel holds a Web Lock while it runs; a second
  // tab (or window) offers to take over, and the first then stops, so two
  // tabs never save over each other. The app calls linkwheelTabLock()
  // before it opens the database.
  var release = null;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("linkwheel-tabs") : null;
  function letGo() {
    if (release) { release(); release = null; }
  }
  if (channel) {
    channel.onmessage = function (event) {
      if (event.data !== "take-over" || !release) return;
      stop("Linkwheel is open in another tab",
        "You chose to use Linkwheel in another tab or window, so this one has stopped. Everything shown as saved here is kept. Reload to use Linkwheel here again.",
        "Use Linkwheel here", reload);
      letGo();
    };
  }
  function hold(granted) {
    return function (lock) {
      if (!lock) return undefined;
      granted();
      return new Promise(function (done) { release = done; });
    };
  }
  // Every module of the page asks; they share the one lock.
  var tabLock = null;
  window.linkwheelTabLock = function () {
    if (!tabLock) tabLock = requestTab();
    return tabLock;
  };
  function requestTab() {
    if (!navigator.locks || !channel) return Promise.resolve();
    return new Promise(function (granted) {
      navigator.locks.request("linkwheel-tab", { ifAvailable: true }, function (lock) {
        if (lock) return hold(granted)(lock);
        waiting = true;
        stop("Linkwheel is already open",
          "Linkwheel is open in another tab or window on this device. To keep every change safe, it runs in one place at a time.",
          "Use Linkwheel here instead", function (box) {
            box.remove();
            Array.prototype.forEach.call(document.body.children, function (el) { el.removeAttribute("inert"); });
            channel.postMessage("take-over");
            navigator.locks.request("linkwheel-tab", hold(granted));
          });
        return undefined;
      });
    });
  }

  // "Delete all data on this device": the page's own modules let go of the
  // database like another tab would, and the page then starts afresh.
  var deleting = false;
  window.addEventListener("linkwheel-deleting", function () { deleting = true; });
  window.addEventListener("linkwheel-versionchange", function () {
    if (deleting) return;
    stop("Linkwheel was changed in another tab",
      "A newer version of Linkwheel has started, or its data was deleted, in another tab or window. This tab has stopped so nothing is saved twice or lost. Reload to carry on.",
      "Reload", reload);
    letGo();
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

  // Styles the first screen does not need are left out of the first load
  // (index.html marks them disabled) and switched on with the modules that
  // use them: the print styles with a person's pages (the plan prints) and
  // the kiosk's (the check-in prints), the kiosk's styles with the kiosk.
  function useStyles(id) {
    var link = document.getElementById(id);
    if (link && link.disabled) link.disabled = false;
  }
  var STYLES = { people: ["print-css"], kiosk: ["print-css", "kiosk-css"] };
  window.addEventListener("beforeprint", function () { useStyles("print-css"); });
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
  // A new device's first screen. index.html holds a copy of the empty
  // caseload (#first-run), shown on a device where Linkwheel has never
  // opened its database (people, a passphrase and kiosk mode all live in
  // it, so nothing can be on the device) when the address is the
  // caseload's. It is there from the first paint: on a first visit over a
  // slow connection the page is readable, and its links work, long before
  // the WebAssembly arrives. The app then takes its place with its own
  // copy (src/platform.rs first_run_done). Whether the device is new must
  // be known before the first paint, so the app leaves a mark in
  // localStorage when it opens the database (no personal data: "1"). A
  // device with a service worker has been here before, and starts from its
  // copy of the files without waiting for the network anyway.
  var DB_NAME = "linkwheel"; // src/storage/mod.rs DB_NAME
  var USED = "linkwheel-used";
  function isCaseload(hash) {
    var path = String(hash || "").replace(/^#/, "").split("?")[0];
    return path === "" || path === "/";
  }
  function mark(used) {
    try {
      if (used) localStorage.setItem(USED, "1");
      else localStorage.removeItem(USED);
    } catch (e) {
      // Storage blocked: the app says so itself.
    }
  }
  var firstRunShown = false;
  try {
    // A build that requires a passphrase first has no copy (post-build.mjs).
    firstRunShown = !document.querySelector('meta[name="linkwheel-first-run"][content="off"]') &&
      isCaseload(location.hash) && !!window.indexedDB && !localStorage.getItem(USED) &&
      !(navigator.serviceWorker && navigator.serviceWorker.controller);
  } catch (e) {
    firstRunShown = false;
  }
  if (firstRunShown) document.documentElement.classList.add("first-run");
  function endFirstRun() {
    document.documentElement.classList.remove("first-run");
    var box = document.getElementById("first-run");
    if (box) box.remove();
  }
  if (!firstRunShown) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", endFirstRun);
    else endFirstRun();
  } else if (typeof indexedDB.databases === "function") {
    // A device last used with a version from before the mark: the database
    // says whether it is new.
    indexedDB.databases().then(function (list) {
      if (list.some(function (d) { return d && d.name === DB_NAME; })) {
        mark(true);
        endFirstRun();
      }
    }, function () {});
  }
  // The first module's WebAssembly (tests/tools/csp.mjs names it in <meta
  // name="linkwheel-wasm">, above this script): fetched at once, as a
  // preload, except under index.html's copy of the first screen. There the
  // app waits until that screen has been painted (the loader awaits
  // linkwheelFirstPaint), so the two do not share a slow connection.
  var wasmMeta = document.querySelector('meta[name="linkwheel-wasm"]');
  if (wasmMeta && !firstRunShown) {
    var preload = document.createElement("link");
    preload.rel = "preload";
    preload.as = "fetch";
    preload.type = "application/wasm";
    preload.crossOrigin = "anonymous";
    preload.href = wasmMeta.content;
    document.head.appendChild(preload);
  }
  window.linkwheelFirstPaint = function () {
    if (!firstRunShown) return Promise.resolve();
    return new Promise(function (go) {
      // A tab opened in the background paints nothing until it is seen.
      var timer = setTimeout(go, 300);
      function painted() { clearTimeout(timer); go(); }
      try {
        new PerformanceObserver(function (list, observer) {
          if (list.getEntriesByName("first-contentful-paint").length) {
            observer.disconnect();
            painted();
          }
        }).observe({ type: "paint", buffered: true });
      } catch (e) {
        painted();
      }
    });
  };
  window.addEventListener("linkwheel-opened", function () { mark(true); });
  window.addEventListener("linkwheel-deleting", function () { mark(false); });

  // Bundles. The first module (Trunk's) draws the caseload; the other pages
  // are in modules of their own, loaded the first time a route needs one
  // (src/pages/mod.rs has the same table) and kept for the rest of the visit.
  // Each draws its own routes into its own element and nothing for the rest.
  function bundleFor(hash) {
    var path = String(hash || "").replace(/^#/, "").split("?")[0] || "/";
    if (/^\/(people|assessments|plans)(\/|$)/.test(path)) return "people";
    if (/^\/directory(\/|$)/.test(path)) return "directory";
    if (/^\/(settings|templates|about)(\/|$)/.test(path)) return "settings";
    if (/^\/kiosk(\/|$)/.test(path)) return "kiosk";
    return null;
  }
  var bundles = null;
  var loaded = {};
  function bundleFiles() {
    if (bundles) return bundles;
    bundles = {};
    var meta = document.querySelector('meta[name="linkwheel-bundles"]');
    String((meta && meta.content) || "").split(",").forEach(function (entry) {
      var parts = entry.trim().split(" ");
      if (parts.length === 3) bundles[parts[0]] = { js: parts[1], wasm: parts[2] };
    });
    return bundles;
  }
  function ensureBundle() {
    if (!isCaseload(location.hash)) endFirstRun();
    load(bundleFor(location.hash), true);
  }
  function load(name, visible) {
    if (!name || loaded[name]) return;
    var files = bundleFiles()[name];
    if (!files) return;
    (STYLES[name] || []).forEach(useStyles);
    var note = visible ? document.getElementById("bundle-loading") : null;
    if (note) note.hidden = false;
    loaded[name] = import("./" + files.js).then(function (module) {
      return module.default({ module_or_path: "./" + files.wasm });
    }).then(function () {
      if (note) note.hidden = true;
    }, function () {
      loaded[name] = null;
      if (note) note.hidden = true;
      if (visible || bundleFor(location.hash) === name) {
        show("This part of Linkwheel did not load",
          "Please check the connection and reload the page. Everything shown as saved is safe.");
      }
    });
  }
  // Loading ahead, on a sign of what comes next, so the page does not wait:
  // a pointer over (or focus on) a link loads that link's module, and the
  // first touch, click or key loads a person's pages, the likeliest next.
  // Nothing loads ahead without someone using the page.
  // Loading ahead waits for a quiet moment, so it never holds up typing or
  // the keyboard moving through a list.
  // At a quiet moment: when the browser is idle, and at most 1.5 s away.
  function idle(f) {
    if (window.requestIdleCallback) window.requestIdleCallback(function () { f(); }, { timeout: 1500 });
    else setTimeout(f, 200);
  }
  // Under a new device's first screen, not before the app itself has
  // started: the two would share a slow connection.
  function soon(name) {
    if (document.getElementById("first-run") && document.documentElement.classList.contains("first-run") && !started) {
      window.addEventListener("TrunkApplicationStarted", function () { soon(name); }, { once: true });
      return;
    }
    idle(function () { load(name, false); });
  }
  function ahead(event) {
    var link = event.target && event.target.closest ? event.target.closest('a[href^="#/"]') : null;
    if (link) soon(bundleFor(link.getAttribute("href")));
  }
  function first() {
    soon("people");
    ["pointerdown", "keydown", "touchstart"].forEach(function (type) {
      document.removeEventListener(type, first, true);
    });
  }
  document.addEventListener("pointerover", ahead, { passive: true });
  document.addEventListener("focusin", ahead);
  ["pointerdown", "keydown", "touchstart"].forEach(function (type) {
    document.addEventListener(type, first, { capture: true, passive: true });
  });
  window.addEventListener("hashchange", ensureBundle);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ensureBundle);
  } else {
    ensureBundle();
  }

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
      if (!reg) return;
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
