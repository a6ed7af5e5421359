#!/bin/sh
# Refreshes the third-party files the web map embeds, so that `go build`
# never needs npm or a network and the map works offline. Run it from any
# directory after changing a version below, then commit assets/vendor/.
set -eu

LEAFLET=1.9.4
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

here=$(cd "$(dirname "$0")" && pwd)
out="$here/vendor"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts \
	"leaflet@$LEAFLET" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null

rm -rf "$out"
mkdir -p "$out/leaflet/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$out/leaflet/"
cp node_modules/leaflet/dist/images/*.png "$out/leaflet/images/"
cp node_modules/leaflet/LICENSE "$out/leaflet/LICENSE"

# The browser gets GeoJSON so that it needs no TopoJSON decoder at run time.
mkdir -p "$out/world"
node_modules/.bin/topo2geo "countries=$out/world/countries-110m.geojson" \
	< node_modules/world-atlas/countries-110m.json
cp node_modules/world-atlas/LICENSE "$out/world/LICENSE.world-atlas"

cat > "$out/VERSIONS" <<VERSIONS
leaflet $LEAFLET (BSD-2-Clause)
world-atlas $WORLD_ATLAS countries-110m (ISC; Natural Earth data, public domain)
topojson-client $TOPOJSON_CLIENT (ISC; build-time only, converts TopoJSON to GeoJSON)
VERSIONS
echo "vendored into $out"
