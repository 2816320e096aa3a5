// NewsLens web page — places ranges given in Unicode scalar (code point) offsets into text as nested DOM
// elements. The API counts code points (as Python does); JavaScript strings are UTF-16, so every offset is
// mapped through the code points first and nothing outside the BMP (emoji, 𝔸) shifts the highlights.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  /** Code point view of a string: its length in code points and UTF-16 offsets for every code point index. */
  class CodePointText {
    constructor(text) {
      this.text = typeof text === "string" ? text : "";
      this.utf16 = [0];
      let offset = 0;
      for (const ch of this.text) { // for…of walks code points, not UTF-16 units
        offset += ch.length;
        this.utf16.push(offset);
      }
      this.length = this.utf16.length - 1;
    }
    /** The substring between two code point offsets. */
    slice(start, end) {
      return this.text.slice(this.utf16[start], this.utf16[end]);
    }
  }

  /** Speaker colours: one class per speaker, in order of first appearance, cycling past the palette. */
  const PALETTE_SIZE = 10;
  class SpeakerColours {
    constructor() { this.map = new Map(); }
    keyFor(speaker) {
      if (!speaker) return null;
      return speaker.participant || (speaker.name ? "name:" + speaker.name : null);
    }
    classFor(speaker) {
      const key = this.keyFor(speaker);
      if (key === null) return "spk-none";
      if (!this.map.has(key)) this.map.set(key, this.map.size % PALETTE_SIZE);
      return "spk-" + this.map.get(key);
    }
  }

  function validRange(range, length) {
    return Number.isInteger(range.start) && Number.isInteger(range.end) &&
      range.start >= 0 && range.end <= length && range.start < range.end;
  }

  /**
   * Renders `text` into `parent` with `ranges` ({start, end, make(isContinuation) → Element}) as nested
   * elements. Ranges that contain others become their parents; ranges that cross are split at the crossing.
   * Returns the ranges that could not be placed (offsets outside the text).
   */
  function renderRanges(parent, text, ranges) {
    const cp = new CodePointText(text);
    const placed = [];
    const rejected = [];
    for (const r of ranges) {
      (validRange(r, cp.length) ? placed : rejected).push({ ...r, continuation: false });
    }
    build(parent, cp, 0, cp.length, sortRanges(placed));
    return rejected;
  }

  function sortRanges(ranges) {
    // Earlier start first; on the same start the longer (outer) one first; then by the caller's priority.
    return ranges.sort((a, b) => a.start - b.start || b.end - a.end || (a.priority || 0) - (b.priority || 0));
  }

  function build(parent, cp, from, to, items) {
    let pos = from;
    while (items.length > 0) {
      const it = items.shift();
      if (it.start > pos) parent.appendChild(document.createTextNode(cp.slice(pos, it.start)));
      const children = [];
      const rest = [];
      for (const x of items) {
        if (x.start >= it.end) { rest.push(x); continue; }
        if (x.end <= it.end) { children.push(x); continue; }
        // Crosses the end of `it`: the part inside nests, the part after goes on as a continuation.
        children.push({ ...x, end: it.end });
        rest.push({ ...x, start: it.end, continuation: true });
      }
      const element = it.make(it.continuation);
      build(element, cp, it.start, it.end, sortRanges(children));
      parent.appendChild(element);
      pos = it.end;
      items = sortRanges(rest);
    }
    if (pos < to) parent.appendChild(document.createTextNode(cp.slice(pos, to)));
  }

  /** Element helper: tag, class names, attributes, then children (strings become text nodes, never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "class") node.className = value;
      else if (name === "text") node.textContent = value;
      else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** replaceChildren that skips null/undefined/false (the DOM would insert them as the text "null"). */
  function fill(parent, ...children) {
    parent.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
    return parent;
  }

  NL.text = { CodePointText, SpeakerColours, renderRanges, el, fill };
})(window.NL);
