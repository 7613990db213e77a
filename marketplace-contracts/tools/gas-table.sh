#!/usr/bin/env bash
# Prints the contract gas table of docs/PERFORMANCE.md: runs the test/Gas*.t.sol benchmarks in isolation
# (every call its own transaction, so the 21,000 intrinsic gas and calldata are included) and turns the
# snapshots they record (snapshots/<Contract>.json) into a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf snapshots
node_modules/.bin/forge test --match-path 'test/Gas*.t.sol' --isolate >/dev/null
node -e '
const fs = require("fs");
const budgets = { list: 150000, buy: 120000, deliverKey: 80000, commit: 60000 };
console.log("| contract | call | gas | budget |");
console.log("|---|---|---:|---:|");
for (const file of fs.readdirSync("snapshots").sort()) {
  const name = file.replace(/\.json$/, "");
  const entries = JSON.parse(fs.readFileSync("snapshots/" + file, "utf8"));
  for (const [call, gas] of Object.entries(entries)) {
    const budget = budgets[call] ? budgets[call].toLocaleString("en-US") : "";
    console.log(`| ${name} | ${call} | ${Number(gas).toLocaleString("en-US")} | ${budget} |`);
  }
}'
