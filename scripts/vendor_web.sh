#!/usr/bin/env bash
# Copy the dashboard's JavaScript libraries and map data from the npm registry into
# src/irwatch/web/static/vendor/ (committed: the dashboard must work with no internet).
# Versions are pinned here; rerun after changing one. Credits and licences: NOTICE.
#     bash scripts/vendor_web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/irwatch/web/static/vendor
packages=(uplot@1.6.32 topojson-client@3.1.0 world-atlas@2.0.2)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for spec in "${packages[@]}"; do
    (cd "$work" && npm pack --silent "$spec" >/dev/null)
done
for tgz in "$work"/*.tgz; do
    name="$(basename "$tgz" .tgz)"
    mkdir -p "$work/$name"
    tar -xzf "$tgz" -C "$work/$name"
done
cp "$work"/uplot-*/package/dist/uPlot.iife.min.js "$out/uPlot.iife.min.js"
cp "$work"/uplot-*/package/dist/uPlot.min.css "$out/uPlot.min.css"
cp "$work"/uplot-*/package/LICENSE "$out/uPlot.LICENSE"
cp "$work"/topojson-client-*/package/dist/topojson-client.min.js "$out/topojson-client.min.js"
cp "$work"/topojson-client-*/package/LICENSE "$out/topojson-client.LICENSE"
cp "$work"/world-atlas-*/package/countries-110m.json "$out/countries-110m.json"
cp "$work"/world-atlas-*/package/LICENSE "$out/world-atlas.LICENSE"
echo "vendored into $out:"
ls -l "$out"
