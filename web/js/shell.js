// The page around the canvas: DOM events → the app's exported C functions (yishi_on_*),
// HiDPI canvas sizing, the hidden textarea that carries IME, typed and pasted text,
// history, storage, clipboard, and the test hook window.yishi. Loaded before app.js.
'use strict';
(function () {
  const canvas = document.getElementById('canvas');
  const ime = document.getElementById('ime');
  const overlay = document.getElementById('loading');
  const isMac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || '');

  let started = false;
  let composing = false;
  let textActive = false;     // ImGui is editing a field: the textarea should have focus
  let menuOpen = false;       // the textarea sits under the pointer for the native paste menu
  let caret = { x: 0, y: 0, h: 20 };
  let lastHash = location.hash;
  let touch = null;           // the finger being tracked: a tap, or a drag that scrolls
  let dprQuery = null;

  window.yishi = {
    ready: false,
    // The screen as the browser tests see it; see web/README.md for the contract.
    snapshot() {
      if (!started) return null;
      return JSON.parse(Module.ccall('yishi_snapshot', 'string', [], []));
    },
    // Whether the font atlas draws this code point with a real glyph (not a fallback box).
    hasGlyph(codepoint) {
      return started && Module._yishi_has_glyph(codepoint) !== 0;
    },
  };

  // The name a file of the build is served under: with its content's hash (assets.HASH.js,
  // written at build time, maps them), so browsers keep it for a year.
  const assetUrl = (path) => (window.yishiAssets && window.yishiAssets[path]) || path;

  window.Module = {
    canvas: canvas,
    locateFile: (path, prefix) => prefix + assetUrl(path),
    print: (t) => console.log(t),
    printErr: (t) => console.error(t),
    onAbort: (what) => {
      overlay.textContent = '出错了，请刷新页面 (' + what + ')';
      overlay.hidden = false;
    },
  };

  const sendText = (name, text) => Module.ccall(name, null, ['string'], [text]);

  // --- canvas size: backing store in device pixels, everything else in CSS pixels ---
  function resize() {
    const dpr = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    const w = Math.max(1, rect.width), h = Math.max(1, rect.height);
    const fbw = Math.max(1, Math.round(w * dpr)), fbh = Math.max(1, Math.round(h * dpr));
    if (canvas.width !== fbw) canvas.width = fbw;
    if (canvas.height !== fbh) canvas.height = fbh;
    Module._yishi_on_resize(w, h, dpr, fbw, fbh);
    // A zoom or a move to another screen changes the ratio without always resizing.
    if (dprQuery) dprQuery.removeEventListener('change', resize);
    dprQuery = matchMedia('(resolution: ' + dpr + 'dppx)');
    dprQuery.addEventListener('change', resize);
  }

  // --- pointer: mouse, pen and touch all arrive as pointer events ---
  const BUTTON = [0, 2, 1];  // DOM left, middle, right → ImGui left, middle(2), right(1)
  function pos(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }
  const overTextField = (x, y) => Module._yishi_over_text_field(x, y) !== 0;
  const moveAway = () => Module._yishi_on_mouse_move(-1e5, -1e5);

  function onPointerDown(e) {
    closePasteMenu();
    YishiMirror.pointerDown();
    const [x, y] = pos(e);
    Module._yishi_on_mouse_move(x, y);
    Module._yishi_on_mouse_button(BUTTON[e.button] ?? 0, 1);
    if (e.pointerType === 'touch') touch = { id: e.pointerId, x0: x, y0: y, x, y, scrolling: false };
    const over = overTextField(x, y);
    // Focus inside the user's gesture: phones only open their keyboard then.
    if (over) focusIme();
    if (e.button === 2 && (over || textActive)) openPasteMenu(e);
    else if (e.button === 0) canvas.setPointerCapture(e.pointerId);
  }

  function onPointerMove(e) {
    const [x, y] = pos(e);
    if (touch && e.pointerId === touch.id) {
      if (!touch.scrolling && Math.hypot(x - touch.x0, y - touch.y0) > 10) {
        // A drag, not a tap: let go away from everything (no click), then scroll.
        touch.scrolling = true;
        moveAway();
        Module._yishi_on_mouse_button(0, 0);
        Module._yishi_on_mouse_move(x, y);
      }
      if (touch.scrolling) {
        // ImGui scrolls 5 lines (100 px at 20 px text) per wheel step.
        Module._yishi_on_wheel((x - touch.x) / 100, (y - touch.y) / 100);
        touch.x = x;
        touch.y = y;
        return;
      }
    }
    Module._yishi_on_mouse_move(x, y);
  }

  function onPointerUp(e) {
    const [x, y] = pos(e);
    if (touch && e.pointerId === touch.id) {
      const scrolled = touch.scrolling;
      touch = null;
      if (scrolled) return;
      Module._yishi_on_mouse_move(x, y);
      Module._yishi_on_mouse_button(0, 0);
      moveAway();  // fingers do not hover
      return;
    }
    Module._yishi_on_mouse_move(x, y);
    Module._yishi_on_mouse_button(BUTTON[e.button] ?? 0, 0);
  }

  function onPointerCancel(e) {
    if (touch && e.pointerId === touch.id) touch = null;
    moveAway();
    Module._yishi_on_mouse_button(0, 0);
  }

  // A mouse that leaves the page stops hovering; one that moves onto the mirror's element over
  // a widget still hovers it (the mirror passes its pointer events on).
  function onPointerLeave(e) {
    if (e.pointerType !== 'mouse') return;
    const to = e.relatedTarget;
    if (to === canvas || YishiMirror.contains(to)) return;
    moveAway();
  }

  function onWheel(e) {
    e.preventDefault();
    const k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    Module._yishi_on_wheel(-e.deltaX * k, -e.deltaY * k);
  }

  // --- keys: editing and navigation keys go to ImGui; text comes through the textarea ---
  const NAMED = {
    Backspace: 8, Tab: 9, Enter: 13, Shift: 16, Control: 17, Alt: 18, Escape: 27,
    PageUp: 33, PageDown: 34, End: 35, Home: 36, ArrowLeft: 37, ArrowUp: 38,
    ArrowRight: 39, ArrowDown: 40, Insert: 45, Delete: 46, Meta: 91,
  };
  const SHORTCUTS = { a: 65, c: 67, x: 88, y: 89, z: 90 };  // Ctrl+V arrives as a paste event
  const MODIFIERS = new Set([16, 17, 18, 91]);
  const mods = (e) => ((e.ctrlKey || (isMac && e.metaKey)) ? 1 : 0) | (e.shiftKey ? 2 : 0) |
                      (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);

  function keyCode(e) {
    let code = NAMED[e.key];
    if (code === undefined && (e.ctrlKey || (isMac && e.metaKey)) && e.key.length === 1)
      code = SHORTCUTS[e.key.toLowerCase()];
    return code;
  }

  function onKeyDown(e) {
    if (e.isComposing || e.keyCode === 229 || composing) return;  // the IME owns this key
    if (YishiMirror.ownsKey(e, ime)) {
      // The screen-reader mirror's key, or the browser's own (Tab, editing in its fields):
      // Emscripten's GLFW listener would cancel Tab and Backspace.
      e.stopImmediatePropagation();
      return;
    }
    const code = keyCode(e);
    if (code === undefined) return;
    Module._yishi_on_key(code, 1, mods(e));
    if (!MODIFIERS.has(code)) e.preventDefault();  // no textarea edit, no focus move, no scroll
  }

  function onKeyUp(e) {
    const code = keyCode(e) ?? NAMED[e.key];
    if (code !== undefined) Module._yishi_on_key(code, 0, mods(e));
  }

  // --- the textarea bridge ---
  function flushText() {
    const text = ime.value;
    if (!text) return;
    ime.value = '';
    sendText('yishi_on_text', text);
  }

  function tapKey(code) {
    Module._yishi_on_key(code, 1, 0);
    Module._yishi_on_key(code, 0, 0);
  }

  function installIme() {
    ime.addEventListener('compositionstart', () => { composing = true; });
    ime.addEventListener('compositionupdate', (e) => {
      if (e.data) sendText('yishi_on_composing', e.data);  // glyphs ready before the commit
    });
    ime.addEventListener('compositionend', () => { composing = false; flushText(); });
    ime.addEventListener('input', (e) => {
      if (composing || e.isComposing) return;
      flushText();
    });
    // Soft keyboards send editing as input types with keyCode 229 keydowns.
    ime.addEventListener('beforeinput', (e) => {
      if (composing || e.isComposing || ime.value) return;
      const code = { deleteContentBackward: 8, deleteContentForward: 46,
                     insertLineBreak: 13, insertParagraph: 13 }[e.inputType];
      if (code === undefined) return;
      e.preventDefault();
      tapKey(code);
    });
    ime.addEventListener('paste', (e) => {
      e.preventDefault();
      const data = e.clipboardData || window.clipboardData;
      const text = data ? data.getData('text') : '';
      if (text) sendText('yishi_on_paste', text.replace(/\r\n?/g, '\n'));
      closePasteMenu();
    });
    ime.addEventListener('pointerdown', onPointerDown);
    ime.addEventListener('pointermove', onPointerMove);
    ime.addEventListener('pointerup', onPointerUp);
  }

  function focusIme() {
    if (document.activeElement !== ime) ime.focus({ preventScroll: true });
  }

  function placeIme() {
    ime.style.left = caret.x + 'px';
    ime.style.top = caret.y + 'px';
    ime.style.height = caret.h + 'px';
    ime.style.lineHeight = caret.h + 'px';
  }

  // Right-click on a text field: put the textarea under the pointer, so that the browser's
  // own context menu is an editable one and offers Paste.
  function openPasteMenu(e) {
    menuOpen = true;
    ime.classList.add('menu');
    ime.style.left = (e.clientX - 30) + 'px';
    ime.style.top = (e.clientY - 15) + 'px';
    focusIme();
  }

  function closePasteMenu() {
    if (!menuOpen) return;
    menuOpen = false;
    ime.classList.remove('menu');
    placeIme();
  }

  function onAddressChange() {
    const hash = location.hash;
    if (hash === lastHash) return;  // popstate and hashchange both fire for one step
    lastHash = hash;
    sendText('yishi_on_hash', hash);
  }

  function copyWithSelection(text) {
    const had = document.activeElement === ime;
    ime.value = text;
    ime.select();
    try { document.execCommand('copy'); } catch (err) { /* nothing else to try */ }
    ime.value = '';
    if (!had) ime.blur();
  }

  // --- called from js/library_yishi.js ---
  window.YishiPage = {
    start() {
      started = true;
      window.addEventListener('resize', resize);
      canvas.addEventListener('pointerdown', onPointerDown);
      canvas.addEventListener('pointermove', onPointerMove);
      canvas.addEventListener('pointerup', onPointerUp);
      canvas.addEventListener('pointercancel', onPointerCancel);
      canvas.addEventListener('pointerleave', onPointerLeave);
      canvas.addEventListener('wheel', onWheel, { passive: false });
      // Clicking the canvas must not take focus from the textarea while a field is edited.
      canvas.addEventListener('mousedown', (e) => e.preventDefault());
      canvas.addEventListener('contextmenu', (e) => e.preventDefault());
      window.addEventListener('keydown', onKeyDown, true);
      window.addEventListener('keyup', onKeyUp, true);
      window.addEventListener('blur', () => Module._yishi_on_focus_lost());
      window.addEventListener('popstate', onAddressChange);
      window.addEventListener('hashchange', onAddressChange);
      installIme();
      YishiMirror.install({
        down: onPointerDown, move: onPointerMove, up: onPointerUp, cancel: onPointerCancel,
        leave: onPointerLeave,
        wheel: onWheel,
        // The mirror scrolls the screen under (x, y) by `steps` wheel steps.
        wheelAt(x, y, steps) {
          Module._yishi_on_mouse_move(x, y);
          Module._yishi_on_wheel(0, steps);
          setTimeout(moveAway, 200);
        },
      });
      resize();
    },
    locationHash: () => location.hash,
    assetUrl,
    // mode 0: replace, 1: push, 2: back (a modal closed by its own button: the entry that
    // opened it goes, so Back does not reopen it).
    setHash(hash, mode) {
      lastHash = hash;
      if (mode === 2) { history.back(); return; }
      if (location.hash === hash) return;
      if (mode === 1) history.pushState(null, '', hash);
      else history.replaceState(null, '', hash);
    },
    loadSetting(key) {
      try { return localStorage.getItem(key) || ''; } catch (err) { return ''; }
    },
    storeSetting(key, value) {
      try {
        if (value) localStorage.setItem(key, value);
        else localStorage.removeItem(key);
      } catch (err) { /* private mode: the session lasts until reload */ }
    },
    language() {
      const asked = new URLSearchParams(location.search).get('lang') || this.loadSetting('yishi.lang');
      return asked === 'en' ? 'en' : 'zh-CN';
    },
    textInput(active) {
      textActive = active;
      if (active) { if (!YishiMirror.takeTextInput()) focusIme(); }
      else if (document.activeElement === ime && !menuOpen) ime.blur();
    },
    placeCaret(x, y, h) {
      caret = { x, y, h };
      if (!menuOpen) placeIme();
    },
    writeClipboard(text) {
      if (navigator.clipboard && window.isSecureContext)
        navigator.clipboard.writeText(text).catch(() => copyWithSelection(text));
      else copyWithSelection(text);
    },
    setCursor(css) {
      canvas.style.cursor = css;
      YishiMirror.setCursor(css);
    },
    download(filename, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    // A file the user picks (a roster CSV): its bytes go to the app as they are, so that the
    // server, not the browser, decides the encoding (GB18030 or UTF-8).
    pickFile(accept) {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = accept;
      input.style.display = 'none';
      input.addEventListener('change', () => {
        const file = input.files && input.files[0];
        input.remove();
        if (!file) return;
        file.arrayBuffer().then((buffer) => {
          const bytes = new Uint8Array(buffer);
          const ptr = Module._malloc(Math.max(1, bytes.length));
          Module.HEAPU8.set(bytes, ptr);
          Module.ccall('yishi_on_file', null, ['string', 'number', 'number'],
                       [file.name, ptr, bytes.length]);
        });
      });
      document.body.appendChild(input);
      input.click();
    },
    // 朗读: one utterance at a time; its end (or its cut-off by another or by 停止朗读) is
    // reported with its serial, so that an older one's end leaves a newer one speaking.
    speak(serial, text, lang) {
      const synth = window.speechSynthesis;
      if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
        Module._yishi_on_speech_end(serial, 1);
        return;
      }
      if (synth.speaking || synth.pending) synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.lang = lang;
      const voice = synth.getVoices().find((v) => v.lang.replace('_', '-') === lang);
      if (voice) u.voice = voice;
      let done = false;
      const end = (failed) => {
        if (!done) { done = true; Module._yishi_on_speech_end(serial, failed ? 1 : 0); }
      };
      u.addEventListener('end', () => end(false));
      // Cut off by 停止朗读 or by the next utterance is no failure; no voice or no permission is.
      u.addEventListener('error', (e) => end(e.error !== 'interrupted' && e.error !== 'canceled'));
      synth.speak(u);
    },
    stopSpeaking() {
      if (window.speechSynthesis) window.speechSynthesis.cancel();
    },
    ready() {
      window.yishi.ready = true;
      overlay.hidden = true;
    },
  };
})();
