// Runs before the WebAssembly app. If the browser cannot run Linkwheel, or
// the app fails to load, say so in plain words instead of a blank page.
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
    if (!started && document.getElementById("boot")) cannotStart();
  }, 30000);
})();
