#!/usr/bin/env node
// Copies the ABI and creation bytecode of every contract under src/ out of forge's artifacts into
// <dest>/<Name>.abi and <dest>/<Name>.bin, the inputs web3j's wrapper generator reads.
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const dest = path.resolve(process.argv[2] || path.join(root, 'target', 'contracts'));
fs.mkdirSync(dest, { recursive: true });

function sources(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.sol') ? [e.name] : []);
}

let count = 0;
for (const file of sources(path.join(root, 'src'))) {
  const artifactDir = path.join(root, 'out', file);
  if (!fs.existsSync(artifactDir)) continue;
  for (const json of fs.readdirSync(artifactDir).filter((f) => f.endsWith('.json') && !f.endsWith('.abi.json'))) {
    const artifact = JSON.parse(fs.readFileSync(path.join(artifactDir, json), 'utf8'));
    const bytecode = artifact.bytecode && artifact.bytecode.object;
    if (!bytecode || bytecode === '0x') continue; // interfaces and abstract contracts get no binding
    const name = path.basename(json, '.json');
    fs.writeFileSync(path.join(dest, `${name}.abi`), JSON.stringify(artifact.abi));
    fs.writeFileSync(path.join(dest, `${name}.bin`), bytecode.replace(/^0x/, ''));
    count++;
  }
}
console.log(`exported ${count} contract artifacts to ${dest}`);
