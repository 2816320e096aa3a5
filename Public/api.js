// NewsLens web page — API client: JSON GETs, uploads with progress and cancel, and problem details
// (RFC 9457) turned into errors the page can show as they are.
"use strict";
window.NL = window.NL || {};

(function (NL) {
  /** An error from the API (or from the network), carrying the problem detail fields. */
  class Problem extends Error {
    constructor(fields) {
      super(fields.detail || fields.title || "Request failed");
      this.name = "Problem";
      this.type = fields.type || "about:blank";
      this.title = fields.title || "Request failed";
      this.status = fields.status || 0;
      this.detail = fields.detail || "";
      this.instance = fields.instance || null;
      this.extra = fields;
    }
  }

  class Cancelled extends Error {
    constructor() { super("Cancelled"); this.name = "Cancelled"; }
  }

  const reasonPhrases = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    409: "Conflict", 413: "Content Too Large", 415: "Unsupported Media Type", 422: "Unprocessable Content",
    429: "Too Many Requests", 500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout", 507: "Insufficient Storage",
  };

  /** Builds a Problem from a failed response: its problem+json body when there is one, else what we know. */
  function problemFrom(status, contentType, bodyText, what) {
    const ct = (contentType || "").toLowerCase();
    if (bodyText && (ct.includes("json"))) {
      try {
        const body = JSON.parse(bodyText);
        if (body && typeof body === "object") {
          return new Problem({
            ...body,
            title: typeof body.title === "string" ? body.title : (reasonPhrases[status] || "HTTP " + status),
            status: typeof body.status === "number" ? body.status : status,
            detail: typeof body.detail === "string" ? body.detail : "",
          });
        }
      } catch (_) { /* not JSON after all: fall through */ }
    }
    const snippet = (bodyText || "").trim().slice(0, 300);
    return new Problem({
      title: reasonPhrases[status] || "HTTP " + status,
      status,
      detail: snippet ? `${what} failed: ${snippet}` : `${what} failed with HTTP status ${status}.`,
    });
  }

  function networkProblem(what) {
    return new Problem({
      title: "Network error",
      status: 0,
      detail: `${what}: the NewsLens server could not be reached. Check that it is running and try again.`,
    });
  }

  /** GET (or DELETE) a JSON resource; resolves to the parsed body (null for 204), rejects with a Problem. */
  async function request(method, path, options = {}) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: { Accept: "application/json, application/problem+json" },
        signal: options.signal,
      });
    } catch (e) {
      if (e && e.name === "AbortError") throw new Cancelled();
      throw networkProblem(`${method} ${path}`);
    }
    const text = await response.text();
    if (!response.ok) {
      throw problemFrom(response.status, response.headers.get("Content-Type"), text, `${method} ${path}`);
    }
    if (response.status === 204 || text.length === 0) return null;
    try {
      return JSON.parse(text);
    } catch (_) {
      throw new Problem({
        title: "Unreadable response", status: response.status,
        detail: `${method} ${path} answered with something that is not JSON.`,
      });
    }
  }

  /**
   * POSTs an article. Returns { promise, cancel }. onProgress({phase, loaded, total}) is called with the
   * phases "upload" (bytes sent), "analysing" (waiting for the server) and "download" (bytes received).
   * XMLHttpRequest rather than fetch, because only it reports upload progress.
   */
  function postArticle({ path, body, contentType, onProgress }) {
    const xhr = new XMLHttpRequest();
    let cancelled = false;
    const promise = new Promise((resolve, reject) => {
      xhr.open("POST", path);
      xhr.setRequestHeader("Content-Type", contentType);
      xhr.setRequestHeader("Accept", "application/json, application/problem+json");
      const report = (phase, e) => onProgress && onProgress({
        phase, loaded: e ? e.loaded : 0, total: e && e.lengthComputable ? e.total : 0,
      });
      xhr.upload.onprogress = (e) => report("upload", e);
      xhr.upload.onload = () => report("analysing");
      xhr.onprogress = (e) => report("download", e);
      xhr.onerror = () => reject(networkProblem(`POST ${path}`));
      xhr.onabort = () => reject(new Cancelled());
      xhr.onload = () => {
        const text = xhr.responseText;
        if (xhr.status < 200 || xhr.status >= 300) {
          reject(problemFrom(xhr.status, xhr.getResponseHeader("Content-Type"), text, `POST ${path}`));
          return;
        }
        try {
          resolve({
            status: xhr.status,
            location: xhr.getResponseHeader("Location"),
            analysis: JSON.parse(text),
          });
        } catch (_) {
          reject(new Problem({
            title: "Unreadable response", status: xhr.status,
            detail: `POST ${path} answered with something that is not JSON.`,
          }));
        }
      };
      report("upload", { loaded: 0, lengthComputable: false });
      xhr.send(body);
    });
    return {
      promise,
      cancel() { if (!cancelled) { cancelled = true; xhr.abort(); } },
    };
  }

  /** Path helpers: ids are put in URLs percent-encoded, whatever they contain. */
  const paths = {
    analyze: "/v1/analyze",
    articles: "/v1/articles",
    article: (id) => "/v1/articles/" + encodeURIComponent(id),
    participant: (id) => "/v1/participants/" + encodeURIComponent(id),
  };

  NL.api = {
    Problem, Cancelled, paths, postArticle,
    get: (path, options) => request("GET", path, options),
    del: (path, options) => request("DELETE", path, options),
  };
})(window.NL);
