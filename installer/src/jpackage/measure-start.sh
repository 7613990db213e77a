#!/usr/bin/env bash
# Measures the cold start of the packaged app: from exec of the launcher to a visible window titled
# Datagora (polled with xdotool every 50 ms), on a private Xvfb screen with a fresh data directory each
# run. Usage: measure-start.sh <launcher> [runs]   e.g. installer/target/Datagora/bin/Datagora 3
set -euo pipefail
launcher=$(readlink -f "$1")
runs=${2:-3}
scratch=$(mktemp -d)
exec 3< <(Xvfb -displayfd 1 -screen 0 1280x800x24 -br -nolisten tcp 2>/dev/null & echo "pid $!")
read -r -u 3 xvfb_line
read -r -u 3 display
xvfb_pid=${xvfb_line#pid }
trap 'kill "$xvfb_pid" 2>/dev/null; rm -rf "$scratch"' EXIT
export DISPLAY=":$display"

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
  echo "run $run: window visible after $(( (shown - start) / 1000000 )) ms"
  kill -TERM "$app"
  wait "$app" || true
done
