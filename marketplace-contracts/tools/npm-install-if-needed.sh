#!/usr/bin/env bash
# Installs the npm packages of the folder given (default: this one) only when node_modules is missing
# or package-lock.json changed since the last install, so repeated builds never download again.
set -euo pipefail
dir=${1:-$(dirname "$0")/..}
cd "$dir"
stamp=node_modules/.datagora-lock.sha256
want=$(sha256sum package-lock.json package.json | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "Installing npm packages in $(pwd) (lock file changed or node_modules missing)"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
