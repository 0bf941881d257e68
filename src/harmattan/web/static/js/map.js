/* The map: an offline Natural Earth basemap (or a configured tile URL), events as circles
   coloured by event type and sized by fatalities, clustered when dense. */
"use strict";

(function (H) {
  const SAHEL = [14.5, 0.5];

  H.EventMap = class {
    constructor(container, { tileUrl, tileAttribution, onSelect }) {
      this.onSelect = onSelect;
      this.map = L.map(container, { zoomSnap: 0.5, worldCopyJump: true, minZoom: 2, maxZoom: 14 });
      this.map.setView(SAHEL, 5);
      this.map.attributionControl.setPrefix("Leaflet");
      if (tileUrl) {
        L.tileLayer(tileUrl, { attribution: tileAttribution || "" }).addTo(this.map);
      } else {
        this.loadBasemap();
      }
      this.cluster = L.markerClusterGroup({
        maxClusterRadius: 40,
        disableClusteringAtZoom: 10,
        showCoverageOnHover: false,
        spiderfyOnMaxZoom: true,
      });
      this.map.addLayer(this.cluster);
      this.markers = new Map();
      this.selected = null;
      this.map.on("zoomend", () => this.toggleLabels());
    }

    async loadBasemap() {
      try {
        const topo = await H.getJSON("vendor/basemap/countries-50m.json");
        const countries = topojson.feature(topo, topo.objects.countries);
        const layer = L.geoJSON(countries, {
          interactive: false,
          style: { color: "#a39a88", weight: 0.8, fillColor: "#f4f0e6", fillOpacity: 1 },
        });
        layer.addTo(this.map);
        layer.bringToBack();
        this.countryLayer = layer;
        this.labelCountries(this.labelled || []);
        this.map.attributionControl.addAttribution("Boundaries: Natural Earth");
      } catch (e) {
        console.warn("basemap", e);
      }
    }

    /** Name the countries that have events (the offline basemap has no labels of its own). */
    labelCountries(names) {
      this.labelled = names;
      if (!this.countryLayer) return;
      if (this.labels) this.labels.remove();
      this.labels = L.layerGroup();
      const wanted = new Set(names);
      this.countryLayer.eachLayer((layer) => {
        const name = layer.feature && layer.feature.properties && layer.feature.properties.name;
        if (!wanted.has(name)) return;
        // the largest ring's box centre: good enough for a label, and never a sea
        L.tooltip({ permanent: true, direction: "center", className: "country-label", interactive: false })
          .setLatLng(labelPoint(layer))
          .setContent(H.el("span", {}, name))
          .addTo(this.labels);
      });
      this.toggleLabels();
    }

    /** Country names only from zoom 4: at world scale they would pile up over the Sahel. */
    toggleLabels() {
      if (!this.labels) return;
      const show = this.map.getZoom() >= 4;
      if (show && !this.map.hasLayer(this.labels)) this.labels.addTo(this.map);
      if (!show && this.map.hasLayer(this.labels)) this.labels.remove();
    }

    radius(event) {
      return Math.min(22, 5 + 2.2 * Math.sqrt(Math.max(0, event.fatalities || 0)));
    }

    /** Replace the events shown; ``fit`` zooms to them. Returns how many had no coordinates. */
    show(events, { fit }) {
      this.cluster.clearLayers();
      this.markers.clear();
      const layers = [];
      let missing = 0;
      for (const event of events) {
        if (event.latitude === null || event.longitude === null || event.latitude === undefined) {
          missing += 1;
          continue;
        }
        const marker = L.circleMarker([event.latitude, event.longitude], {
          radius: this.radius(event),
          fillColor: H.typeColor(event.event_type),
          color: "#222",
          weight: 1,
          fillOpacity: 0.82,
        });
        marker.bindTooltip(this.tooltip(event), { direction: "top", offset: [0, -4] });
        marker.on("click", () => this.onSelect(event.event_id_cnty));
        marker.eventId = event.event_id_cnty;
        this.markers.set(event.event_id_cnty, marker);
        layers.push(marker);
      }
      this.cluster.addLayers(layers);
      if (fit && layers.length) {
        this.map.fitBounds(H.coreBounds(layers.map((m) => m.getLatLng())).pad(0.3), { maxZoom: 7 });
      }
      if (this.selected) this.highlight(this.selected, { pan: false });
      return missing;
    }

    tooltip(event) {
      const place = [event.location, event.admin1, event.country].filter(Boolean).join(", ");
      return H.el("div", {},
        H.el("div", { class: "tip-title" }, `${event.event_date} · ${event.event_type}`),
        H.el("div", {}, event.sub_event_type || ""),
        H.el("div", {}, [event.actor1, event.actor2].filter(Boolean).join(" vs ")),
        H.el("div", {}, place),
        H.el("div", {}, `${event.fatalities || 0} fatalities`));
    }

    highlight(eventId, { pan }) {
      if (this.selected && this.markers.has(this.selected)) {
        this.markers.get(this.selected).setStyle({ weight: 1, color: "#222" });
      }
      this.selected = eventId;
      const marker = this.markers.get(eventId);
      if (!marker) return;
      marker.setStyle({ weight: 3, color: "#000" });
      if (pan) {
        this.cluster.zoomToShowLayer(marker, () => marker.bringToFront && marker.bringToFront());
      }
    }

    invalidate() {
      this.map.invalidateSize();
    }
  };

  /** Where to open the map: with 20 or more points, the densest 10-degree cell and its
      neighbours, so a few far-off (or mis-geocoded) events do not zoom the map out to the world.
      Events elsewhere stay on the map; zooming out shows them. */
  H.coreBounds = function (latlngs) {
    if (latlngs.length < 20) return L.latLngBounds(latlngs);
    const cell = (p) => [Math.floor(p.lat / 10), Math.floor(p.lng / 10)];
    const counts = new Map();
    for (const p of latlngs) {
      const key = cell(p).join(",");
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    const [bi, bj] = best.split(",").map(Number);
    const near = latlngs.filter((p) => {
      const [i, j] = cell(p);
      return Math.abs(i - bi) <= 1 && Math.abs(j - bj) <= 1;
    });
    return L.latLngBounds(near);
  };

  /** Centre of the box of a country's largest outer ring (skips islands and overseas parts). */
  function labelPoint(layer) {
    const outerRings = [];
    const walk = (latlngs) => {
      if (!latlngs.length) return;
      if (L.LineUtil.isFlat(latlngs)) outerRings.push(latlngs);
      else if (L.LineUtil.isFlat(latlngs[0])) outerRings.push(latlngs[0]); // polygon: outer ring, then holes
      else latlngs.forEach(walk);
    };
    walk(layer.getLatLngs());
    let best = null, bestArea = -1;
    for (const ring of outerRings) {
      const b = L.latLngBounds(ring);
      const area = (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
      if (area > bestArea) { best = b; bestArea = area; }
    }
    return best ? best.getCenter() : layer.getBounds().getCenter();
  }

  /** The legend under the map: one swatch per event type. */
  H.renderLegend = function (container, missing) {
    H.clear(container);
    for (const [type, color] of Object.entries(H.TYPE_COLORS)) {
      container.appendChild(H.el("span", {},
        H.el("span", { class: "swatch", style: `background:${color}` }), type));
    }
    container.appendChild(H.el("span", {}, "circle size = fatalities"));
    if (missing) container.appendChild(H.el("span", {}, `${missing} event(s) without coordinates not mapped`));
  };
})(window.H);
