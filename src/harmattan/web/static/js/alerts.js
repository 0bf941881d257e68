/* The alerts panel (GET /alerts) and the actor view (an actor's events over time and space). */
"use strict";

(function (H) {
  const QUIET = new Set(["limited change", "no baseline"]);
  const KIND_LABEL = { country_change: "Country change", admin1_surge: "Admin1 surge", new_actor: "New actor" };
  const SHOWN_IDS = 8;

  function alertItem(alert, { onAlert, onEvent }) {
    const where = [alert.actor, alert.admin1, alert.country].filter(Boolean).join(" · ");
    const ids = alert.event_ids || [];
    const item = H.el("div", { class: "alert", "data-level": alert.level, "data-kind": alert.kind },
      H.el("div", {},
        H.el("span", { class: "level" }, alert.level), " ",
        H.el("span", { class: "badge" }, KIND_LABEL[alert.kind] || alert.kind), " ",
        H.linkButton(where || "(all)", () => onAlert(alert), { title: "Filter the dashboard to this alert's place and week" })),
      H.el("div", {}, alert.message));
    if (ids.length) {
      const chips = H.el("div", { class: "ids" }, H.el("span", { class: "muted" }, `evidence (${ids.length}):`));
      for (const id of ids.slice(0, SHOWN_IDS)) chips.appendChild(H.linkButton(id, () => onEvent(id), { "data-event": id }));
      if (ids.length > SHOWN_IDS) chips.appendChild(H.el("span", { class: "muted" }, `+${ids.length - SHOWN_IDS} more`));
      item.appendChild(chips);
    }
    return item;
  }

  H.renderAlerts = function (container, report, handlers) {
    H.clear(container);
    const alerts = report.alerts || [];
    if (!report.as_of) {
      container.appendChild(H.el("p", { class: "muted" }, "No events yet, so no alerts."));
      return;
    }
    container.appendChild(H.el("p", { class: "muted" },
      `Week of ${report.week || H.weekOf(report.as_of)} (latest data ${report.as_of}) compared with the 4 and 52 weeks before.`));
    const loud = alerts.filter((a) => !QUIET.has(a.level));
    const quiet = alerts.filter((a) => QUIET.has(a.level));
    if (!loud.length) container.appendChild(H.el("p", {}, "No increase, surge or new actor this week."));
    for (const alert of loud) container.appendChild(alertItem(alert, handlers));
    if (quiet.length) {
      const more = H.el("details", {}, H.el("summary", {}, `${quiet.length} with limited change or too little history`));
      for (const alert of quiet) more.appendChild(alertItem(alert, handlers));
      container.appendChild(more);
    }
  };

  function fatalities(n) {
    return `${H.fmt(n)} ${Number(n) === 1 ? "fatality" : "fatalities"}`;
  }

  /** The actor view: totals, active period, where and what, for the actor filter. */
  H.renderActorView = function (container, actor, { stats, events, onClear, onAdmin1 }) {
    H.clear(container);
    if (!actor) {
      container.hidden = true;
      return;
    }
    container.hidden = false;
    const dates = events.map((e) => e.event_date).filter(Boolean).sort();
    container.appendChild(H.el("header", {},
      H.el("h2", {}, `Actor: ${actor}`),
      H.el("p", { class: "muted" }, "Map, timeline and table show this actor's events only.")));
    container.appendChild(H.el("div", {},
      H.el("span", { class: "stat" }, H.el("b", {}, H.fmt(stats.total_events)), stats.total_events === 1 ? " event" : " events"),
      H.el("span", { class: "stat" }, H.el("b", {}, H.fmt(stats.total_fatalities)), stats.total_fatalities === 1 ? " fatality" : " fatalities"),
      dates.length ? H.el("span", { class: "stat" }, `${dates[0]} → ${dates[dates.length - 1]}`) : null));
    const places = (stats.by_admin1 || []).slice(0, 8);
    if (places.length) {
      container.appendChild(H.el("h3", {}, "Where"));
      container.appendChild(H.el("ul", {}, places.map((p) => H.el("li", {},
        p.admin1
          ? H.linkButton([p.admin1, p.country].filter(Boolean).join(", "), () => onAdmin1(p.country, p.admin1))
          : `${p.country || "unknown country"} (no admin1)`,
        ` — ${H.count(p.events, "event")}, ${fatalities(p.fatalities)}`))));
    }
    const types = stats.by_event_type || [];
    if (types.length) {
      container.appendChild(H.el("h3", {}, "What"));
      container.appendChild(H.el("ul", {}, types.map((t) => H.el("li", {},
        H.el("span", { class: "swatch", style: `background:${H.typeColor(t.event_type)}` }),
        `${t.event_type} — ${H.count(t.events, "event")}, ${fatalities(t.fatalities)}`))));
    }
    const needle = actor.toLowerCase();  // the filter matches actors containing it: not partners
    const partners = (stats.by_actor || []).filter((a) => !a.actor.toLowerCase().includes(needle)).slice(0, 6);
    if (partners.length) {
      container.appendChild(H.el("h3", {}, "Alongside or against"));
      container.appendChild(H.el("ul", {}, partners.map((a) => H.el("li", {}, `${a.actor} — ${H.count(a.events, "event")}`))));
    }
    container.appendChild(H.el("button", { type: "button", onclick: onClear }, "Clear actor filter"));
  };
})(window.H);
