/* Harmattan dashboard: wires the filters (mirrored in the URL query string) to the map,
   timeline, table, event detail, actor view and alerts. Reads only the public API:
   /filters, /events, /events/{id}, /articles/{id}, /stats, /alerts, /config.json. */
"use strict";

(function (H) {
  const FILTERS = ["event_date_from", "event_date_to", "country", "admin1", "event_type", "actor", "q"];
  const EVENT_LIMIT = 2000;
  const SERVER_SORTS = new Set(["event_date", "fatalities"]);

  const state = { filters: {}, event: null, sort: { key: "event_date", dir: "desc" } };
  let map, table, detail, filterValues = { admin1: [] };
  let loadToken = 0;

  // ---- URL <-> state ------------------------------------------------------------------
  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    state.filters = {};
    for (const key of FILTERS) if (params.get(key)) state.filters[key] = params.get(key);
    state.event = params.get("event") || null;
    const sort = params.get("sort") || "-event_date";
    state.sort = { key: sort.replace(/^-/, ""), dir: sort.startsWith("-") ? "desc" : "asc" };
  }

  function writeUrl({ push }) {
    const params = new URLSearchParams();
    for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
    if (state.event) params.set("event", state.event);
    const sort = (state.sort.dir === "desc" ? "-" : "") + state.sort.key;
    if (sort !== "-event_date") params.set("sort", sort);
    const url = `${window.location.pathname}${params.toString() ? "?" + params : ""}`;
    if (url !== `${window.location.pathname}${window.location.search}`) {
      (push ? history.pushState : history.replaceState).call(history, null, "", url);
    }
  }

  function filterQuery(extra) {
    const params = new URLSearchParams();
    for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") params.set(k, v);
    return params.toString();
  }

  // ---- filter form --------------------------------------------------------------------
  const form = () => document.getElementById("filters");

  function fillSelect(select, values, allLabel) {
    const current = select.value;
    H.clear(select).appendChild(H.el("option", { value: "" }, allLabel));
    for (const value of values) select.appendChild(H.el("option", { value }, value));
    select.value = values.includes(current) ? current : "";
  }

  function fillAdmin1() {
    const country = state.filters.country || "";
    const names = filterValues.admin1
      .filter((a) => !country || a.country === country)
      .map((a) => a.admin1).filter(Boolean);
    const unique = [...new Set(names)].sort((a, b) => a.localeCompare(b));
    const select = form().elements.admin1;
    fillSelect(select, unique, "All regions");
    if (state.filters.admin1 && !unique.includes(state.filters.admin1)) {
      select.appendChild(H.el("option", { value: state.filters.admin1 }, state.filters.admin1));
    }
    select.value = state.filters.admin1 || "";
  }

  function stateToForm() {
    const f = form();
    fillAdmin1();
    for (const key of FILTERS) {
      const input = f.elements[key];
      if (input.tagName === "SELECT" && state.filters[key] && ![...input.options].some((o) => o.value === state.filters[key])) {
        input.appendChild(H.el("option", { value: state.filters[key] }, state.filters[key]));
      }
      input.value = state.filters[key] || "";
    }
  }

  function formToState() {
    const f = form();
    const previousCountry = state.filters.country || "";
    state.filters = {};
    for (const key of FILTERS) {
      const value = (f.elements[key].value || "").trim();
      if (value) state.filters[key] = value;
    }
    if ((state.filters.country || "") !== previousCountry && state.filters.admin1) {
      const known = filterValues.admin1.some((a) => a.country === state.filters.country && a.admin1 === state.filters.admin1);
      if (!known) delete state.filters.admin1;
    }
  }

  /** Change some filters programmatically (actor links, alerts, timeline weeks). */
  function setFilters(changes, { replace } = {}) {
    state.filters = replace ? {} : { ...state.filters };
    for (const [key, value] of Object.entries(changes)) {
      if (value) state.filters[key] = value;
      else delete state.filters[key];
    }
    stateToForm();
    writeUrl({ push: true });
    refresh({ fit: true });
  }

  function bindForm() {
    const f = form();
    let timer = null;
    const apply = () => {
      formToState();
      fillAdmin1();
      writeUrl({ push: true });
      refresh({ fit: true });
    };
    f.addEventListener("change", (e) => {
      if (e.target.type === "search") return; // typed fields apply on input (debounced)
      clearTimeout(timer);
      apply();
    });
    f.addEventListener("input", (e) => {
      if (e.target.type !== "search") return;
      clearTimeout(timer);
      timer = setTimeout(apply, 350);
    });
    f.addEventListener("submit", (e) => {
      e.preventDefault();
      clearTimeout(timer);
      apply();
    });
    f.addEventListener("reset", (e) => {
      e.preventDefault();
      setFilters({}, { replace: true });
    });
  }

  // ---- loading and rendering ----------------------------------------------------------
  function showError(message) {
    const node = document.getElementById("error");
    node.hidden = !message;
    H.clear(node);
    if (message) node.appendChild(document.createTextNode(message));
  }

  async function refresh({ fit }) {
    const token = ++loadToken;
    document.body.dataset.loading = "true";
    const sort = SERVER_SORTS.has(state.sort.key) ? (state.sort.dir === "desc" ? "-" : "") + state.sort.key : "-event_date";
    try {
      const [page, stats] = await Promise.all([
        H.getJSON(`events?${filterQuery({ limit: EVENT_LIMIT, sort })}`),
        H.getJSON(`stats?${filterQuery()}`),
      ]);
      if (token !== loadToken) return;
      showError("");
      const missing = map.show(page.events, { fit });
      H.renderLegend(document.getElementById("legend"), missing);
      table.render(page.events, page.total, state.sort);
      H.renderTimeline(document.getElementById("timeline"), stats.by_week || [], { onRange: zoomToRange });
      renderSummary(stats, page);
      H.renderActorView(document.getElementById("actor-view"), state.filters.actor, {
        stats, events: page.events,
        onClear: () => setFilters({ actor: null }),
        onAdmin1: (country, admin1) => setFilters({ country, admin1 }),
      });
      if (state.event) selectEvent(state.event, { pan: false, push: false });
    } catch (e) {
      if (token === loadToken) showError(`Cannot load events: ${e.message}`);
    } finally {
      if (token === loadToken) {
        document.body.dataset.loading = "false";
        document.body.dataset.ready = "true";
      }
    }
    loadAlerts();
  }

  function renderSummary(stats, page) {
    const node = H.clear(document.getElementById("summary"));
    const parts = [H.count(stats.total_events, "event"), `${H.fmt(stats.total_fatalities)} ${stats.total_fatalities === 1 ? "fatality" : "fatalities"}`];
    const weeks = (stats.by_week || []).map((w) => w.week).sort();
    if (weeks.length) parts.push(`weeks ${weeks[0]} – ${weeks[weeks.length - 1]}`);
    if (page.total > page.events.length) parts.push(`map and table show the latest ${H.fmt(page.events.length)}`);
    node.appendChild(document.createTextNode(parts.join(" · ")));
  }

  async function loadAlerts() {
    const body = document.getElementById("alerts-body");
    try {
      const params = new URLSearchParams();
      if (state.filters.country) params.set("country", state.filters.country);
      if (state.filters.event_date_to) params.set("as_of", state.filters.event_date_to);
      const report = await H.getJSON(`alerts${params.toString() ? "?" + params : ""}`);
      H.renderAlerts(body, report, {
        onAlert: (alert) => setFilters({
          country: alert.country, admin1: alert.admin1 || null, actor: alert.actor || null,
          event_date_from: alert.week, event_date_to: H.addDays(alert.week, 6),
        }, { replace: true }),
        onEvent: (id) => selectEvent(id, { pan: true, push: true }),
      });
    } catch (e) {
      H.clear(body).appendChild(H.el("p", { class: "muted" }, `Alerts unavailable: ${e.message}`));
    }
  }

  function zoomToRange(from, to) {
    setFilters({ event_date_from: from, event_date_to: to });
  }

  function selectEvent(eventId, { pan, push }) {
    const changed = detail.eventId !== eventId || detail.node.hidden;
    state.event = eventId;
    if (push) writeUrl({ push: true });
    map.highlight(eventId, { pan });
    table.select(eventId);
    if (changed) detail.show(eventId);
  }

  function closeEvent() {
    state.event = null;
    detail.hide();
    map.highlight(null, { pan: false });
    table.select(null);
    writeUrl({ push: true });
  }

  async function init() {
    readUrl();
    let config = {};
    try {
      config = await H.getJSON("config.json");
    } catch (e) { /* offline basemap by default */ }
    map = new H.EventMap("map", {
      tileUrl: config.tile_url || "", tileAttribution: config.tile_attribution || "",
      onSelect: (id) => selectEvent(id, { pan: false, push: true }),
    });
    table = new H.EventTable(document.getElementById("events-table"), document.getElementById("table-count"), {
      onSelect: (id) => selectEvent(id, { pan: true, push: true }),
      onActor: (actor) => setFilters({ actor }),
      onSort: (key, dir) => {
        state.sort = { key, dir };
        writeUrl({ push: false });
        refresh({ fit: false });
      },
    });
    detail = new H.DetailPanel(document.getElementById("detail"), {
      onClose: closeEvent,
      onActor: (actor) => setFilters({ actor }),
    });
    try {
      filterValues = await H.getJSON("filters");
      const f = form();
      fillSelect(f.elements.country, filterValues.countries || [], "All countries");
      map.labelCountries(filterValues.countries || []);
      fillSelect(f.elements.event_type, filterValues.event_types || [], "All types");
      const list = H.clear(document.getElementById("actor-options"));
      for (const actor of filterValues.actors || []) list.appendChild(H.el("option", { value: actor }));
    } catch (e) {
      showError(`Cannot load filter values: ${e.message}`);
    }
    stateToForm();
    bindForm();
    window.addEventListener("popstate", () => {
      readUrl();
      stateToForm();
      if (!state.event) detail.hide();
      refresh({ fit: true });
    });
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { map.invalidate(); refresh({ fit: false }); }, 250);
    });
    await refresh({ fit: true });
  }

  document.addEventListener("DOMContentLoaded", init);
})(window.H);
