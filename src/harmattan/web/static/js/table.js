/* The events table: sortable by any column (in the page, over the events loaded). */
"use strict";

(function (H) {
  const COLUMNS = [
    { key: "event_date", label: "Date" },
    { key: "event_type", label: "Event type" },
    { key: "sub_event_type", label: "Sub-event type" },
    { key: "actor1", label: "Actor 1", actor: true },
    { key: "actor2", label: "Actor 2", actor: true },
    { key: "location", label: "Location" },
    { key: "admin1", label: "Admin1" },
    { key: "country", label: "Country" },
    { key: "fatalities", label: "Fatalities", numeric: true },
    { key: "source", label: "Source" },
  ];
  const MAX_ROWS = 1000;

  H.sortEvents = function (events, key, dir) {
    const column = COLUMNS.find((c) => c.key === key) || COLUMNS[0];
    const sign = dir === "asc" ? 1 : -1;
    return [...events].sort((a, b) => {
      const va = a[column.key], vb = b[column.key];
      let cmp = column.numeric ? (Number(va) || 0) - (Number(vb) || 0) : String(va || "").localeCompare(String(vb || ""));
      if (cmp === 0) cmp = String(a.event_id_cnty).localeCompare(String(b.event_id_cnty));
      return sign * cmp;
    });
  };

  H.EventTable = class {
    constructor(table, countNode, { onSelect, onActor, onSort }) {
      this.table = table;
      this.countNode = countNode;
      this.onSelect = onSelect;
      this.onActor = onActor;
      this.onSort = onSort;
      this.selected = null;
    }

    render(events, total, sort) {
      const head = this.table.tHead.rows[0];
      H.clear(head);
      for (const column of COLUMNS) {
        const active = sort.key === column.key;
        head.appendChild(H.el("th", {
          scope: "col",
          "data-key": column.key,
          "aria-sort": active ? (sort.dir === "asc" ? "ascending" : "descending") : "none",
          onclick: () => this.onSort(column.key, active && sort.dir === "desc" ? "asc" : "desc"),
        }, column.label));
      }
      const body = this.table.tBodies[0];
      H.clear(body);
      const rows = H.sortEvents(events, sort.key, sort.dir).slice(0, MAX_ROWS);
      for (const event of rows) {
        const tr = H.el("tr", {
          "data-id": event.event_id_cnty, tabindex: 0,
          onclick: () => this.onSelect(event.event_id_cnty),
          onkeydown: (e) => { if (e.key === "Enter" && e.target === tr) this.onSelect(event.event_id_cnty); },
        });
        if (event.event_id_cnty === this.selected) tr.classList.add("selected");
        for (const column of COLUMNS) {
          const value = event[column.key];
          let cell;
          if (column.actor && value) {
            cell = H.el("td", {}, H.linkButton(value, (e) => { e.stopPropagation(); this.onActor(value); },
              { title: `Show every event of ${value}` }));
          } else if (column.key === "event_type") {
            cell = H.el("td", {}, H.el("span", { class: "swatch", style: `background:${H.typeColor(value)}` }), value || "");
          } else {
            const cls = column.numeric ? "num" : column.key === "event_date" ? "nowrap" : null;
            cell = H.el("td", { class: cls }, value === null || value === undefined ? "" : value);
          }
          tr.appendChild(cell);
        }
        body.appendChild(tr);
      }
      const shown = rows.length;
      H.clear(this.countNode).appendChild(document.createTextNode(
        total > shown ? `(${H.fmt(shown)} shown of ${H.fmt(total)} matching)` : `(${H.fmt(total)})`));
    }

    select(eventId) {
      this.selected = eventId;
      for (const tr of this.table.tBodies[0].rows) tr.classList.toggle("selected", tr.dataset.id === eventId);
    }
  };
})(window.H);
