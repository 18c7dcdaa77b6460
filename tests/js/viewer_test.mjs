// Opens a page of `kgextract -f html` in headless Chromium with every non-file:// request
// blocked, and checks that the viewer drew the graph of its data block and works:
//   - the drawn node and edge counts (body data-kg-nodes/-edges, #kg-status, the console line)
//     equal --nodes/--edges, or the counts of the page's data block when those are not given;
//   - a real mouse click on a node with the most mentions shows them in the side panel;
//   - a tap on the edge with the most evidence shows its sentences;
//   - searching each node's name (up to 40) selects that node first; typing the first name
//     into the search box finds it; a name that is nowhere says "no match";
//   - no request left the file, and no console error or page error happened.
// Saves a screenshot to --screenshot. Exits 0 on success, 1 on any failure (also when node's
// playwright-core or chromium is missing: scripts/install_deps.sh installs them).
// playwright-core stays at 1.61 (tests/js/package.json), the last release that runs on Debian
// 12's Node.js 18 (1.62 and later need Node.js 20); tests/deps_test.py checks the engines of
// package-lock.json against the nodejs that apt offers.
//
//   node tests/js/viewer_test.mjs --html PAGE.html --screenshot OUT.png
//        [--nodes N --edges M] [--chromium /usr/bin/chromium]
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

const TIMEOUT_MS = 20000;

function parseArgs(argv) {
  const args = {chromium: '/usr/bin/chromium'};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!['html', 'screenshot', 'nodes', 'edges', 'chromium'].includes(key) ||
        i + 1 >= argv.length) {
      throw new Error(`bad argument '${argv[i]}'`);
    }
    args[key] = argv[i + 1];
  }
  if (!args.html || !args.screenshot) throw new Error('--html and --screenshot are required');
  return args;
}

// The page's own data block, read without a browser: what the viewer must show.
function readDataBlock(html) {
  const m = html.match(/<script type="application\/json" id="kg-data">([\s\S]*?)<\/script>/);
  if (!m) throw new Error('no kg-data block in the page');
  return JSON.parse(m[1]);
}

const failures = [];
function check(ok, what) {
  if (!ok) failures.push(what);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const htmlPath = resolve(args.html);
  if (!existsSync(htmlPath)) throw new Error(`${htmlPath}: no such page`);
  if (!existsSync(args.chromium)) {
    throw new Error(`${args.chromium}: chromium is missing (run scripts/install_deps.sh)`);
  }
  const data = readDataBlock(readFileSync(htmlPath, 'utf8'));
  const wantNodes = args.nodes !== undefined ? Number(args.nodes) : data.nodes.length;
  const wantEdges = args.edges !== undefined ? Number(args.edges) : data.edges.length;
  check(data.nodes.length === wantNodes,
        `data block has ${data.nodes.length} nodes, expected ${wantNodes}`);
  check(data.edges.length === wantEdges,
        `data block has ${data.edges.length} edges, expected ${wantEdges}`);

  const profile = mkdtempSync(join(tmpdir(), 'kg-viewer-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: args.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: {width: 1400, height: 900},
    deviceScaleFactor: 1,
    timeout: TIMEOUT_MS,
  });
  try {
    const attempted = new Set();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      attempted.add(url);
      return route.abort('blockedbyclient');
    });
    const page = context.pages()[0] || await context.newPage();
    page.setDefaultTimeout(TIMEOUT_MS);
    const errors = [];
    const logs = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      logs.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => {
      if (!req.url().startsWith('file:')) attempted.add(req.url());
    });
    page.on('websocket', (ws) => attempted.add(ws.url()));

    await page.goto(pathToFileURL(htmlPath).href, {waitUntil: 'load'});
    await page.waitForFunction(() => document.body.dataset.kgNodes !== undefined);

    // Drawn counts, three ways.
    const drawn = await page.evaluate(() => ({
      nodes: Number(document.body.dataset.kgNodes),
      edges: Number(document.body.dataset.kgEdges),
      status: document.getElementById('kg-status').textContent,
      cyNodes: window.kgViewer.cy.nodes().length,
      title: document.title,
      finite: window.kgViewer.cy.nodes().every((n) =>
        Number.isFinite(n.position('x')) && Number.isFinite(n.position('y'))),
    }));
    check(drawn.nodes === wantNodes, `drew ${drawn.nodes} nodes, expected ${wantNodes}`);
    check(drawn.edges === wantEdges, `drew ${drawn.edges} edges, expected ${wantEdges}`);
    check(drawn.cyNodes === wantNodes, `cytoscape holds ${drawn.cyNodes} nodes`);
    check(drawn.status === `${wantNodes} nodes, ${wantEdges} edges`,
          `#kg-status says '${drawn.status}'`);
    check(logs.includes(`kgextract-viewer: drew ${wantNodes} nodes, ${wantEdges} edges`),
          'no console line "kgextract-viewer: drew N nodes, M edges"');
    check(drawn.finite, 'a node has no finite position after the layout');
    check(drawn.title.startsWith('kgextract: '), `title '${drawn.title}'`);

    if (data.nodes.length > 0) await checkInteraction(page, data);

    // The picture: whole graph in view, the most mentioned node's panel open.
    await page.evaluate(() => {
      window.kgViewer.search('');
      window.kgViewer.cy.fit(undefined, 40);
    });
    if (data.nodes.length > 0) {
      await page.evaluate((i) => {  // returns nothing: a cytoscape element is a huge value
        window.kgViewer.selectNode(i);
      }, mostMentioned(data));
    }
    mkdirSync(dirname(resolve(args.screenshot)), {recursive: true});
    await page.screenshot({path: args.screenshot});

    check(attempted.size === 0, `requests left the file: ${[...attempted].join(', ')}`);
    check(errors.length === 0, `errors in the page: ${errors.join(' | ')}`);
    console.log(`viewer_test: ${htmlPath}: ${drawn.status}; screenshot ${args.screenshot}`);
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
}

function mostMentioned(data) {
  let best = 0;
  data.nodes.forEach((n, i) => {
    if (n.mentions.length > data.nodes[best].mentions.length) best = i;
  });
  return best;
}

async function checkInteraction(page, data) {
  const norm = (s) => s.normalize('NFC').toLowerCase().trim();

  // A real click at a node's place on the canvas: of the nodes with the most mentions, the
  // first that no other node overlaps, so the click can only mean that node (labels take no
  // clicks: cytoscape's text-events is 'no').
  const order = data.nodes.map((n, k) => k)
                    .sort((a, b) => data.nodes[b].mentions.length - data.nodes[a].mentions.length ||
                              a - b)
                    .slice(0, 200);
  const at = await page.evaluate((order) => {
    const cy = window.kgViewer.cy;
    cy.fit(undefined, 40);
    const overlaps = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
    const boxes = cy.nodes().map((n) => n.renderedBoundingBox({includeLabels: false}));
    const box = cy.container().getBoundingClientRect();
    for (const k of order) {
      const mine = boxes[k];
      if (boxes.every((other, j) => j === k || !overlaps(mine, other))) {
        const p = cy.getElementById('n' + k).renderedPosition();
        return {index: k, x: box.left + p.x, y: box.top + p.y};
      }
    }
    return null;
  }, order);
  check(at !== null, 'every node with many mentions overlaps another: nothing to click');
  if (at === null) return;
  const i = at.index;
  const node = data.nodes[i];
  await page.mouse.click(at.x, at.y);
  const shown = await page.evaluate(() => {
    const panel = document.getElementById('kg-panel');
    return {
      kind: panel.dataset.kind,
      index: Number(panel.dataset.index),
      label: panel.querySelector('h2')?.textContent,
      mentions: [...panel.querySelectorAll('.kg-mentions > li')].map((li) => ({
        text: li.querySelector('.kg-text').textContent,
        where: li.querySelector('.kg-where').textContent,
      })),
    };
  });
  check(shown.kind === 'node' && shown.index === i,
        `clicking node ${i} ('${node.label}') showed ${shown.kind} ${shown.index}`);
  check(shown.label === node.label, `panel title '${shown.label}', expected '${node.label}'`);
  const wantMentions = node.mentions.slice(0, 200);
  check(shown.mentions.length === wantMentions.length,
        `panel lists ${shown.mentions.length} mentions, expected ${wantMentions.length}`);
  wantMentions.forEach((m, k) => {
    const got = shown.mentions[k];
    check(got && got.text === m.text, `mention ${k}: '${got?.text}', expected '${m.text}'`);
    check(got && got.where === `${m.doc} [${m.start}, ${m.end})`,
          `mention ${k} place: '${got?.where}'`);
  });

  // The edge with the most evidence, tapped through cytoscape.
  let e = -1;
  data.edges.forEach((edge, k) => {
    if (e < 0 || edge.evidence.length > data.edges[e].evidence.length) e = k;
  });
  if (e >= 0) {
    const evidence = await page.evaluate((e) => {
      window.kgViewer.cy.getElementById('e' + e).emit('tap');
      const panel = document.getElementById('kg-panel');
      return {
        kind: panel.dataset.kind,
        relation: panel.querySelector('h2')?.textContent,
        texts: [...panel.querySelectorAll('.kg-evidence .kg-text')].map((x) => x.textContent),
      };
    }, e);
    const edge = data.edges[e];
    check(evidence.kind === 'edge' && evidence.relation === edge.relation,
          `tapping edge ${e} showed ${evidence.kind} '${evidence.relation}'`);
    check(JSON.stringify(evidence.texts) ===
              JSON.stringify(edge.evidence.slice(0, 200).map(
                  (s) => s.text ?? '(a sentence of the document that names both)')),
          `edge ${e} evidence shown: ${JSON.stringify(evidence.texts)}`);
    // Its source, named in the panel, leads to that node's panel.
    await page.click('#kg-panel .kg-sub .kg-link');
    const source = data.nodes.findIndex((n) => n.id === edge.source);
    const back = await page.evaluate(() => document.getElementById('kg-panel').dataset.index);
    check(Number(back) === source, `the edge's source link showed node ${back}, not ${source}`);
  }

  // Search every name (the first 40): that node comes first (or one with the same name).
  const sample = data.nodes.slice(0, 40);
  const results = await page.evaluate(
      (labels) => labels.map((l) => {
        const found = window.kgViewer.search(l);
        const selected = window.kgViewer.cy.nodes(':selected');
        return {first: found[0], selected: selected.length ? selected[0].data('index') : -1};
      }),
      sample.map((n) => n.label));
  results.forEach((r, k) => {
    const ok = r.first !== undefined && r.selected === r.first &&
        norm(data.nodes[r.first].label) === norm(sample[k].label);
    check(ok, `search for '${sample[k].label}' selected ${r.selected} (first ${r.first})`);
  });

  // Typed into the box: the first node whose name the box can hold (no newline).
  const typed = data.nodes.findIndex((n) => !/[\r\n]/.test(n.label) && n.label.trim() !== '');
  if (typed >= 0) {
    await page.fill('#kg-search', data.nodes[typed].label);
    const r = await page.evaluate(() => ({
      result: document.getElementById('kg-search-result').textContent,
      label: document.querySelector('#kg-panel h2')?.textContent,
    }));
    check(/^\d+ match(es)?$/.test(r.result), `typed search says '${r.result}'`);
    check(norm(r.label || '') === norm(data.nodes[typed].label),
          `typed search for '${data.nodes[typed].label}' shows '${r.label}'`);
  }
  await page.fill('#kg-search', 'zz no such name \u2603 zz');
  const none = await page.textContent('#kg-search-result');
  check(none === 'no match', `search for a missing name says '${none}'`);
  await page.fill('#kg-search', '');
}

const timer = setTimeout(() => {
  console.error(`viewer_test: FAILED: took longer than ${TIMEOUT_MS * 2} ms`);
  process.exit(1);
}, TIMEOUT_MS * 2);

main().then(() => {
  clearTimeout(timer);
  if (failures.length > 0) {
    for (const f of failures) console.error(`viewer_test: FAILED: ${f}`);
    process.exit(1);
  }
  console.log('viewer_test: passed');
}, (err) => {
  clearTimeout(timer);
  console.error(`viewer_test: FAILED: ${err.message}`);
  process.exit(1);
});
