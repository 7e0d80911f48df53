// The age-friendly numbers measured on window.yishi.snapshot(): text size, tap targets, the
// space between them, contrast and clipping, from each widget's rectangle, `font`, `fg`, `bg`
// and `clipped` (web/README.md). measure() returns the offending widgets by id.

// 长辈版 (elder mode): 工业和信息化部《移动互联网应用（APP）适老化通用设计规范》 asks for
// text of at least 18 dp (24 CSS px here), targets of 60x60 with 8 px between them, contrast
// 4.5:1 (3:1 for text of 18 pt and more).
export const ELDER = { font: 24, target: 60, spacing: 8, contrast: 4.5, largeText: 24, largeContrast: 3 };
// The normal mode: WCAG's 44x44 targets and 4.5:1 contrast; body text 20 px, nothing under 16.
export const NORMAL = { font: 16, target: 44, spacing: 0, contrast: 4.5, largeText: 24, largeContrast: 3 };

const TARGETS = new Set(['button', 'input', 'multiline', 'checkbox']);

// WCAG 2's relative luminance of "#rrggbb".
function luminance(hex) {
  const channel = (i) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

// The contrast ratio of two "#rrggbb" colours, 1 … 21.
export function contrast(fg, bg) {
  const a = luminance(fg), b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

// The largest width and height each widget showed over several snapshots of one screen
// scrolled step by step: a widget cut by the scrolled view's edge shows its whole size in
// another snapshot.
export function wholeSizes(snapshots) {
  const sizes = new Map();
  for (const s of snapshots) {
    for (const w of s.widgets) {
      const had = sizes.get(w.id) || { w: 0, h: 0 };
      sizes.set(w.id, { w: Math.max(had.w, w.w), h: Math.max(had.h, w.h) });
    }
  }
  return sizes;
}

// The gap between two rectangles: negative when they overlap, the larger of the horizontal
// and the vertical distance otherwise.
function gap(a, b) {
  const dx = Math.max(a.x - (b.x + b.w), b.x - (a.x + a.w));
  const dy = Math.max(a.y - (b.y + b.h), b.y - (a.y + a.h));
  return Math.max(dx, dy);
}

// The offences of one snapshot against `numbers` (ELDER or NORMAL): [{ id, problem }].
// `sizes` (from wholeSizes) gives each widget's whole size; without it the snapshot's own
// rectangles count, and a widget cut by the view's edge may be reported as too small.
export function measure(snapshot, numbers, sizes) {
  const out = [];
  const shown = snapshot.widgets.filter((w) => w.w > 0 && w.h > 0);
  const whole = (w) => (sizes && sizes.get(w.id)) || w;
  // Wholly in view now: its rectangle here is its own, not the part the view leaves.
  const entire = (w) => { const s = whole(w); return w.w >= s.w - 0.5 && w.h >= s.h - 0.5; };
  for (const w of shown) {
    const text = w.role === 'button' ? w.label : w.value;
    if (text && w.font < numbers.font) out.push({ id: w.id, problem: `text ${w.font} px < ${numbers.font}` });
    if (TARGETS.has(w.role)) {
      const s = whole(w);
      if (s.w < numbers.target - 0.5 || s.h < numbers.target - 0.5) {
        out.push({ id: w.id, problem: `target ${s.w}x${s.h} < ${numbers.target}x${numbers.target}` });
      }
    }
    // Greyed-out controls are exempt, as in WCAG 1.4.3.
    if (text && !w.disabled && w.fg && w.bg) {
      const need = w.font >= numbers.largeText ? numbers.largeContrast : numbers.contrast;
      const ratio = contrast(w.fg, w.bg);
      if (ratio < need) out.push({ id: w.id, problem: `contrast ${ratio.toFixed(2)} < ${need} (${w.fg} on ${w.bg})` });
    }
    if (w.clipped) out.push({ id: w.id, problem: 'clipped' });
  }
  if (numbers.spacing > 0) {
    const targets = shown.filter((w) => TARGETS.has(w.role) && entire(w));
    for (let i = 0; i < targets.length; ++i) {
      for (let j = i + 1; j < targets.length; ++j) {
        const g = gap(targets[i], targets[j]);
        if (g < numbers.spacing) {
          out.push({ id: targets[i].id, problem: `${g.toFixed(1)} px from ${targets[j].id}` });
        }
      }
    }
  }
  return out;
}
