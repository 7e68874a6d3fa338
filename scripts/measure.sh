#!/usr/bin/env bash
# End-to-end figures for docs/performance.md: wall time and peak memory of the
# release binary on generated plans of 1k, 10k and 100k clients.
# Usage: scripts/measure.sh [RUNS]   (best of RUNS, default 5). Needs GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --release --quiet
bin=target/release/sysuser
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# Best wall time (s) and the peak RSS (MiB) of that run, over $runs runs.
measure() {
  local best="" mem=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$dir/t" "$@" >/dev/null 2>&1 || true
    read -r t m <"$dir/t"
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; mem=$m; fi
  done
  printf "%s s | %s MiB" "$best" "$(awk "BEGIN{printf \"%.0f\", $mem/1024}")"
}

echo "| clients | plan / situation | check | peak | advise | peak | render | peak | routes | peak |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in 1000 10000 100000; do
  plan=$dir/plan-$n.yaml situation=$dir/situation-$n.yaml
  $bin generate --clients "$n" --system-users 4 -o "$plan"
  $bin generate --clients "$n" --system-users 0 -o "$situation"
  # Plan (check, render, routes) / situation (advise) file sizes.
  size=$(du -k "$plan" "$situation" | awk '{s[NR]=$1/1024} END {printf "%.1f / %.1f MiB", s[1], s[2]}')
  printf "| %s | %s | %s | %s | %s | %s |\n" "$n" "$size" \
    "$(measure $bin check "$plan")" \
    "$(measure $bin advise "$situation")" \
    "$(measure $bin render "$plan")" \
    "$(measure $bin routes "$plan")"
done
