#!/usr/bin/env bash
# End-to-end figures for docs/performance.md: CPU and wall time, cost per
# client and peak memory (and peak memory / input file size) of the release binary on
# generated plans.
# Usage: scripts/measure.sh [RUNS] [SIZES…]   (best of RUNS, default 3;
#        sizes default 10000 100000 1000000). Needs GNU time at /usr/bin/time.
# SYSUSER=path/to/binary measures that binary instead of building one;
# LIMIT=seconds cuts each run (default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
sizes=${*:-10000 100000 1000000}
if [ -z "${SYSUSER:-}" ]; then
  cargo build --release --quiet
  SYSUSER=target/release/sysuser
fi
bin=$SYSUSER
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# A client list of $1 rows for `import`: valid organisation numbers from
# 310000000 up, so about half of them are clients the generated plan has.
csv() {
  python3 - "$1" <<'EOF'
import sys
n, w = int(sys.argv[1]), [3, 2, 7, 6, 5, 4, 3, 2]
out, k = ["orgnr;name;unit_type;er_roles;delegated"], 31000000
while len(out) <= n:
    d = [int(c) for c in f"{k:08d}"]
    c = 11 - sum(a * b for a, b in zip(d, w)) % 11
    k += 1
    if c == 10:
        continue
    out.append(f"{k - 1:08d}{c % 11};Kunde {len(out)} AS;AS;regnskapsforer;sykefravaer")
print("\n".join(out))
EOF
}

# One cell pair: the best run's CPU time (user + system, s; wall time in
# brackets) and its cost per client (µs of CPU), then the peak RSS (MiB) with
# its ratio to the input files. $1: clients, $2: input files (`a:b`), then
# the command.
# CPU time, not wall time, is compared: the build machine is shared.
measure() {
  local n=$1 input=$2 best="" wall="" mem=""
  shift 2
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$dir/t" timeout "${LIMIT:-600}" "$@" >/dev/null 2>"$dir/err" || true
    read -r w u s m < <(tail -n 1 "$dir/t")
    t=$(awk "BEGIN{print $u + $s}")
    if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; wall=$w; mem=$m; fi
  done
  local size
  size=$(IFS=:; stat -c %s $input | awk '{s += $1} END {print s}')
  awk -v t="$best" -v w="$wall" -v m="$mem" -v n="$n" -v s="$size" 'BEGIN {
    printf "%.2f s (%.2f) %.2f µs | %.0f MiB %.1f×", t, w, t * 1e6 / n, m / 1024, m * 1024 / s }'
}

cmds="check routes render advise compare checklist diff import-into"
printf "| clients | plan / situation |"
for c in $cmds; do printf " %s | peak |" "$c"; done
printf "\n|---:|---:|"
for _ in $cmds; do printf -- "---:|---:|"; done
printf "\n"
for n in $sizes; do
  plan=$dir/plan-$n.yaml situation=$dir/situation-$n.yaml advised=$dir/advised-$n.yaml
  $bin generate --clients "$n" --system-users 4 -o "$plan"
  $bin generate --clients "$n" --system-users 0 -o "$situation"
  $bin advise "$situation" -o "$advised" 2>/dev/null
  csv "$n" >"$dir/clients-$n.csv"
  size=$(du -k "$plan" "$situation" | awk '{s[NR]=$1/1024} END {printf "%.1f / %.1f MiB", s[1], s[2]}')
  printf "| %s | %s |" "$n" "$size"
  for c in $cmds; do
    case $c in
      advise) printf " %s |" "$(measure "$n" "$situation" $bin advise "$situation")" ;;
      diff) printf " %s |" "$(measure "$n" "$plan:$advised" $bin diff "$plan" "$advised")" ;;
      import-into)
        cp "$plan" "$dir/into.yaml"
        printf " %s |" "$(measure "$n" "$plan:$dir/clients-$n.csv" $bin import "$dir/clients-$n.csv" --into "$dir/into.yaml" -o "$dir/out.yaml")" ;;
      *) printf " %s |" "$(measure "$n" "$plan" $bin "$c" "$plan")" ;;
    esac
  done
  printf "\n"
done
