// The in-page timing probe for `make bench`, the same on the Linkwheel page
// and on the plain-JavaScript floor page (tests/bench/floor.html), which
// copies the few bits of markup it watches:
//
//   caseload shown   an element with role=status saying "… on this device",
//                    the #search input (enabled) and a link inside the list
//                    labelled "People" (aria-label="People")
//   search result    the same status with the expected numbers ("12 of 10,000
//                    shown", "No one matches …", thousands separators
//                    allowed) and, when someone matches, the first row of the
//                    People list is the first match in name order
//   person page      h1 with the person's name and their wheel (`svg.wheel`
//                    in Linkwheel, `.wheel` on the floor)
//   saved answer     [data-testid=save-status] says "Saving…", then "Saved"
//   after a click    an element matching a selector (holding a text), for
//                    the backup's "What the backup holds" and "replaced";
//                    and when the page hands a file to the browser (a click
//                    on an <a download>), for the backup's download
//
// Every time is performance.now() in the page (milliseconds from the start of
// the navigation). "Shown" times are taken after the frame that draws the
// change: the check passes, then requestAnimationFrame, then the next task.
// So a time includes the JavaScript/WebAssembly work, style, layout and
// paint of that frame, and the main thread is free for input again.

/** Installed with context.addInitScript before any page script runs. */
export function probe() {
  const B = (window.__bench = { cold: null, wasmMemory: null, names: null });
  addEventListener('TrunkApplicationStarted', (e) => {
    // Trunk passes wasm-bindgen's init() result: the module's exports, memory included.
    B.wasmMemory = e.detail && e.detail.wasm ? e.detail.wasm.memory || null : null;
  });

  const afterFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => resolve(performance.now());
        ch.port2.postMessage(0);
      }),
    );

  /**
   * Resolves with {domAt, paintedAt} once pred() holds (checked now and on
   * every DOM change; `expose(check)` gets the check, to run it at other times).
   */
  B.when = (pred, timeoutMs = 60000, expose = null) =>
    new Promise((resolve, reject) => {
      let done = false;
      const finish = () => {
        done = true;
        obs.disconnect();
        clearTimeout(timer);
      };
      const check = () => {
        if (done) return;
        let ok = false;
        try {
          ok = pred();
        } catch {
          ok = false;
        }
        if (ok) {
          const domAt = performance.now();
          finish();
          afterFrame().then((paintedAt) => resolve({ domAt, paintedAt }));
        }
      };
      const obs = new MutationObserver(check);
      obs.observe(document, { subtree: true, childList: true, characterData: true });
      if (expose) expose(check);
      const timer = setTimeout(() => {
        if (!done) {
          finish();
          reject(new Error(`probe: timed out; status says "${B.statusText()}"`));
        }
      }, timeoutMs);
      check();
    });

  B.statusText = () => {
    const s = Array.from(document.querySelectorAll('[role=status]')).find((e) => /on this device|shown|No one matches/.test(e.textContent));
    return s ? s.textContent.trim() : '';
  };
  const numbers = (text) => (text.replace(/(\d)[,\u202f\u00a0](?=\d{3}\b)/g, '$1').match(/\d+/g) || []).map(Number);
  B.firstRow = () => {
    const a = document.querySelector('[aria-label="People"] a');
    return a ? a.textContent.trim() : '';
  };
  B.caseloadShown = () => {
    const search = document.getElementById('search');
    return /on this device/.test(B.statusText()) && !!search && !search.disabled && !!document.querySelector('[aria-label="People"] a');
  };
  B.cold = null;
  B.coldPromise = B.when(B.caseloadShown).then(
    (r) => (B.cold = r),
    (e) => (B.cold = { error: String(e) }),
  );

  /** Names as stored, for the expected search results (read outside any timing). */
  B.loadNames = () =>
    new Promise((resolve, reject) => {
      const req = indexedDB.open('linkwheel');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const all = db.transaction('people', 'readonly').objectStore('people').getAll();
        all.onsuccess = () => {
          db.close();
          B.names = all.result
            .filter((p) => !p.closed)
            .map((p) => ({ name: p.preferred_name, hay: `${p.preferred_name} ${p.full_name}`.toLowerCase(), key: [p.preferred_name.toLowerCase(), p.id] }))
            .sort((a, b) => (a.key[0] < b.key[0] ? -1 : a.key[0] > b.key[0] ? 1 : a.key[1] < b.key[1] ? -1 : 1));
          resolve(B.names.length);
        };
        all.onerror = () => reject(all.error);
      };
    });

  /** Is the caseload showing the result for `query` (ASCII queries only)? */
  B.showsResult = (query) => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const hits = words.length ? B.names.filter((p) => words.every((w) => p.hay.includes(w))) : B.names;
    const text = B.statusText();
    const n = numbers(text);
    if (!words.length) return /on this device/.test(text) && n[0] === B.names.length && B.firstRow().startsWith(B.names[0].name);
    if (!hits.length) return /^No one matches/.test(text);
    return /shown/.test(text) && n[0] === hits.length && n[1] === B.names.length && B.firstRow().startsWith(hits[0].name);
  };

  /** Keystroke to result: arm, then the runner presses the key. */
  B.armKey = (query) => {
    const key = (B.key = { start: null, result: null, error: null, check: null });
    const onKey = (e) => {
      removeEventListener('keydown', onKey, true);
      // The event's own time: when the key reached the page, before any handler.
      key.start = e.timeStamp > 0 && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
      // Should the key change nothing on the page, look again once the
      // input event's handlers (and their microtasks) have run.
      addEventListener(
        'input',
        () => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => key.check && key.check();
          ch.port2.postMessage(0);
        },
        { capture: true, once: true },
      );
    };
    addEventListener('keydown', onKey, true);
    // Only after the key: the page may already show what is expected.
    key.promise = B.when(() => key.start !== null && B.showsResult(query), 60000, (check) => (key.check = check)).then(
      (r) => (key.result = r),
      (e) => (key.error = String(e)),
    );
  };
  B.keyDone = async () => {
    await B.key.promise;
    if (B.key.error) throw new Error(B.key.error);
    return { ms: B.key.result.paintedAt - B.key.start, domMs: B.key.result.domAt - B.key.start };
  };

  /** Hash navigation (what a click on a plain link does) to a page showing `selector` and an h1 with `name`. */
  B.open = async (hash, selector, name) => {
    const shown = () => !!document.querySelector(selector) && Array.from(document.querySelectorAll('h1')).some((h) => h.textContent.includes(name));
    const start = performance.now();
    const done = B.when(shown);
    location.hash = hash;
    const r = await done;
    return { ms: r.paintedAt - start, domMs: r.domAt - start };
  };

  /** Back to the caseload (not timed). */
  B.home = async () => {
    const done = B.when(B.caseloadShown);
    location.hash = '#/';
    await done;
  };

  /** Click to "Saved": arm, then the runner clicks a radio. */
  B.armSave = () => {
    const save = (B.save = { start: null, saving: false, savedAt: null, error: null });
    const onClick = () => {
      removeEventListener('click', onClick, true);
      save.start = performance.now();
    };
    addEventListener('click', onClick, true);
    save.promise = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        const el = document.querySelector('[data-testid=save-status]');
        const text = el ? el.textContent.trim() : '';
        if (save.start === null) return;
        if (text.startsWith('Saving')) save.saving = true;
        else if (text.startsWith('Not saved')) save.error = text;
        else if (text === 'Saved' && save.saving) save.savedAt = performance.now();
        if (save.savedAt !== null || save.error) {
          obs.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      obs.observe(document, { subtree: true, childList: true, characterData: true });
      const timer = setTimeout(() => {
        save.error = 'timed out waiting for "Saved"';
        obs.disconnect();
        resolve();
      }, 30000);
    });
  };
  B.saveDone = async () => {
    await B.save.promise;
    if (B.save.error) throw new Error(B.save.error);
    return { ms: B.save.savedAt - B.save.start };
  };

  // A click on <a download> (how a page saves a file) is the moment the page
  // hands the file to the browser. Only noted, never changed or stopped.
  B.downloadAt = null;
  const click = HTMLElement.prototype.click;
  HTMLElement.prototype.click = function () {
    if (this instanceof HTMLAnchorElement && this.hasAttribute('download')) B.downloadAt = performance.now();
    return click.apply(this, arguments);
  };

  /**
   * The next click to the page showing `selector` (an element holding
   * `text`, if given): arm, then the runner clicks. With no selector, only
   * the click's time is kept (the runner waits for what follows itself).
   */
  B.armClick = (selector = null, text = null, timeoutMs = 600000) => {
    const c = (B.click = { start: null, result: null, error: null });
    B.downloadAt = null;
    const onClick = () => {
      removeEventListener('click', onClick, true);
      c.start = performance.now();
    };
    addEventListener('click', onClick, true);
    const shown = () => Array.from(document.querySelectorAll(selector)).some((e) => text === null || e.textContent.includes(text));
    c.promise = selector
      ? B.when(() => c.start !== null && shown(), timeoutMs).then(
          (r) => (c.result = r),
          (e) => (c.error = String(e)),
        )
      : Promise.resolve();
  };
  /** {ms, domMs} from the click; `startEpoch` (ms since 1970) and `downloadMs` too, for timing a download outside the page. */
  B.clickDone = async () => {
    await B.click.promise;
    if (B.click.error) throw new Error(B.click.error);
    if (B.click.start === null) throw new Error('probe: no click was seen');
    const r = B.click.result;
    return {
      ms: r ? r.paintedAt - B.click.start : null,
      domMs: r ? r.domAt - B.click.start : null,
      startEpoch: performance.timeOrigin + B.click.start,
      downloadMs: B.downloadAt === null ? null : B.downloadAt - B.click.start,
    };
  };
}
