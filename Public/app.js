// NewsLens web page — wiring: the analyse form (paste or file, progress, cancel), problem display, status
// announcements, and the #/articles/{id} and #/participants/{id} routes.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  const { el, fill } = NL.text;
  const $ = (id) => document.getElementById(id);
  const cache = new Map(); // article id → analysis already fetched or posted
  let shown = null; // { analysis, colours }
  let running = null; // { cancel, timer }
  let participantRequest = null;

  // ---- Status and errors ----
  function say(message) { $("status").textContent = message; }

  function showError(error) {
    const box = $("error");
    if (error instanceof NL.api.Cancelled) return;
    const p = error instanceof NL.api.Problem ? error
      : new NL.api.Problem({ title: "Unexpected error", detail: String((error && error.message) || error) });
    const dismiss = el("button", { type: "button", class: "small" }, "Dismiss");
    dismiss.addEventListener("click", clearError);
    fill(box,
      el("p", { class: "problem-title" }, el("strong", null, p.title),
        p.status ? el("span", { class: "problem-status" }, ` (HTTP ${p.status})`) : null),
      p.detail ? el("p", { class: "problem-detail" }, p.detail) : null,
      p.type && p.type !== "about:blank" ? el("p", { class: "problem-type small" }, "Type: ", p.type) : null,
      p.instance ? el("p", { class: "problem-type small" }, "Instance: ", p.instance) : null,
      dismiss);
    box.hidden = false;
    box.focus({ preventScroll: false });
    console.error("NewsLens:", p.title, p.status, p.detail);
  }

  function clearError() { $("error").hidden = true; $("error").replaceChildren(); }

  // ---- Showing an analysis ----
  function display(analysis) {
    $("result").hidden = false;
    const view = NL.article.render($("article-view"), analysis);
    shown = { analysis, colours: view.colours };
    NL.people.renderList($("people-view"), analysis, view.colours);
    $("participant-panel").hidden = true;
    document.title = `${(analysis.article && analysis.article.headline) || "Article"} — NewsLens`;
  }

  function countsText(analysis) {
    const quotes = (analysis.quotes || []).length;
    const people = (analysis.participants || []).length;
    return `${quotes} quote${quotes === 1 ? "" : "s"}, ${people} participant${people === 1 ? "" : "s"}`;
  }

  // ---- The form ----
  function looksLikeHTML(text) {
    return /^\s*</.test(text) && /<(!doctype|html|head|body|article|main|div|p|h1|section)\b/i.test(text);
  }

  function requestFor(text) {
    const format = $("format-select").value;
    const html = format === "html" || (format === "auto" && looksLikeHTML(text));
    const url = $("url-input").value.trim();
    if (url) {
      return { body: JSON.stringify(html ? { html: text, url } : { text, url }), contentType: "application/json", html };
    }
    return { body: text, contentType: (html ? "text/html" : "text/plain") + "; charset=utf-8", html };
  }

  function formatBytes(n) {
    if (n < 1024) return `${n} B`;
    if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
    return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  }

  function setRunning(on) {
    $("analyse-button").disabled = on;
    $("cancel-button").hidden = !on;
    $("progress").hidden = !on;
    $("analyse-form").setAttribute("aria-busy", on ? "true" : "false");
  }

  function startProgress() {
    const started = performance.now();
    let phase = { phase: "upload", loaded: 0, total: 0 };
    const bar = $("progress-bar");
    const draw = () => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      let text;
      if (phase.phase === "upload" && phase.total > 0) {
        bar.value = Math.round((phase.loaded / phase.total) * 100);
        text = `Sending ${formatBytes(phase.loaded)} of ${formatBytes(phase.total)}…`;
      } else if (phase.phase === "download") {
        bar.removeAttribute("value");
        text = `Receiving the analysis${phase.loaded ? " (" + formatBytes(phase.loaded) + ")" : ""}…`;
      } else {
        bar.removeAttribute("value"); // indeterminate while the server works
        text = "Analysing…";
      }
      $("progress-text").textContent = `${text} ${seconds} s`;
    };
    draw();
    const timer = setInterval(draw, 100);
    return { update(p) { phase = p; draw(); }, stop() { clearInterval(timer); } };
  }

  async function analyse(event) {
    event.preventDefault();
    if (running) return;
    clearError();
    const text = $("article-input").value;
    const store = $("store-check").checked;
    const req = requestFor(text);
    const progress = startProgress();
    const call = NL.api.postArticle({
      path: store ? NL.api.paths.articles : NL.api.paths.analyze,
      body: req.body, contentType: req.contentType, onProgress: (p) => progress.update(p),
    });
    running = call;
    setRunning(true);
    say(`Analysing the article (${req.html ? "HTML" : "plain text"})…`);
    try {
      const { status, analysis } = await call.promise;
      if (store && analysis.id) cache.set(analysis.id, analysis);
      display(analysis);
      const stored = !store ? "Not stored." : status === 201 ? "Stored as a new article." : "Already stored: showing the stored analysis.";
      say(`Analysis done: ${countsText(analysis)}. ${stored}`);
      if (store && analysis.id) {
        const target = "#/articles/" + encodeURIComponent(analysis.id);
        if (location.hash !== target) history.pushState(null, "", target);
        NL.library.refresh();
      } else if (location.hash) {
        history.pushState(null, "", "#/");
      }
      $("headline").focus();
    } catch (e) {
      if (e instanceof NL.api.Cancelled) say("Analysis cancelled.");
      else { say("The analysis failed."); showError(e); }
    } finally {
      progress.stop();
      running = null;
      setRunning(false);
    }
  }

  async function pickFile() {
    const file = $("file-input").files[0];
    if (!file) return;
    clearError();
    try {
      $("article-input").value = await file.text();
      if (/\.html?$/i.test(file.name) || file.type === "text/html") $("format-select").value = "html";
      else if (/\.te?xt$/i.test(file.name) || file.type === "text/plain") $("format-select").value = "text";
      say(`Loaded ${file.name} (${formatBytes(file.size)}). Press Analyse.`);
    } catch (e) {
      showError(new NL.api.Problem({ title: "Could not read the file", detail: `${file.name}: ${e.message || e}` }));
    }
  }

  // ---- Routes ----
  async function showArticle(id) {
    $("participant-panel").hidden = true;
    if (shown && shown.analysis.id === id && cache.has(id)) return;
    try {
      let analysis = cache.get(id);
      if (!analysis) {
        say("Opening the stored article…");
        analysis = await NL.api.get(NL.api.paths.article(id));
        cache.set(id, analysis);
      }
      display(analysis);
      say(`Opened “${(analysis.article && analysis.article.headline) || id}”: ${countsText(analysis)}.`);
      $("headline").focus();
    } catch (e) {
      say("The article could not be opened.");
      showError(e);
    }
  }

  async function showParticipant(id) {
    const panel = $("participant-panel");
    const view = $("participant-view");
    panel.hidden = false;
    view.replaceChildren(el("h2", { id: "participant-title" }, "Loading…"));
    if (participantRequest) participantRequest.abort();
    const controller = new AbortController();
    participantRequest = controller;
    const local = shown && (shown.analysis.participants || []).find((p) => p.id === id);
    try {
      const p = await NL.api.get(NL.api.paths.participant(id), { signal: controller.signal });
      const shownPerson = NL.people.renderDetail(view, p, NL.library.headlines);
      say(`Showing ${shownPerson.name || id}: ${shownPerson.quotes} quotes across the stored articles.`);
    } catch (e) {
      if (e instanceof NL.api.Cancelled) return;
      if (local && e instanceof NL.api.Problem && e.status === 404) {
        NL.people.renderLocal(view, local, shown.analysis);
        view.prepend(el("p", { class: "notice" },
          `The store does not know this participant (${e.title}: ${e.detail || "HTTP 404"}). ` +
          "Showing the quotes of the article on screen only."));
        say(`Showing ${local.name}: quotes in this article only.`);
      } else {
        view.replaceChildren(el("h2", { id: "participant-title" }, "Participant not available"));
        say("The participant could not be loaded.");
        showError(e);
        return;
      }
    } finally {
      if (participantRequest === controller) participantRequest = null;
    }
    const heading = $("participant-title");
    if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
  }

  function route() {
    const hash = location.hash.replace(/^#/, "");
    let m;
    if ((m = hash.match(/^\/articles\/(.+)$/))) showArticle(decodeURIComponent(m[1]));
    else if ((m = hash.match(/^\/participants\/(.+)$/))) showParticipant(decodeURIComponent(m[1]));
    else $("participant-panel").hidden = true;
  }

  function init() {
    $("analyse-form").addEventListener("submit", analyse);
    $("cancel-button").addEventListener("click", () => { if (running) running.cancel(); });
    $("clear-button").addEventListener("click", () => {
      $("article-input").value = ""; $("file-input").value = ""; $("url-input").value = "";
      clearError(); say(""); $("article-input").focus();
    });
    $("file-input").addEventListener("change", pickFile);
    $("article-input").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("analyse-form").requestSubmit();
    });
    $("participant-close").addEventListener("click", () => {
      $("participant-panel").hidden = true;
      const id = shown && cache.has(shown.analysis.id) ? shown.analysis.id : null;
      history.pushState(null, "", id ? "#/articles/" + encodeURIComponent(id) : "#/");
      const headline = $("headline");
      if (headline) headline.focus();
    });
    $("library-refresh").addEventListener("click", () => NL.library.refresh());
    NL.library.init($("library-view"), {
      onError: showError,
      onStatus: say,
      onDeleted: (id) => { cache.delete(id); },
    });
    window.addEventListener("hashchange", route);
    // A link to the route already in the address bar fires no hashchange: route it anyway.
    document.addEventListener("click", (e) => {
      const a = e.target.closest && e.target.closest('a[href^="#/"]');
      if (a && a.getAttribute("href") === location.hash) route();
    });
    route();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(window.NL);
