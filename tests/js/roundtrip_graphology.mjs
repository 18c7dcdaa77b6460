// Reads kgextract's GraphML and GEXF with graphology-graphml and graphology-gexf (which parse
// with @xmldom/xmldom's DOMParser) and compares them with the node-link JSON.
//
// Usage: node tests/js/roundtrip_graphology.mjs BASE
//   reads BASE.json, BASE.graphml and BASE.gexf. Checks node ids, node and edge counts, labels,
//   types, relations, roles, weights, the analytics (degree ... community), GEXF's edge kind,
//   viz colour and size. Text must equal the JSON's, less the characters XML 1.0 cannot hold.
// Exit status: 0 all agree; 1 a check failed or a package is missing; 2 usage or unreadable file.
// The packages come from tests/js/node_modules (npm ci in tests/js; see package.json).
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);

const METRICS = ['degree', 'weighted_degree', 'betweenness', 'pagerank', 'component', 'community'];
// graph/style.cc TypeColor.
const TYPE_COLORS = {
  PERSON: [0x00, 0x72, 0xb2],
  ORG: [0xe6, 0x9f, 0x00],
  PLACE: [0x00, 0x9e, 0x73],
  EVENT: [0xcc, 0x79, 0xa7],
  TALK: [0xd5, 0x5e, 0x00],
};
const OTHER_COLOR = [0x99, 0x99, 0x99];

// What XML 1.0 cannot hold, and the XML writers therefore drop.
const xmlText = (s) => s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '');

const failures = [];
function equal(where, what, expected, actual) {
  const same = Object.is(expected, actual) || expected === actual;
  if (!same) {
    failures.push(`${where}: ${what} is ${JSON.stringify(actual)}, ` +
                  `expected ${JSON.stringify(expected)}`);
  }
  return same;
}
function check(where, condition, message) {
  if (!condition) failures.push(`${where}: ${message}`);
  return condition;
}

const edgeLabel = (link) => (link.role ? `${link.relation} (${link.role})` : link.relation);
// Co-occurrence evidence is a reference (offsets, no "text").
const firstEvidence = (link) => (link.evidence.length ? (link.evidence[0].text ?? '') : '');

function checkNode(where, node, attrs) {
  equal(where, 'label', xmlText(node.label), attrs.label ?? '');
  for (const field of ['type', 'subtype', 'kind']) {
    equal(where, field, xmlText(node[field] ?? ''), attrs[field] ?? '');
  }
  equal(where, 'aliases', xmlText(node.aliases.join('|')), attrs.aliases ?? '');
  equal(where, 'documents', xmlText(node.documents.join('|')), attrs.documents ?? '');
  equal(where, 'narrator', node.narrator ?? false, attrs.narrator);
  equal(where, 'mentions', node.mentions.length, attrs.mentions);
  for (const name of METRICS) {
    check(where, name in node, `the JSON has no ${name}`);
    equal(where, name, node[name], attrs[name]);
  }
}

function checkEdge(where, link, attrs) {
  equal(where, 'relation', xmlText(link.relation), attrs.relation ?? '');
  equal(where, 'role', xmlText(link.role ?? ''), attrs.role ?? '');
  equal(where, 'weight', link.weight, attrs.weight);
  equal(where, 'symmetric', link.symmetric ?? false, attrs.symmetric);
  equal(where, 'evidence', xmlText(firstEvidence(link)), attrs.evidence ?? '');
  equal(where, 'evidence_count', link.evidence.length, attrs.evidence_count);
}

function checkGraphML(Graph, graphml, data, text) {
  const where = 'graphology-graphml';
  const g = graphml.parse(Graph, text);
  equal(where, 'type', 'directed', g.type);
  equal(where, 'node count', data.nodes.length, g.order);
  equal(where, 'edge count', data.links.length, g.size);
  // A node whose id is no XML name has an escaped GraphML id and its real id in node_id.
  const realId = new Map();
  g.forEachNode((key, attrs) => realId.set(key, attrs.node_id ?? key));
  const byId = new Map();
  g.forEachNode((key, attrs) => byId.set(realId.get(key), attrs));
  for (const node of data.nodes) {
    const attrs = byId.get(node.id);
    if (check(where, attrs !== undefined, `node ${JSON.stringify(node.id)} missing`)) {
      checkNode(`${where} node ${JSON.stringify(node.id)}`, node, attrs);
    }
  }
  data.links.forEach((link, i) => {
    const key = `e${i}`;
    if (!check(where, g.hasEdge(key), `edge ${key} missing`)) return;
    const w = `${where} edge ${key}`;
    equal(w, 'source', link.source, realId.get(g.source(key)));
    equal(w, 'target', link.target, realId.get(g.target(key)));
    checkEdge(w, link, g.getEdgeAttributes(key));
  });
}

function checkGexf(Graph, gexf, data, text) {
  const where = 'graphology-gexf';
  const g = gexf.parse(Graph, text);
  equal(where, 'type', 'directed', g.type);
  equal(where, 'node count', data.nodes.length, g.order);
  equal(where, 'edge count', data.links.length, g.size);
  for (const node of data.nodes) {
    if (!check(where, g.hasNode(node.id), `node ${JSON.stringify(node.id)} missing`)) continue;
    const attrs = g.getNodeAttributes(node.id);
    const w = `${where} node ${JSON.stringify(node.id)}`;
    checkNode(w, node, attrs);
    const [r, gr, b] = TYPE_COLORS[node.type] ?? OTHER_COLOR;
    equal(w, 'color', `rgb(${r},${gr},${b})`, attrs.color);
    const size = 10 + 5 * Math.sqrt(Math.max(node.weighted_degree, 0));
    check(w, Math.abs(attrs.size - size) <= 1e-9 * size, `size ${attrs.size}, expected ${size}`);
  }
  data.links.forEach((link, i) => {
    const key = `e${i}`;
    if (!check(where, g.hasEdge(key), `edge ${key} missing`)) return;
    const w = `${where} edge ${key}`;
    equal(w, 'source', link.source, g.source(key));
    equal(w, 'target', link.target, g.target(key));
    const attrs = g.getEdgeAttributes(key);
    equal(w, 'label', xmlText(edgeLabel(link)), attrs.label);
    equal(w, 'kind', xmlText(edgeLabel(link)), attrs.kind);
    checkEdge(w, link, attrs);
  });
}

function main(argv) {
  if (argv.length !== 1) {
    console.error('usage: node roundtrip_graphology.mjs BASE');
    return 2;
  }
  const base = argv[0];
  let Graph, graphml, gexf;
  try {
    Graph = require('graphology');
    graphml = require('graphology-graphml');
    gexf = require('graphology-gexf');
  } catch (e) {
    console.error(`FAIL an npm package is missing (run npm ci in tests/js): ${e.message}`);
    return 1;
  }
  let data, graphmlText, gexfText;
  try {
    data = JSON.parse(readFileSync(`${base}.json`, 'utf8'));
    graphmlText = readFileSync(`${base}.graphml`, 'utf8');
    gexfText = readFileSync(`${base}.gexf`, 'utf8');
  } catch (e) {
    console.error(`cannot read ${base}.*: ${e.message}`);
    return 2;
  }
  for (const [name, step] of [
         ['graphology-graphml', () => checkGraphML(Graph, graphml, data, graphmlText)],
         ['graphology-gexf', () => checkGexf(Graph, gexf, data, gexfText)],
       ]) {
    const before = failures.length;
    try {
      step();
    } catch (e) {
      failures.push(`${name}: ${e.name}: ${e.message}`);
    }
    console.log(`${failures.length === before ? 'OK  ' : 'FAIL'} ${name}`);
  }
  if (failures.length) {
    for (const f of failures.slice(0, 60)) console.error(`FAIL: ${f}`);
    if (failures.length > 60) console.error(`... and ${failures.length - 60} more`);
    return 1;
  }
  const version = (name) =>
    JSON.parse(readFileSync(new URL(`./node_modules/${name}/package.json`, import.meta.url)))
      .version;
  console.log(`OK   ${data.nodes.length} nodes and ${data.links.length} edges agree ` +
              `(graphology ${version('graphology')}, graphology-graphml ` +
              `${version('graphology-graphml')}, graphology-gexf ${version('graphology-gexf')})`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
