#!/usr/bin/env bash
# The report's screenshots under docs/report/, one per scenario (the top of the
# page: summary and layout), made with headless Chromium and reduced to a
# small palette. Usage: scripts/report-screenshots.sh [path/to/sysuser]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/sysuser}
browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
out=docs/report
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
for plan in scenarios/*.yaml; do
    name=$(basename "$plan" .yaml)
    "$bin" report "$plan" --lang en -o "$work/$name.html"
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" --window-size=900,1150 \
        --screenshot="$work/$name.png" "file://$work/$name.html" >/dev/null 2>&1
    if command -v convert >/dev/null && convert -version >/dev/null 2>&1; then
        convert "$work/$name.png" -colors 64 -strip "PNG8:$out/$name.png"
    else
        cp "$work/$name.png" "$out/$name.png"
    fi
    echo "$out/$name.png"
done
