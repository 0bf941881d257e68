#!/usr/bin/env bash
# Fetch the dashboard's JavaScript/CSS and basemap from npm ONCE and copy the dist files into
# src/harmattan/web/static/vendor/ (committed: nothing is fetched at run time).
# Usage: scripts/vendor_web.sh   (needs node/npm and the npm registry)
set -euo pipefail
cd "$(dirname "$0")/.."
dest=src/harmattan/web/static/vendor
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2 swagger-ui-dist@5.35.0 >/dev/null)
for f in "$tmp"/*.tgz; do
  d="${f%.tgz}"; mkdir -p "$d"; tar xzf "$f" -C "$d"
done
rm -rf "$dest"; mkdir -p "$dest/leaflet/images" "$dest/markercluster" "$dest/topojson" "$dest/basemap" "$dest/swagger-ui"
cp "$tmp"/leaflet-1.9.4/package/dist/leaflet.js "$tmp"/leaflet-1.9.4/package/dist/leaflet.css "$dest/leaflet/"
cp "$tmp"/leaflet-1.9.4/package/dist/images/*.png "$dest/leaflet/images/"
cp "$tmp"/leaflet-1.9.4/package/LICENSE "$dest/leaflet/LICENSE"
cp "$tmp"/leaflet.markercluster-1.5.3/package/dist/leaflet.markercluster.js \
   "$tmp"/leaflet.markercluster-1.5.3/package/dist/MarkerCluster.css \
   "$tmp"/leaflet.markercluster-1.5.3/package/dist/MarkerCluster.Default.css "$dest/markercluster/"
cp "$tmp"/leaflet.markercluster-1.5.3/package/MIT-LICENCE.txt "$dest/markercluster/LICENSE" 2>/dev/null \
  || cp "$tmp"/leaflet.markercluster-1.5.3/package/LICENSE* "$dest/markercluster/" 2>/dev/null || true
cp "$tmp"/topojson-client-3.1.0/package/dist/topojson-client.min.js "$tmp"/topojson-client-3.1.0/package/LICENSE "$dest/topojson/"
# Natural Earth 1:50m country boundaries (public domain) as TopoJSON, via world-atlas (ISC).
cp "$tmp"/world-atlas-2.0.2/package/countries-50m.json "$dest/basemap/countries-50m.json"
cp "$tmp"/world-atlas-2.0.2/package/LICENSE "$dest/basemap/LICENSE-world-atlas"
# Swagger UI for the API's /docs page: the bundle, its CSS (source-map comment dropped) and one favicon.
sw="$tmp"/swagger-ui-dist-5.35.0/package
cp "$sw"/swagger-ui-bundle.js "$sw"/swagger-ui-bundle.js.LICENSE.txt "$sw"/favicon-32x32.png "$sw"/LICENSE "$sw"/NOTICE "$dest/swagger-ui/"
sed '/sourceMappingURL=/d' "$sw"/swagger-ui.css > "$dest/swagger-ui/swagger-ui.css"
cat > "$dest/README.md" <<'TXT'
Vendored by scripts/vendor_web.sh from the npm registry; do not edit by hand.

- leaflet 1.9.4 (BSD-2-Clause) — leaflet/
- leaflet.markercluster 1.5.3 (MIT) — markercluster/
- topojson-client 3.1.0 (ISC) — topojson/
- world-atlas 2.0.2 (ISC) countries-50m.json — Natural Earth 1:50m admin-0 boundaries (public domain) — basemap/
- swagger-ui-dist 5.35.0 (Apache-2.0) bundle, CSS and favicon for the API's /docs — swagger-ui/
TXT
du -sh "$dest"
