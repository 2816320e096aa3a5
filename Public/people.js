// NewsLens web page — participants: the current article's participants grouped by type, and one
// participant across every stored article (GET /v1/participants/{id}) with their quotes.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  const { el, fill } = NL.text;
  const TYPES = [
    ["person", "People"], ["organization", "Organizations"], ["country", "Countries"], ["place", "Places"],
  ];

  function participantHref(id) { return "#/participants/" + encodeURIComponent(id); }
  function articleHref(id) { return "#/articles/" + encodeURIComponent(id); }
  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  function facts(p) {
    const bits = [];
    if (Array.isArray(p.titles) && p.titles.length) bits.push(el("span", { class: "titles" }, p.titles.join("; ")));
    if (p.affiliation) bits.push(el("span", { class: "affiliation" }, p.affiliation));
    return bits;
  }

  function counts(p) {
    const bits = [];
    if (Number.isInteger(p.quoteCount)) bits.push(plural(p.quoteCount, "quote"));
    if (Number.isInteger(p.mentionCount)) bits.push(plural(p.mentionCount, "mention"));
    if (Number.isInteger(p.articleCount)) bits.push(plural(p.articleCount, "article"));
    return bits.join(" · ");
  }

  /** The side panel: participants of the shown analysis, by type, speakers coloured as in the text. */
  function renderList(container, analysis, colours) {
    const participants = Array.isArray(analysis.participants) ? analysis.participants : [];
    if (participants.length === 0) {
      container.replaceChildren(el("p", { class: "muted" }, "No participants found in this article."));
      return;
    }
    const known = new Set(TYPES.map(([t]) => t));
    const groups = TYPES.map(([type, label]) => [label, participants.filter((p) => p.type === type)]);
    groups.push(["Other", participants.filter((p) => !known.has(p.type))]);
    const byQuotes = (a, b) => (b.quoteCount || 0) - (a.quoteCount || 0) || (b.mentionCount || 0) - (a.mentionCount || 0);
    container.replaceChildren(...groups.filter(([, list]) => list.length > 0).map(([label, list]) =>
      el("section", { class: "group", "aria-label": label },
        el("h3", null, `${label} (${list.length})`),
        el("ul", { class: "people" }, list.slice().sort(byQuotes).map((p) => {
          const speaking = (p.quoteCount || 0) > 0 ||
            analysis.quotes.some((q) => q.speaker && q.speaker.participant === p.id);
          const swatch = speaking ? el("span", {
            class: `swatch ${colours.classFor({ participant: p.id, name: p.name })}`, "aria-hidden": "true",
          }) : null;
          return el("li", { class: "person", "data-participant": p.id },
            el("a", { href: participantHref(p.id), class: "pname" }, swatch, p.name || p.id),
            facts(p).length ? el("div", { class: "facts" }, facts(p)) : null,
            el("div", { class: "counts" }, counts(p)),
            Array.isArray(p.aliases) && p.aliases.length
              ? el("div", { class: "aliases" }, "Also: ", p.aliases.join(", ")) : null);
        })))));
  }

  function quoteArticle(q) {
    const a = q.article;
    if (a && typeof a === "object") return { id: a.id, headline: a.headline };
    return { id: typeof a === "string" ? a : (q.articleId || null), headline: q.headline || q.articleHeadline || null };
  }

  /** The participant view: who they are, the articles they appear in, every quote attributed to them. */
  function listOf(value) {
    if (Array.isArray(value)) return value;
    return value && typeof value === "object" && Array.isArray(value.items) ? value.items : [];
  }

  const reported = (quotes) => quotes.filter((q) => q && q.kind === "indirect").length;

  function renderDetail(container, body, headlines) {
    // The participant's fields may be at the top or under "participant"; lists bare or paginated ({items}).
    const p = body.participant && typeof body.participant === "object" ? { ...body.participant, ...body } : body;
    const quotes = listOf(p.quotes);
    const articles = listOf(p.articles);
    const headlineOf = (id) => {
      const a = articles.find((x) => (typeof x === "string" ? x : x && x.id) === id);
      return (a && a.headline) || headlines.get(id) || null;
    };
    const typeLabel = p.type ? p.type.charAt(0).toUpperCase() + p.type.slice(1) : "";
    fill(container,
      el("h2", { id: "participant-title", tabindex: "-1" }, p.name || p.id),
      el("p", { class: "ptype" }, [typeLabel, ...facts(p).map((n) => n.textContent)].filter(Boolean).join(" · ")),
      el("p", { class: "counts" }, counts({ ...p, articleCount: p.articleCount ?? articles.length, mentionCount: p.mentionCount })),
      Array.isArray(p.aliases) && p.aliases.length ? el("p", { class: "aliases" }, "Also named: ", p.aliases.join(", ")) : null,
      // quoteCount counts direct and partial quotes (API.md); reported speech is listed too, so say so.
      el("h3", null, reported(quotes) ? `Quotes (${quotes.length - reported(quotes)}) and reported speech (${reported(quotes)})`
        : `Quotes (${quotes.length})`),
      quotes.length === 0 ? el("p", { class: "muted" }, "No quotes attributed in the stored articles.") :
        el("ol", { class: "quote-list participant-quotes" }, quotes.map((q) => {
          const a = quoteArticle(q);
          const headline = a.headline || (a.id && headlineOf(a.id)) || a.id;
          return el("li", { class: "qi" },
            el("span", { class: `kind kind-${q.kind}` }, q.kind || "quote"), " ",
            el("q", { class: "qtext" }, q.text || ""),
            q.cue ? el("span", { class: "who" }, ` (${q.cue})`) : null,
            a.id ? el("div", { class: "from" }, "in ", el("a", { href: articleHref(a.id) }, headline || a.id)) : null);
        })),
      articles.length ? el("h3", null, `Articles (${articles.length})`) : null,
      articles.length ? el("ul", { class: "articles" }, articles.map((x) => {
        const id = typeof x === "string" ? x : x.id;
        return el("li", null, el("a", { href: articleHref(id) }, (x && x.headline) || headlines.get(id) || id));
      })) : null);
    return { name: p.name || p.id, quotes: quotes.length };
  }

  /** When the store does not know the participant (an analysis that was not stored), show this article's quotes. */
  function renderLocal(container, p, analysis) {
    const quotes = analysis.quotes.filter((q) => q.speaker && q.speaker.participant === p.id);
    renderDetail(container, { ...p, quotes, articles: [] }, new Map());
  }

  NL.people = { renderList, renderDetail, renderLocal };
})(window.NL);
