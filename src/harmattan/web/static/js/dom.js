/* Shared helpers. Every piece of data reaches the page through textContent or attributes set
   here: article text and event fields are untrusted, so nothing is ever assigned to innerHTML. */
"use strict";

window.H = window.H || {};

(function (H) {
  /** Build an element: el("a", {href: url, class: "x", onclick: fn}, "text", childNode, ...). */
  H.el = function (tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else if (key === "class") node.className = value;
      else if (key === "dataset") Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    H.append(node, children);
    return node;
  };

  H.append = function (node, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  };

  H.clear = function (node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  };

  /** An SVG element, attributes set one by one (never markup). */
  H.svg = function (tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
      else if (value !== null && value !== undefined) node.setAttribute(key, String(value));
    }
    H.append(node, children);
    return node;
  };

  /** Only http(s) links from the data become hrefs (no javascript: or data: URLs). */
  H.safeUrl = function (url) {
    try {
      const parsed = new URL(String(url), window.location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  };

  /** ACLED's six event types, each with one colour used by map, legend and timeline. */
  H.TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#7b3fa0",
    "Protests": "#2a7ab9",
    "Riots": "#139c8a",
    "Strategic developments": "#7f8c8d",
  };
  H.typeColor = function (type) {
    return H.TYPE_COLORS[type] || "#555555";
  };

  H.fmt = function (n) {
    return Number(n || 0).toLocaleString("en-US");
  };

  /** "1 event", "3 events", "1,204 fatalities". */
  H.count = function (n, noun) {
    return `${H.fmt(n)} ${Number(n) === 1 ? noun : noun + "s"}`;
  };

  /** Monday of the week of an ISO date (UTC arithmetic: dates carry no time zone). */
  H.weekOf = function (iso) {
    const d = new Date(iso + "T00:00:00Z");
    const shift = (d.getUTCDay() + 6) % 7;
    d.setUTCDate(d.getUTCDate() - shift);
    return d.toISOString().slice(0, 10);
  };
  H.addDays = function (iso, days) {
    const d = new Date(iso + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };

  H.getJSON = async function (path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    if (!response.ok) {
      let detail = response.statusText;
      try {
        const body = await response.json();
        detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail || body);
      } catch (e) { /* not JSON */ }
      throw new Error(`${path.split("?")[0]}: ${response.status} ${detail}`);
    }
    return response.json();
  };

  /** A button that looks like a link. */
  H.linkButton = function (label, onclick, attrs) {
    return H.el("button", Object.assign({ type: "button", class: "link", onclick }, attrs || {}), label);
  };
})(window.H);
