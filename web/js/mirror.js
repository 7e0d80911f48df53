// The screen-reader mirror (无障碍镜像) of the canvas: one DOM element per visible widget, with
// its ARIA role, name, value and state, laid transparent over the widget's rectangle, so that
// screen readers, keyboards and hit-testing find what the canvas shows. The app sends the
// element list (web/mirror.cpp) only when it changed; what people do to the elements goes back
// through yishi_on_mirror. Pointer events on the elements are the canvas's (shell.js handles
// them): a mouse or finger works ImGui exactly as before. Loaded before shell.js.
'use strict';
(function () {
  const PRESS = 0, SUBMIT = 1, TEXT = 2, FOCUS = 3, ESCAPE = 4;  // yishi_on_mirror's kinds
  const enabled = new URLSearchParams(location.search).get('mirror') !== '0';

  let root = null, page = null, dialog = null, polite = null, assertive = null;
  let canvasHandlers = null;   // shell.js's pointer handlers
  const elements = new Map();  // unique key → element
  let route = '';
  let reported = '';           // the focus last told to the app
  let pointerAt = -1e9;        // when a pointer last went down: the click that follows is ImGui's
  let step = null;             // Tab went past the last element: { key, dir } until the list scrolls
  let focusLost = false;       // the mirror had the focus and lost it with its element

  const send = (kind, key, text) => Module.ccall('yishi_on_mirror', null,
    ['number', 'string', 'string'], [kind, key || '', text || '']);

  const inMirror = (el) => !!(root && el && el !== root && root.contains(el));
  const isField = (el) => el.tagName === 'INPUT' || el.tagName === 'TEXTAREA';
  const tabbable = (el) => el.tagName === 'BUTTON' || isField(el);
  // The elements Tab goes through: the dialog's alone while it is open.
  const tabbables = () => [...(dialog.hidden ? page : dialog).children].filter(tabbable);

  function kindOf(n) {
    return n.r + (n.ml ? ':multi' : '') + (n.p ? ':password' : '');
  }

  function create(n) {
    let el;
    if (n.r === 'button' || n.r === 'radio' || n.r === 'checkbox') {
      el = document.createElement('button');
      el.type = 'button';
      if (n.r !== 'button') el.setAttribute('role', n.r);
    } else if (n.r === 'textbox') {
      if (n.ml) el = document.createElement('textarea');
      else {
        el = document.createElement('input');
        el.type = n.p ? 'password' : 'text';
      }
      el.autocomplete = 'off';
      el.spellcheck = false;
    } else if (n.r === 'heading') {
      el = document.createElement('h2');
      el.tabIndex = -1;  // focused when a new screen opens, so that the reader starts there
    } else {
      el = document.createElement('div');
      if (n.r !== 'text') el.setAttribute('role', n.r);
    }
    el.className = 'm';
    el.dataset.kind = kindOf(n);
    return el;
  }

  function setAttr(el, name, value) {
    if (value === undefined || value === null) {
      if (el.hasAttribute(name)) el.removeAttribute(name);
    } else if (el.getAttribute(name) !== String(value)) {
      el.setAttribute(name, String(value));
    }
  }

  function apply(el, n) {
    el.dataset.k = n.k;
    if (n.r === 'textbox') {
      setAttr(el, 'aria-label', n.n);
      // What the person is typing there is the truth; the app's copy follows it.
      if (document.activeElement !== el && !n.p && el.value !== (n.v || '')) el.value = n.v || '';
    } else {
      const text = n.v !== undefined && n.v !== '' ? n.n + ' ' + n.v : n.n;
      if (el.textContent !== text) el.textContent = text;
    }
    if (n.r === 'progressbar') {  // 已投票 k / r 人: named and told by its text
      setAttr(el, 'aria-label', n.n);
      setAttr(el, 'aria-valuetext', n.n);
    }
    setAttr(el, 'aria-disabled', n.d ? 'true' : null);
    setAttr(el, 'aria-checked', n.c === undefined ? null : String(n.c));
    setAttr(el, 'aria-expanded', n.e === undefined ? null : String(n.e));
    el.dataset.editing = n.f ? '1' : '';
    const s = el.style;
    const px = (v) => v + 'px';
    if (s.left !== px(n.x)) s.left = px(n.x);
    if (s.top !== px(n.y)) s.top = px(n.y);
    if (s.width !== px(n.w)) s.width = px(n.w);
    if (s.height !== px(n.h)) s.height = px(n.h);
  }

  // Puts `list` in `container` in order, moving only what is out of place.
  function place(container, list) {
    let cur = container.firstChild;
    for (const el of list) {
      if (el === cur) cur = cur.nextSibling;
      else container.insertBefore(el, cur);
    }
  }

  function focus(el) {
    if (el && document.activeElement !== el) el.focus({ preventScroll: true });
  }

  function report(key) {
    if (key === reported) return;
    reported = key;
    send(FOCUS, key);
  }

  function update(json) {
    const p = JSON.parse(json);
    const active = document.activeElement;
    const hadFocus = inMirror(active);
    const before = hadFocus ? tabbables() : [];
    const routeChanged = p.route !== route;
    route = p.route;

    const seen = new Set();
    const pageList = [], dialogList = [];
    let group = 0, lastRadio = false;
    for (const n of p.nodes) {
      let key = n.k;
      while (seen.has(key)) key += '#';  // texts without an id may repeat
      seen.add(key);
      let el = elements.get(key);
      if (!el || el.dataset.kind !== kindOf(n)) {
        if (el) el.remove();
        el = create(n);
        elements.set(key, el);
      }
      apply(el, n);
      // Choices next to each other are one group: arrows move within it.
      const radio = n.r === 'radio';
      if (radio && !lastRadio) ++group;
      lastRadio = radio;
      el.dataset.group = radio ? String(group) : '';
      (n.m ? dialogList : pageList).push(el);
    }
    for (const [key, el] of elements) {
      if (seen.has(key)) continue;
      el.remove();
      elements.delete(key);
    }
    place(page, pageList);
    place(dialog, dialogList);
    const modal = dialogList.length > 0;
    dialog.hidden = !modal;
    page.inert = modal;
    const title = dialogList.find((el) => el.tagName === 'H2');
    setAttr(dialog, 'aria-label', title ? title.textContent : null);

    // The focus was lost with an element that had no successor yet (a modal's first frame
    // draws nothing): it goes to the first that comes.
    const lost = focusLost && (!active || active === document.body);
    focusLost = false;
    if (!hadFocus && !lost) return;
    const target = successor(active, before, modal, routeChanged);
    if (target) focus(target);
    else focusLost = true;
  }

  // Where the focus goes after the elements changed.
  function successor(active, before, modal, routeChanged) {
    const now = tabbables();
    if (step) {
      // Tab went past the end and the screen scrolled: on to the element after the last one.
      const i = now.findIndex((el) => el.dataset.k === step.key);
      const next = step.dir < 0 ? now[now.length - 1] : i >= 0 ? now[i + 1] : now[0];
      step = null;
      if (next) return next;
    }
    if (inMirror(active) && active.isConnected && (!modal || dialog.contains(active))) return active;
    if (modal) return now[0];
    if (routeChanged || !inMirror(active)) return page.querySelector('h2') || now[0];
    // The focused widget went (已附议 after 附议): the one now in its place.
    const i = Math.max(0, before.indexOf(active));
    return now[Math.min(i, now.length - 1)];
  }

  function announce(text, isAssertive) {
    if (!root) return;
    const region = isAssertive ? assertive : polite;
    // Emptied first, so that the same sentence twice is heard twice.
    region.textContent = '';
    setTimeout(() => { region.textContent = text; }, 50);
  }

  // Tab on the last element (Shift+Tab on the first): the screen scrolls a page and the focus
  // goes on to what came into view (after the last one; the lowest, going up). A second Tab
  // there (nothing more to scroll) leaves the page.
  function tabPast(e, el) {
    const list = tabbables();
    const dir = e.shiftKey ? -1 : 1;
    const edge = dir > 0 ? list[list.length - 1] : list[0];
    if (el !== edge || !dialog.hidden) return;
    if (step && step.key === el.dataset.k) { step = null; return; }
    e.preventDefault();
    step = { key: el.dataset.k, dir };
    // The screen scrolls under the middle of the window (the bar above it does not).
    canvasHandlers.wheelAt(innerWidth / 2, innerHeight * 0.6, -dir * Math.max(1, (innerHeight * 0.6) / 100));
  }

  // Arrows within a group of choices move the focus along it, round at the ends.
  function arrow(e, el) {
    if (!el.dataset.group) return;
    const group = [...page.children, ...dialog.children].filter((c) => c.dataset.group === el.dataset.group);
    const dir = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : -1;
    const i = group.indexOf(el);
    e.preventDefault();
    focus(group[(i + dir + group.length) % group.length]);
  }

  // Called first by shell.js's keydown: true when the key is the mirror's (or the browser's
  // own, e.g. Tab moving the focus), false when it goes to ImGui as before.
  function ownsKey(e, ime) {
    if (!root) return false;
    const el = document.activeElement;
    if (!inMirror(el)) {
      if (el === ime) return false;  // ImGui edits a field: its keys
      if (e.key === 'Tab') return true;  // into the mirror, at its first element
      if (e.key === 'Escape') { send(ESCAPE); return true; }
      return false;
    }
    switch (e.key) {
      case 'Escape': e.preventDefault(); send(ESCAPE); break;
      case 'Tab': tabPast(e, el); break;
      case 'Enter':
        if (el.tagName === 'INPUT') { e.preventDefault(); send(SUBMIT, el.dataset.k); }
        break;
      case 'ArrowUp': case 'ArrowDown': case 'ArrowLeft': case 'ArrowRight':
        if (!isField(el)) arrow(e, el);
        break;
      default: break;
    }
    return true;
  }

  function onClick(e) {
    const el = e.target.closest('.m');
    // A mouse's or finger's click: ImGui saw the pointer itself. Keys and screen readers
    // click with no pointer (detail 0).
    if (e.detail > 0 && performance.now() - pointerAt < 2000) return;
    if (!el || el.getAttribute('aria-disabled') === 'true') return;
    if (isField(el)) focus(el);
    else if (el.tagName === 'BUTTON') send(PRESS, el.dataset.k);
  }

  function onText(e) {
    if (e.isComposing) return;  // the IME's commit comes with compositionend
    if (isField(e.target)) send(TEXT, e.target.dataset.k, e.target.value);
  }

  function install(handlers) {
    if (!enabled) return;
    canvasHandlers = handlers;
    root = document.createElement('div');
    root.id = 'mirror';
    page = document.createElement('div');
    dialog = document.createElement('div');
    dialog.setAttribute('role', 'dialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.hidden = true;
    polite = document.createElement('div');
    polite.className = 'live';
    polite.setAttribute('aria-live', 'polite');
    polite.setAttribute('role', 'status');
    assertive = document.createElement('div');
    assertive.className = 'live';
    assertive.setAttribute('aria-live', 'assertive');
    assertive.setAttribute('role', 'alert');
    root.append(page, dialog);
    document.body.append(root, polite, assertive);

    root.addEventListener('pointerdown', handlers.down);
    root.addEventListener('pointermove', handlers.move);
    root.addEventListener('pointerup', handlers.up);
    root.addEventListener('pointercancel', handlers.cancel);
    root.addEventListener('pointerleave', handlers.leave);
    root.addEventListener('wheel', handlers.wheel, { passive: false });
    // A mouse or finger leaves the DOM focus where it is: ImGui decides what it pressed.
    root.addEventListener('mousedown', (e) => e.preventDefault());
    root.addEventListener('contextmenu', (e) => e.preventDefault());
    root.addEventListener('click', onClick);
    root.addEventListener('input', onText);
    root.addEventListener('compositionend', onText);
    document.addEventListener('focusin', (e) => report(inMirror(e.target) ? e.target.dataset.k : ''));
    document.addEventListener('focusout', (e) => { if (!e.relatedTarget) report(''); });
  }

  window.YishiMirror = {
    enabled: () => enabled,
    contains: (el) => inMirror(el),
    install,
    update,
    announce,
    ownsKey,
    // A pointer pressed anywhere: the keyboard's focus ring gives way to the mouse.
    pointerDown() {
      pointerAt = performance.now();
      if (inMirror(document.activeElement)) document.activeElement.blur();
    },
    // ImGui wants the keys for a field while the mirror has the focus: the mirror's element
    // for that field takes them (true; ImGui then stops editing), or the mirror keeps them
    // (ImGui's request lags a frame behind the mirror's focus). False: the textarea takes them.
    takeTextInput() {
      if (!inMirror(document.activeElement)) return false;
      focus([...elements.values()].find((el) => el.dataset.editing === '1'));
      return true;
    },
    setCursor(css) { if (root) root.style.cursor = css; },
  };
})();
