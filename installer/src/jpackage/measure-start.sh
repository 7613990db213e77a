#!/usr/bin/env bash
# Measures the cold start of the packaged app: from exec of the launcher to a visible window titled
# Datagora (polled with xdotool every 50 ms), and the CPU time the app had used by then; on a private
# Xvfb screen with a fresh data directory each run, stopped with SIGTERM after each.
# Usage: measure-start.sh <launcher> [runs], e.g. installer/src/jpackage/measure-start.sh installer/target/Datagora/bin/Datagora 3
set -euo pipefail
launcher=$(readlink -f "$1")
runs=${2:-3}
scratch=$(mktemp -d)
# Xvfb picks a free display itself and writes its number to fd 3.
Xvfb -displayfd 3 -screen 0 1280x800x24 -br -nolisten tcp 3>"$scratch/display" 2>/dev/null &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null; rm -rf "$scratch"' EXIT
until [[ -s "$scratch/display" ]]; do sleep 0.05; done
export DISPLAY=":$(tr -d '[:space:]' < "$scratch/display")"
ticks=$(getconf CLK_TCK)

for run in $(seq 1 "$runs"); do
  data="$scratch/data-$run"
  start=$(date +%s%N)
  (cd "$scratch" && DATAGORA_HOME="$data" exec "$launcher" >"$scratch/out-$run.txt" 2>&1) &
  app=$!
  until xdotool search --onlyvisible --name '^Datagora$' >/dev/null 2>&1; do
    if ! kill -0 "$app" 2>/dev/null; then echo "run $run: the app ended early" >&2; cat "$scratch/out-$run.txt" >&2; exit 1; fi
    sleep 0.05
  done
  shown=$(date +%s%N)
  # CPU time the app used until then (user + system, all threads): a figure a busy machine disturbs less.
  read -r -a stat < "/proc/$app/stat"
  cpu_ms=$(( (stat[13] + stat[14]) * 1000 / ticks ))
  echo "run $run: window visible after $(( (shown - start) / 1000000 )) ms, app CPU time $cpu_ms ms"
  kill -TERM "$app"
  wait "$app" || true
done
