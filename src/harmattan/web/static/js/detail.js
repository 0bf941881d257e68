/* The event detail panel: every field, the reports behind the event, and each report's text
   with the evidence spans highlighted. Article text is untrusted: it is cut into text nodes
   and <mark> elements, never parsed as HTML. */
"use strict";

(function (H) {
  /** Map code-point offsets (Python's str indices) to UTF-16 indices (JavaScript's). */
  function codePointIndex(text) {
    if (!/[\uD800-\uDBFF]/.test(text)) return null; // no astral characters: the same indices
    const units = [];
    let unit = 0;
    for (const ch of text) {
      units.push(unit);
      unit += ch.length;
    }
    units.push(unit);
    return units;
  }

  /** Place evidence spans on ``text``: offsets first, else the nearest occurrence of the quote. */
  H.locateSpans = function (text, spans) {
    const units = codePointIndex(text);
    const located = [];
    const lost = [];
    for (const span of spans) {
      let start = units ? units[span.start] : span.start;
      let end = units ? units[span.end] : span.end;
      if (start === undefined || end === undefined || text.slice(start, end) !== span.text) {
        const found = span.text ? nearestIndex(text, span.text, start || 0) : -1;
        if (found < 0) {
          lost.push(span);
          continue;
        }
        start = found;
        end = found + span.text.length;
      }
      if (end > start) located.push({ start, end, field: span.field });
    }
    return { located, lost };
  };

  function nearestIndex(text, needle, near) {
    let best = -1;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      if (best < 0 || Math.abs(i - near) < Math.abs(best - near)) best = i;
    }
    return best;
  }

  /** Cut ``text`` at every span boundary: [{text, fields}] where fields lists covering spans. */
  H.evidenceSegments = function (text, located) {
    const cuts = new Set([0, text.length]);
    for (const s of located) {
      cuts.add(s.start);
      cuts.add(s.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [a, b] = [points[i], points[i + 1]];
      const fields = [...new Set(located.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
      segments.push({ text: text.slice(a, b), fields });
    }
    return segments;
  };

  H.highlightedText = function (text, spans) {
    const { located, lost } = H.locateSpans(text, spans);
    const box = H.el("div", { class: "article-text" });
    for (const seg of H.evidenceSegments(text, located)) {
      if (!seg.fields.length) box.appendChild(document.createTextNode(seg.text));
      else box.appendChild(H.el("mark", { class: "evidence", "data-field": seg.fields[0], title: seg.fields.join(", ") }, seg.text));
    }
    return { box, lost };
  };

  const SKIP = new Set(["evidence", "reports"]);

  function fieldValue(key, value, onActor) {
    if (Array.isArray(value)) return value.join("; ");
    if (value === null || value === undefined || value === "") return "—";
    if ((key === "actor1" || key === "actor2") && value) {
      return H.linkButton(String(value), () => onActor(String(value)), { title: `Show every event of ${value}` });
    }
    return String(value);
  }

  H.DetailPanel = class {
    constructor(node, { onClose, onActor }) {
      this.node = node;
      this.onClose = onClose;
      this.onActor = onActor;
      this.token = 0;
    }

    hide() {
      this.token += 1;
      this.eventId = null;
      this.node.hidden = true;
      H.clear(this.node);
    }

    async show(eventId) {
      const token = ++this.token;
      this.eventId = eventId;
      this.node.hidden = false;
      H.clear(this.node).appendChild(H.el("p", { class: "muted" }, "Loading event…"));
      let detail;
      try {
        detail = await H.getJSON(`events/${encodeURIComponent(eventId)}`);
      } catch (e) {
        if (token === this.token) H.clear(this.node).appendChild(H.el("p", { class: "muted" }, `Cannot load event ${eventId}: ${e.message}`));
        return;
      }
      if (token !== this.token) return;
      const slots = this.render(detail);
      const evidence = detail.evidence || [];
      for (const report of detail.reports || []) {
        const slot = slots.get(report.id);
        try {
          const article = await H.getJSON(`articles/${encodeURIComponent(report.id)}`);
          if (token !== this.token || !slot) return;
          const spans = evidence.filter((e) => e.article_id === report.id);
          const { box, lost } = H.highlightedText(article.text || "", spans);
          H.clear(slot).appendChild(box);
          if (lost.length) slot.appendChild(H.el("p", { class: "muted" }, `${lost.length} evidence span(s) not found in this text.`));
        } catch (e) {
          if (slot) H.clear(slot).appendChild(H.el("p", { class: "muted" }, `Cannot load the report text: ${e.message}`));
        }
      }
    }

    render(detail) {
      const node = H.clear(this.node);
      const place = [detail.location, detail.admin1, detail.country].filter(Boolean).join(", ");
      node.appendChild(H.el("header", {},
        H.el("div", {},
          H.el("h2", {}, H.el("span", { class: "swatch", style: `background:${H.typeColor(detail.event_type)}` }),
            `${detail.event_type || "Event"} · ${detail.event_date || ""}`),
          H.el("div", { class: "muted" }, `${detail.sub_event_type || ""} — ${place || "unknown place"}`)),
        H.el("button", { type: "button", onclick: () => this.onClose(), "aria-label": "Close event detail" }, "Close")));
      if (detail.notes) node.appendChild(H.el("p", {}, detail.notes));

      const evidence = detail.evidence || [];
      const reports = detail.reports || [];
      node.appendChild(H.el("h3", {}, `Reports (${reports.length})`));
      const list = H.el("ol", { class: "reports" });
      for (const report of reports) {
        const url = H.safeUrl(report.url);
        const title = report.title || report.id;
        list.appendChild(H.el("li", {},
          url ? H.el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, title) : title,
          " ", H.el("span", { class: "muted" }, [report.source, report.date, report.language].filter(Boolean).join(" · "))));
      }
      node.appendChild(list);

      const slots = new Map();
      if (reports.length) {
        node.appendChild(H.el("p", { class: "evidence-key muted" }, "Evidence: ",
          [["event_type", "event type"], ["actor1", "actor"], ["location", "place"], ["event_date", "date"], ["fatalities", "fatalities"]]
            .map(([field, label]) => [H.el("mark", { class: "evidence", "data-field": field }, label), " "])));
      }
      for (const report of reports) {
        const spans = evidence.filter((e) => e.article_id === report.id);
        node.appendChild(H.el("h3", {}, `Source text: ${report.title || report.id} `,
          H.el("small", {}, `(${spans.length} evidence span${spans.length === 1 ? "" : "s"} highlighted)`)));
        const slot = H.el("div", { class: "article-slot", "data-article": report.id }, H.el("p", { class: "muted" }, "Loading text…"));
        slots.set(report.id, slot);
        node.appendChild(slot);
        if (spans.length) {
          node.appendChild(H.el("ul", { class: "evidence-list" },
            spans.map((s) => H.el("li", {}, H.el("span", { class: "field" }, s.field), `: “${s.text}”`))));
        }
      }

      node.appendChild(H.el("h3", {}, "Every field"));
      const dl = H.el("dl", {});
      for (const [key, value] of Object.entries(detail)) {
        if (SKIP.has(key)) continue;
        dl.appendChild(H.el("dt", {}, key));
        dl.appendChild(H.el("dd", {}, fieldValue(key, value, this.onActor)));
      }
      node.appendChild(dl);
      return slots;
    }
  };
})(window.H);
