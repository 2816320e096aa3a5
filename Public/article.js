// NewsLens web page — the analysed article: metadata, body with every quote highlighted and coloured by
// speaker, captions, the quote list, and the quote details shown on hover, focus, click or Enter.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  const { el, fill, renderRanges } = NL.text;
  const KIND_LABEL = { direct: "Direct quote", partial: "Partial quote", indirect: "Indirect (reported) speech" };

  let current = null; // { analysis, colours, container, showIndirect }

  function speakerName(q) {
    return (q.speaker && (q.speaker.name || (q.speaker.mention && q.speaker.mention.text))) || "Unknown speaker";
  }

  function describe(q) {
    const parts = [`${KIND_LABEL[q.kind] || q.kind || "Quote"} by ${speakerName(q)}`];
    const mention = q.speaker && q.speaker.mention && q.speaker.mention.text;
    if (mention && q.speaker.name && mention !== q.speaker.name) parts.push(`named in the text as “${mention}”`);
    if (q.cue) parts.push(`cue “${q.cue}”`);
    return parts.join(", ");
  }

  function pieces(q) {
    const list = Array.isArray(q.spans) && q.spans.length > 0 ? q.spans : (q.span ? [q.span] : []);
    const seen = new Set();
    return list.filter((s) => {
      const key = `${s.caption ?? "p" + s.paragraph}:${s.start}:${s.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  function locationKey(span) {
    return span.caption !== undefined && span.caption !== null ? "c" + span.caption : "p" + (span.paragraph ?? 0);
  }

  /** Ranges to highlight, grouped by where they are ("p3", "c0"). */
  function collectRanges(analysis, colours, showIndirect, descIds) {
    const byLocation = new Map();
    const add = (key, range) => {
      if (!byLocation.has(key)) byLocation.set(key, []);
      byLocation.get(key).push(range);
    };
    const mentionsSeen = new Set();
    analysis.quotes.forEach((q, index) => {
      const colour = colours.classFor(q.speaker);
      if (q.kind === "indirect" && !showIndirect) return;
      pieces(q).forEach((span, pieceIndex) => {
        add(locationKey(span), {
          start: span.start, end: span.end, priority: 0, quote: q,
          make: (continuation) => el("mark", {
            class: `q q-${q.kind || "direct"} ${colour}`,
            tabindex: pieceIndex === 0 && !continuation ? "0" : "-1",
            role: "button",
            "data-quote": q.id ?? String(index),
            "data-index": String(index),
            "data-speaker": speakerName(q),
            "aria-describedby": descIds[index],
          }),
        });
      });
      const mention = q.speaker && q.speaker.mention;
      if (mention && mention.span) {
        const key = `${locationKey(mention.span)}:${mention.span.start}:${mention.span.end}`;
        if (!mentionsSeen.has(key)) {
          mentionsSeen.add(key);
          add(locationKey(mention.span), {
            start: mention.span.start, end: mention.span.end, priority: 1,
            make: () => el("span", { class: `mention ${colour}`, title: `Speaker: ${speakerName(q)}` }),
          });
        }
      }
    });
    return byLocation;
  }

  function metaList(a, id) {
    const rows = [];
    const add = (label, value) => { if (value !== null && value !== undefined && value !== "") rows.push([label, value]); };
    const authors = Array.isArray(a.author) ? a.author.map((x) => x && x.name).filter(Boolean).join(", ") : "";
    add("By", authors);
    add("Published", a.datePublished || a.datePublishedRaw);
    add("Updated", a.dateModified || a.dateModifiedRaw);
    add("Dateline", a.dateline);
    add("Publisher", a.publisher);
    add("Source", a.source);
    if (a.url) {
      add("Address", /^https?:\/\//i.test(a.url)
        ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.url) : a.url);
    }
    add("Language", a.inLanguage);
    add("Words", a.wordCount);
    add("Id", id);
    return el("dl", { class: "meta" }, rows.map(([k, v]) => [el("dt", null, k), el("dd", null, v)]));
  }

  function legend(analysis, colours) {
    const counts = new Map();
    for (const q of analysis.quotes) {
      const key = colours.keyFor(q.speaker) ?? "none";
      const entry = counts.get(key) || { q, n: 0 };
      entry.n += 1;
      counts.set(key, entry);
    }
    if (counts.size === 0) return null;
    return el("ul", { class: "legend", "aria-label": "Speakers" }, [...counts.values()].map(({ q, n }) =>
      el("li", null, el("span", { class: `swatch ${colours.classFor(q.speaker)}`, "aria-hidden": "true" }),
        speakerLink(q), ` (${n})`)));
  }

  function speakerLink(q) {
    const name = speakerName(q);
    const pid = q.speaker && q.speaker.participant;
    if (pid) return el("a", { href: "#/participants/" + encodeURIComponent(pid), class: "speaker" }, name);
    const known = q.speaker && (q.speaker.name || (q.speaker.mention && q.speaker.mention.text));
    return el("span", { class: known ? "speaker" : "speaker unknown" }, name);
  }

  function quoteSummary(quotes) {
    const n = { direct: 0, partial: 0, indirect: 0 };
    for (const q of quotes) n[q.kind] = (n[q.kind] || 0) + 1;
    return `${quotes.length} quote${quotes.length === 1 ? "" : "s"}: ${n.direct} direct, ${n.partial} partial, ` +
      `${n.indirect} indirect`;
  }

  function quoteList(analysis, colours, showIndirect) {
    const items = analysis.quotes.map((q, index) => ({ q, index }))
      .filter(({ q }) => showIndirect || q.kind !== "indirect");
    if (items.length === 0) return el("p", { class: "muted" }, "No quotes found.");
    return el("ol", { class: "quote-list" }, items.map(({ q, index }) =>
      el("li", { class: `qi ${colours.classFor(q.speaker)}`, "data-index": String(index) },
        el("span", { class: `kind kind-${q.kind}` }, q.kind || "quote"), " ",
        el("q", { class: "qtext" }, q.text || ""), " ",
        el("span", { class: "who" }, "— ", speakerLink(q), q.cue ? ` (${q.cue})` : ""), " ",
        el("button", { type: "button", class: "small link", "data-show": String(index) }, "Show in text"))));
  }

  function render(container, analysis, options = {}) {
    const colours = new NL.text.SpeakerColours();
    current = { analysis, colours, container, showIndirect: options.showIndirect ?? true };
    draw();
    return current;
  }

  function draw() {
    const { analysis, colours, container, showIndirect } = current;
    const a = analysis.article || {};
    analysis.quotes = Array.isArray(analysis.quotes) ? analysis.quotes : [];
    // Colours in reading order, whatever the filter, so a speaker keeps its colour.
    analysis.quotes.forEach((q) => colours.classFor(q.speaker));
    const descIds = analysis.quotes.map((_, i) => "qd-" + i);
    const byLocation = collectRanges(analysis, colours, showIndirect, descIds);
    const unplaced = [];
    const place = (node, key, text) => {
      for (const r of renderRanges(node, text, byLocation.get(key) || [])) if (r.quote) unplaced.push(r.quote);
      return node;
    };

    const paragraphs = (a.paragraphs || []).map((p, i) => place(el("p", { "data-paragraph": String(i) }), "p" + i, p));
    const captions = (a.captions || []).map((c, i) => el("figure", { class: "caption" },
      place(el("figcaption", null), "c" + i, c.text || ""), c.credit ? el("small", null, " Credit: ", c.credit) : null));

    const toggle = el("label", { class: "check" },
      el("input", { type: "checkbox", id: "show-indirect", checked: showIndirect }), " Show indirect (reported) speech");
    toggle.firstChild.addEventListener("change", (e) => { current.showIndirect = e.target.checked; draw(); });

    fill(container,
      el("article", { class: "analysed", "aria-labelledby": "headline" },
        el("h2", { id: "headline", class: "headline", tabindex: "-1" }, a.headline || "(no headline found)"),
        metaList(a, analysis.id),
        el("p", { class: "summary" }, quoteSummary(analysis.quotes), ". ", toggle),
        legend(analysis, colours),
        unplaced.length ? el("p", { class: "notice" },
          `${unplaced.length} quote piece(s) had offsets outside their paragraph and could not be highlighted.`) : null,
        el("div", { class: "body", id: "article-body" }, paragraphs),
        captions.length ? el("section", { class: "captions", "aria-label": "Captions" },
          el("h3", null, "Captions"), captions) : null,
        el("div", { id: "quote-detail", class: "quote-detail", "aria-live": "polite" }),
        el("section", { class: "quotes", "aria-labelledby": "quotes-title" },
          el("h3", { id: "quotes-title" }, "Quotes"), quoteList(analysis, colours, showIndirect)),
        (a.removedBoilerplate || []).length ? el("details", { class: "boilerplate" },
          el("summary", null, `Removed page furniture (${a.removedBoilerplate.length})`),
          el("ul", null, a.removedBoilerplate.map((b) => el("li", null, b)))) : null,
        el("div", { hidden: true }, analysis.quotes.map((q, i) => el("span", { id: descIds[i] }, describe(q))))));
  }

  // ---- Interaction: tooltip on hover/focus, details on click/Enter/Space. ----
  const tip = () => document.getElementById("quote-tip");

  function quoteOf(mark) {
    return current && current.analysis.quotes[Number(mark.dataset.index)];
  }

  function tipContent(q) {
    return [
      el("strong", null, speakerName(q)),
      q.speaker && q.speaker.mention && q.speaker.mention.text && q.speaker.mention.text !== q.speaker.name
        ? el("span", null, ` as “${q.speaker.mention.text}”`) : null,
      el("br"),
      el("span", null, KIND_LABEL[q.kind] || q.kind || "Quote"),
      q.cue ? el("span", null, ` · cue “${q.cue}”`) : null,
    ];
  }

  function showTip(mark) {
    const q = quoteOf(mark);
    const t = tip();
    if (!q || !t) return;
    t.replaceChildren(...tipContent(q).filter(Boolean));
    t.hidden = false;
    const r = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const width = t.offsetWidth;
    const left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    t.style.left = left + "px";
    t.style.top = (window.scrollY + r.bottom + 6) + "px";
  }

  function hideTip() { const t = tip(); if (t) t.hidden = true; }

  function select(index, focusMark) {
    if (!current) return;
    const q = current.analysis.quotes[index];
    if (!q) return;
    const container = current.container;
    container.querySelectorAll("mark.q.selected").forEach((m) => m.classList.remove("selected"));
    const marks = container.querySelectorAll(`mark.q[data-index="${index}"]`);
    marks.forEach((m) => m.classList.add("selected"));
    const detail = container.querySelector("#quote-detail");
    detail.replaceChildren(el("div", { class: `card ${current.colours.classFor(q.speaker)}` },
      el("p", null, el("span", { class: `kind kind-${q.kind}` }, q.kind || "quote"), " ", el("q", null, q.text || "")),
      el("p", null, speakerLink(q), ` · ${describe(q)}`),
      q.rule ? el("p", { class: "muted small" }, `Decided by rule: ${q.rule}`) : null));
    if (focusMark && marks[0]) {
      marks[0].scrollIntoView({ block: "center" });
      marks[0].focus({ preventScroll: true });
    }
  }

  document.addEventListener("mouseover", (e) => {
    const mark = e.target.closest && e.target.closest("mark.q");
    if (mark) showTip(mark);
  });
  document.addEventListener("mouseout", (e) => {
    const mark = e.target.closest && e.target.closest("mark.q");
    if (mark && !(e.relatedTarget && mark.contains(e.relatedTarget))) hideTip();
  });
  document.addEventListener("focusin", (e) => {
    if (e.target.matches && e.target.matches("mark.q")) showTip(e.target); else hideTip();
  });
  document.addEventListener("click", (e) => {
    const mark = e.target.closest && e.target.closest("mark.q");
    if (mark) { select(Number(mark.dataset.index), false); showTip(mark); return; }
    const show = e.target.closest && e.target.closest("button[data-show]");
    if (show) select(Number(show.dataset.show), true);
  });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { hideTip(); return; }
    if ((e.key === "Enter" || e.key === " ") && e.target.matches && e.target.matches("mark.q")) {
      e.preventDefault();
      select(Number(e.target.dataset.index), false);
    }
  });
  window.addEventListener("resize", hideTip);

  NL.article = { render, speakerName, describe };
})(window.NL);
