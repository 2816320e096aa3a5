// NewsLens web page — the stored articles list (GET /v1/articles), newest first, page by page through the
// `next` link, with open and delete.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  const { el } = NL.text;
  const PAGE = 20;
  const headlines = new Map(); // article id → headline, for views that only have ids

  let container = null;
  let hooks = { onError() {}, onStatus() {}, onDeleted() {} };
  let nextPath = null;
  let loading = null;

  function itemsOf(body) {
    if (Array.isArray(body)) return body;
    if (!body || typeof body !== "object") return [];
    for (const key of ["items", "articles", "data", "results"]) if (Array.isArray(body[key])) return body[key];
    return [];
  }

  /** The next page's path from a `next` link (a URL or path) or a bare cursor. */
  function nextOf(body) {
    if (!body || typeof body !== "object" || Array.isArray(body)) return null;
    let next = body.next ?? body.nextCursor ?? null;
    if (next && typeof next === "object") next = next.href || next.cursor || null;
    if (typeof next !== "string" || next === "") return null;
    if (next.startsWith("/")) return next;
    if (/^https?:\/\//i.test(next)) {
      const url = new URL(next);
      return url.origin === location.origin ? url.pathname + url.search : null;
    }
    if (next.startsWith("?")) return NL.api.paths.articles + next;
    return `${NL.api.paths.articles}?limit=${PAGE}&cursor=${encodeURIComponent(next)}`;
  }

  function summary(item) {
    const a = item.article && typeof item.article === "object" ? item.article : {};
    const count = (v) => (Array.isArray(v) ? v.length : Number.isInteger(v) ? v : null);
    return {
      id: item.id,
      headline: item.headline ?? a.headline ?? null,
      date: item.datePublished ?? a.datePublished ?? item.dateModified ?? a.dateModified ?? null,
      quotes: count(item.quoteCount ?? item.quotes),
      participants: count(item.participantCount ?? item.participants),
      words: item.wordCount ?? a.wordCount ?? null,
    };
  }

  function row(item) {
    const s = summary(item);
    if (!s.id) return null;
    if (s.headline) headlines.set(s.id, s.headline);
    const facts = [s.date, s.quotes !== null ? `${s.quotes} quotes` : null,
      s.participants !== null ? `${s.participants} participants` : null].filter(Boolean).join(" · ");
    const del = el("button", {
      type: "button", class: "small danger", "aria-label": `Delete “${s.headline || s.id}”`,
    }, "Delete");
    del.addEventListener("click", () => remove(s, del));
    return el("li", { class: "stored", "data-article": s.id },
      el("a", { href: "#/articles/" + encodeURIComponent(s.id), class: "stored-link" }, s.headline || `Article ${s.id}`),
      facts ? el("div", { class: "counts" }, facts) : null,
      del);
  }

  async function remove(s, button) {
    if (!window.confirm(`Delete the stored article “${s.headline || s.id}”?`)) return;
    button.disabled = true;
    try {
      await NL.api.del(NL.api.paths.article(s.id));
      const li = button.closest("li");
      if (li) li.remove();
      headlines.delete(s.id);
      hooks.onStatus(`Deleted “${s.headline || s.id}”.`);
      hooks.onDeleted(s.id);
      if (!container.querySelector("li.stored")) refresh();
    } catch (e) {
      button.disabled = false;
      hooks.onError(e);
    }
  }

  async function load(path, append) {
    if (loading) loading.abort();
    const controller = new AbortController();
    loading = controller;
    try {
      const body = await NL.api.get(path, { signal: controller.signal });
      const items = itemsOf(body).map(row).filter(Boolean);
      nextPath = nextOf(body);
      let list = container.querySelector("ul.stored-list");
      if (!append || !list) {
        list = el("ul", { class: "stored-list" });
        container.replaceChildren(list);
      }
      list.append(...items);
      if (!list.children.length) container.replaceChildren(el("p", { class: "muted" }, "No stored articles yet."));
      const more = el("button", { type: "button", class: "small", id: "library-more" }, "Load more");
      more.addEventListener("click", () => { more.disabled = true; more.textContent = "Loading…"; load(nextPath, true); });
      const old = container.querySelector("#library-more");
      if (old) old.remove();
      if (nextPath) container.append(more);
    } catch (e) {
      if (e instanceof NL.api.Cancelled) return;
      container.replaceChildren(el("p", { class: "muted" }, "The stored articles could not be listed."));
      hooks.onError(e);
    } finally {
      if (loading === controller) loading = null;
    }
  }

  function refresh() { return load(`${NL.api.paths.articles}?limit=${PAGE}`, false); }

  function init(node, callbacks) {
    container = node;
    hooks = { ...hooks, ...callbacks };
    return refresh();
  }

  NL.library = { init, refresh, headlines };
})(window.NL);
