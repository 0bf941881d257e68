/* The timeline: events per week stacked by event type (bars, left axis) and fatalities (line,
   right axis), drawn as plain SVG from GET /stats ``by_week``; long spans fold into months or
   years so the bars stay readable. */
"use strict";

(function (H) {
  const HEIGHT = 200;
  const PAD = { top: 22, right: 44, bottom: 26, left: 36 };

  const MAX_BARS = 200;

  function monthEnd(key) {
    const [y, m] = key.split("-").map(Number);
    return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }

  function nextKey(key, unit) {
    if (unit === "week") return H.addDays(key, 7);
    if (unit === "year") return String(Number(key) + 1);
    const [y, m] = key.split("-").map(Number);
    return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
  }

  const UNITS = {
    week: { key: (w) => w, from: (k) => k, to: (k) => H.addDays(k, 6), label: (k) => `Week of ${k}` },
    month: { key: (w) => w.slice(0, 7), from: (k) => `${k}-01`, to: monthEnd, label: (k) => `Month ${k}` },
    year: { key: (w) => w.slice(0, 4), from: (k) => `${k}-01-01`, to: (k) => `${k}-12-31`, label: (k) => `Year ${k}` },
  };

  /** Buckets from the first to the last week in ``byWeek`` (gaps filled): weeks when they fit
      in ``maxBars``, else months, else years (a week counts in the month of its Monday). */
  /** Leading stragglers: a few (< 2 %) events dated years before all the others, such as a
      placeholder date, would stretch the axis over centuries; they are left out and counted. */
  H.stragglers = function (byWeek) {
    const perWeek = new Map();
    let total = 0;
    for (const r of byWeek) {
      perWeek.set(r.week, (perWeek.get(r.week) || 0) + r.events);
      total += r.events;
    }
    const weeks = [...perWeek.keys()].sort();
    const YEARS3 = 3 * 365.25 * 864e5;
    let cut = 0, before = 0;
    for (let i = 0; i + 1 < weeks.length; i++) {
      before += perWeek.get(weeks[i]);
      if (before > 0.02 * total) break;
      if (Date.parse(weeks[i + 1]) - Date.parse(weeks[i]) > YEARS3) cut = i + 1;
    }
    const dropped = weeks.slice(0, cut);
    return {
      since: cut ? weeks[cut] : null,
      events: dropped.reduce((n, w) => n + perWeek.get(w), 0),
      first: dropped.length ? dropped[0] : null,
    };
  };

  H.timeSeries = function (byWeek, maxBars = MAX_BARS) {
    const weeks = [...new Set(byWeek.map((r) => r.week))].sort();
    if (!weeks.length) return { unit: "week", buckets: [] };
    const first = weeks[0], last = weeks[weeks.length - 1];
    const spanWeeks = (Date.parse(last) - Date.parse(first)) / (7 * 864e5) + 1;
    const spanMonths = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
    const unit = spanWeeks <= maxBars ? "week" : spanMonths <= maxBars ? "month" : "year";
    const u = UNITS[unit];
    const rows = new Map();
    for (const row of byWeek) {
      const key = u.key(row.week);
      if (!rows.has(key)) rows.set(key, { types: {}, events: 0, fatalities: 0 });
      const entry = rows.get(key);
      entry.types[row.event_type] = (entry.types[row.event_type] || 0) + row.events;
      entry.events += row.events;
      entry.fatalities += row.fatalities;
    }
    const buckets = [];
    for (let k = u.key(first); k <= u.key(last); k = nextKey(k, unit)) {
      const entry = rows.get(k) || { types: {}, events: 0, fatalities: 0 };
      buckets.push(Object.assign({ key: k, from: u.from(k), to: u.to(k), label: u.label(k) }, entry));
    }
    return { unit, buckets };
  };

  function niceMax(value) {
    if (value <= 5) return 5;
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * magnitude >= value) return step * magnitude;
    }
    return value;
  }

  H.renderTimeline = function (container, byWeek, { onRange }) {
    H.clear(container);
    const width = Math.max(320, container.clientWidth || 600);
    const svg = H.svg("svg", { viewBox: `0 0 ${width} ${HEIGHT}`, role: "img", "aria-label": "Weekly events and fatalities" });
    container.appendChild(svg);
    const early = H.stragglers(byWeek);
    const shown = early.since ? byWeek.filter((r) => r.week >= early.since) : byWeek;
    const { unit, buckets: series } = H.timeSeries(shown);
    if (early.since) {
      container.appendChild(H.el("p", { class: "muted stragglers" },
        `${early.events} earlier event(s), from ${early.first}, are not drawn; `,
        H.linkButton("show them in the table", () => onRange(early.first, H.addDays(early.since, -1)))));
    }
    if (!series.length) {
      svg.appendChild(H.svg("text", { x: width / 2, y: HEIGHT / 2, "text-anchor": "middle", class: "empty" }, "No events match these filters."));
      return;
    }
    const innerW = width - PAD.left - PAD.right;
    const innerH = HEIGHT - PAD.top - PAD.bottom;
    const maxEvents = niceMax(Math.max(...series.map((s) => s.events)));
    const maxFatal = niceMax(Math.max(1, ...series.map((s) => s.fatalities)));
    const slot = innerW / series.length;
    const barW = Math.max(1, Math.min(28, slot * 0.8));
    const y = (v) => PAD.top + innerH - (v / maxEvents) * innerH;
    const yF = (v) => PAD.top + innerH - (v / maxFatal) * innerH;
    const xMid = (i) => PAD.left + slot * i + slot / 2;

    // axes: gridlines and labels at 0, half and max
    for (const frac of [0, 0.5, 1]) {
      const yy = PAD.top + innerH - frac * innerH;
      svg.appendChild(H.svg("line", { x1: PAD.left, x2: PAD.left + innerW, y1: yy, y2: yy, stroke: "#e6e2d9" }));
      svg.appendChild(H.svg("text", { x: PAD.left - 4, y: yy + 3, "text-anchor": "end", class: "axis" }, H.fmt(maxEvents * frac)));
      svg.appendChild(H.svg("text", { x: PAD.left + innerW + 4, y: yy + 3, class: "axis" }, H.fmt(maxFatal * frac)));
    }
    svg.appendChild(H.svg("text", { x: 2, y: 9, class: "axis" }, `events per ${unit}`));
    svg.appendChild(H.svg("text", { x: width - 2, y: 9, "text-anchor": "end", class: "axis" }, "fatalities"));

    const types = Object.keys(H.TYPE_COLORS);
    series.forEach((s, i) => {
      const group = H.svg("g", { class: "bar", "data-from": s.from, "data-to": s.to, onclick: () => onRange(s.from, s.to) });
      let base = 0;
      const extra = Object.keys(s.types).filter((t) => !types.includes(t));
      for (const type of [...types, ...extra]) {
        const count = s.types[type] || 0;
        if (!count) continue;
        group.appendChild(H.svg("rect", {
          x: xMid(i) - barW / 2, width: barW, y: y(base + count), height: Math.max(0.5, y(base) - y(base + count)),
          fill: H.typeColor(type),
        }));
        base += count;
      }
      // an invisible full-height target so empty or short weeks are clickable too
      group.appendChild(H.svg("rect", { x: PAD.left + slot * i, width: slot, y: PAD.top, height: innerH, fill: "transparent" }));
      const lines = [`${s.label}: ${s.events} events, ${s.fatalities} fatalities`];
      for (const [type, count] of Object.entries(s.types)) lines.push(`${type}: ${count}`);
      group.appendChild(H.svg("title", {}, lines.join("\n")));
      svg.appendChild(group);
    });

    const points = series.map((s, i) => `${xMid(i)},${yF(s.fatalities)}`).join(" ");
    svg.appendChild(H.svg("polyline", { points, class: "fatalities" }));
    series.forEach((s, i) => {
      if (s.fatalities) svg.appendChild(H.svg("circle", { cx: xMid(i), cy: yF(s.fatalities), r: 2.2, class: "fatality-dot" }));
    });

    const every = Math.max(1, Math.ceil(series.length / Math.max(1, Math.floor(innerW / 70))));
    series.forEach((s, i) => {
      if (i % every === 0) {
        svg.appendChild(H.svg("text", { x: xMid(i), y: HEIGHT - 8, "text-anchor": "middle", class: "axis" }, s.key));
      }
    });
  };
})(window.H);
