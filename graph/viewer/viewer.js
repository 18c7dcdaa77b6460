// kgextract's graph viewer: draws the graph of the #kg-data block with cytoscape.js.
//
// Everything is written into the page with textContent, never innerHTML, so any name shows
// as it is. For tests, window.kgViewer exposes cytoscape and the viewer's functions, and after
// drawing: document.body.dataset.kgNodes / kgEdges, #kg-status "N nodes, M edges" and the
// console line "kgextract-viewer: drew N nodes, M edges".
//
// Large graphs stay usable: graphs of more than 250 nodes come with positions computed by
// kgextract (a force-directed layout in C++); smaller ones are laid out here by cytoscape's
// cose, once, without animation (and should positions be missing on a large graph, nodes go on
// rings by weighted degree, in linear time).
// Above LABEL_ZOOM_MIN_NODES nodes, labels appear only once zoomed in; above COOC_SHOWN_MAX_EDGES
// edges, co-occurrence edges start hidden (the checkbox shows them).
(function () {
  'use strict';

  const COSE_MAX_NODES = 300;
  const LABEL_ZOOM_MIN_NODES = 150;
  const COOC_SHOWN_MAX_EDGES = 1500;
  const HAYSTACK_MIN_EDGES = 4000;  // straight edges without arrows: cheaper to draw
  const LIST_MAX = 200;             // mentions, evidence or connections listed in the panel

  const byId = (id) => document.getElementById(id);
  const data = JSON.parse(byId('kg-data').textContent);
  const meta = data.graph || {};
  const nodes = data.nodes || [];
  const edges = data.edges || [];

  const colorOfType = new Map();
  for (const t of meta.types || []) colorOfType.set(t.type, t.color);
  const defaultColor = meta.default_color || '#999999';
  const colorOf = (type) => colorOfType.get(type) || defaultColor;

  // --- elements -------------------------------------------------------------------------------
  const indexOfId = new Map();
  nodes.forEach((n, i) => indexOfId.set(n.id, i));
  const weighted = new Float64Array(nodes.length);
  const incident = nodes.map(() => []);
  const drawnEdges = [];
  edges.forEach((e, i) => {
    const s = indexOfId.get(e.source);
    const t = indexOfId.get(e.target);
    if (s === undefined || t === undefined) return;  // an edge to no node: nothing to draw
    const w = Number(e.weight) || 0;
    weighted[s] += w;
    weighted[t] += w;
    incident[s].push(i);
    if (t !== s) incident[t].push(i);
    drawnEdges.push(i);
  });
  let maxWeighted = 0;
  for (const w of weighted) maxWeighted = Math.max(maxWeighted, w);

  const isCooc = (e) => e.relation === 'co_occurs';
  const coocCount = drawnEdges.filter((i) => isCooc(edges[i])).length;
  const showCooc = drawnEdges.length <= COOC_SHOWN_MAX_EDGES;

  // Long names are cut for the drawing (the panel shows them whole); by code point, so an
  // emoji is never split.
  const LABEL_MAX = 48;
  function shortLabel(label) {
    const chars = Array.from(String(label));
    return chars.length <= LABEL_MAX ? label : chars.slice(0, LABEL_MAX - 1).join('') + '…';
  }

  // Large graphs come with positions (graph/export_html.cc computes them).
  const positioned = meta.layout === 'positions' &&
      nodes.every((n) => Number.isFinite(n.x) && Number.isFinite(n.y));

  // Deterministic start positions (a sunflower spiral in data order): the same page gives the
  // same picture every time.
  const golden = Math.PI * (3 - Math.sqrt(5));
  const minSize = nodes.length > COSE_MAX_NODES ? 10 : 16;  // smaller where nodes are many
  const extraSize = nodes.length > COSE_MAX_NODES ? 26 : 44;
  const elements = [];
  nodes.forEach((n, i) => {
    const r = 40 * Math.sqrt(i + 0.5);
    elements.push({
      group: 'nodes',
      data: {
        id: 'n' + i,
        index: i,
        label: shortLabel(n.label),
        color: colorOf(n.type),
        size: minSize + (maxWeighted > 0 ? extraSize * Math.sqrt(weighted[i] / maxWeighted) : 0),
      },
      position: positioned ? {x: n.x, y: n.y} :
                             {x: r * Math.cos(i * golden), y: r * Math.sin(i * golden)},
    });
  });
  for (const i of drawnEdges) {
    const e = edges[i];
    const cooc = isCooc(e);
    const w = Math.max(Number(e.weight) || 0, 1);
    const classes = [];
    if (cooc) classes.push('cooc');
    if (cooc && !showCooc) classes.push('hidden');
    if (e.symmetric) classes.push('sym');
    elements.push({
      group: 'edges',
      classes: classes.join(' '),
      data: {
        id: 'e' + i,
        index: i,
        source: 'n' + indexOfId.get(e.source),
        target: 'n' + indexOfId.get(e.target),
        label: cooc ? '' : (e.role ? e.relation + ' (' + e.role + ')' : e.relation),
        width: Math.min((cooc ? 0.8 : 1.6) + Math.log2(w), 6),
      },
    });
  }

  // --- cytoscape ------------------------------------------------------------------------------
  const big = nodes.length > LABEL_ZOOM_MIN_NODES;
  const style = [
    {
      selector: 'node',
      style: {
        'background-color': 'data(color)',
        'width': 'data(size)',
        'height': 'data(size)',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'label': 'data(label)',
        'font-size': 12,
        'color': '#1d1d1f',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'wrap',
        'text-max-width': 140,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': big ? 9 : 0,
      },
    },
    {
      selector: 'edge',
      style: {
        'width': 'data(width)',
        'line-color': '#8d8d94',
        'target-arrow-color': '#8d8d94',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': edges.length >= HAYSTACK_MIN_EDGES ? 'haystack' : 'bezier',
        'label': 'data(label)',
        'font-size': 10,
        'color': '#4a4a50',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': 1,
        'min-zoomed-font-size': big ? 9 : 7,
      },
    },
    {
      selector: 'edge.cooc',
      style: {'line-style': 'dashed', 'line-color': '#c9c9cf', 'target-arrow-shape': 'none'},
    },
    {selector: 'edge.sym', style: {'target-arrow-shape': 'none'}},
    {selector: '.hidden', style: {'display': 'none'}},
    {selector: '.faded', style: {'opacity': 0.18}},
    {selector: 'node.match', style: {'border-width': 4, 'border-color': '#1d1d1f'}},
    {
      selector: 'node:selected',
      style: {'border-width': 5, 'border-color': '#000000', 'font-weight': 'bold'},
    },
    {
      selector: 'edge:selected',
      style: {
        'line-color': '#1d1d1f',
        'target-arrow-color': '#1d1d1f',
        'width': 4,
        'z-index': 10,
      },
    },
  ];

  const cy = cytoscape({
    container: byId('kg-cy'),
    elements: elements,
    style: style,
    layout: {name: 'preset'},
    wheelSensitivity: 0.3,
    minZoom: 0.02,
    maxZoom: 8,
    selectionType: 'single',
    boxSelectionEnabled: false,
  });

  function layoutOptions() {
    if (positioned) return {name: 'preset', fit: true, padding: 40};
    if (nodes.length <= COSE_MAX_NODES) {
      return {
        name: 'cose',
        animate: false,
        randomize: false,
        fit: true,
        padding: 40,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: (edge) => (edge.hasClass('cooc') ? 70 : 50),
        edgeElasticity: (edge) => (edge.hasClass('cooc') ? 150 : 80),
        nodeRepulsion: () => 12000,
        nodeOverlap: 20,
        gravity: 1.5,
        componentSpacing: 40,
        numIter: nodes.length > 300 ? 300 : 1000,
      };
    }
    return {
      name: 'concentric',
      animate: false,
      fit: true,
      padding: 40,
      concentric: (node) => weighted[node.data('index')],
      levelWidth: () => Math.max(maxWeighted / 12, 1e-9),
      minNodeSpacing: 6,
    };
  }

  // --- side panel -----------------------------------------------------------------------------
  const panel = byId('kg-panel');

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (className) e.className = className;
    return e;
  }

  function swatch(color) {
    const s = el('span', null, 'kg-swatch');
    s.style.backgroundColor = color;
    return s;
  }

  // Co-occurrence evidence is a reference to a sentence (offsets, no copy of its text).
  const REFERENCE_TEXT = '(a sentence of the document that names both)';

  function spanItem(span) {
    const li = el('li');
    li.appendChild(el('div', span.text !== undefined ? span.text : REFERENCE_TEXT, 'kg-text'));
    li.appendChild(el('div', span.doc + ' [' + span.start + ', ' + span.end + ')', 'kg-where'));
    return li;
  }

  // `total` is the true count when the page holds only the first LIST_MAX items.
  function list(title, items, render, ordered, total) {
    if (total === undefined) total = items.length;
    panel.appendChild(el('h3', title + ' (' + total + ')'));
    if (items.length === 0) {
      panel.appendChild(el('p', 'none', 'kg-more'));
      return null;
    }
    const ul = el(ordered ? 'ol' : 'ul');
    items.slice(0, LIST_MAX).forEach((item) => ul.appendChild(render(item)));
    panel.appendChild(ul);
    const shown = Math.min(items.length, LIST_MAX);
    if (total > shown) {
      panel.appendChild(el('p', '… and ' + (total - shown) + ' more', 'kg-more'));
    }
    return ul;
  }

  function fmt(x, digits) {
    const v = Number(x);
    if (!Number.isFinite(v)) return String(x);
    return Number.isInteger(v) ? String(v) : v.toFixed(digits);
  }

  // A link-like span (an inline element, so a long name wraps like text) that runs `action`
  // on click, or on Enter or Space when focused.
  function action(text, run) {
    const a = el('span', text, 'kg-link');
    a.setAttribute('role', 'button');
    a.tabIndex = 0;
    a.addEventListener('click', run);
    a.addEventListener('keydown', (evt) => {
      if (evt.key === 'Enter' || evt.key === ' ') {
        evt.preventDefault();
        run();
      }
    });
    return a;
  }

  function showNode(i) {
    const n = nodes[i];
    panel.replaceChildren();
    panel.dataset.kind = 'node';
    panel.dataset.index = String(i);
    panel.appendChild(el('h2', n.label, 'kg-label'));
    const sub = el('p', null, 'kg-sub');
    sub.appendChild(swatch(colorOf(n.type)));
    const detail = [n.type, n.subtype, n.kind].filter((x) => x).join(' · ');
    sub.appendChild(el('span', detail + (n.narrator ? ' · narrator' : ''), 'kg-type'));
    panel.appendChild(sub);
    panel.appendChild(el('code', n.id, 'kg-id'));

    list('Aliases', n.aliases || [], (a) => el('li', a, 'kg-text'));
    list('Documents', n.documents || [], (d) => el('li', d, 'kg-text'), false, n.document_count);

    const m = n.metrics || {};
    panel.appendChild(el('h3', 'Metrics'));
    const table = el('table', null, 'kg-metrics');
    const rows = [
      ['degree', fmt(m.degree, 0)],
      ['weighted degree', fmt(m.weighted_degree, 3)],
      ['betweenness', fmt(m.betweenness, 3)],
      ['PageRank', fmt(m.pagerank, 5)],
      ['component', fmt(m.component, 0)],
      ['community', fmt(m.community, 0)],
    ];
    for (const [k, v] of rows) {
      const tr = el('tr');
      tr.appendChild(el('td', k));
      tr.appendChild(el('td', v));
      table.appendChild(tr);
    }
    panel.appendChild(table);

    list('Connections', incident[i], (ei) => {
      const e = edges[ei];
      const out = indexOfId.get(e.source) === i;
      const other = nodes[indexOfId.get(out ? e.target : e.source)];
      const li = el('li');
      li.appendChild(action((out ? '→ ' : '← ') + e.relation + ' ' + other.label,
                            () => selectEdge(ei)));
      return li;
    });
    const ol = list('Mentions', n.mentions || [], spanItem, true, n.mention_count);
    if (ol) ol.classList.add('kg-mentions');
  }

  function showEdge(i) {
    const e = edges[i];
    const s = nodes[indexOfId.get(e.source)];
    const t = nodes[indexOfId.get(e.target)];
    panel.replaceChildren();
    panel.dataset.kind = 'edge';
    panel.dataset.index = String(i);
    panel.appendChild(el('h2', e.relation, 'kg-label'));
    const ends = el('p', null, 'kg-sub');
    for (const [node, arrow] of [[s, e.symmetric ? ' — ' : ' → '], [t, '']]) {
      ends.appendChild(action(node.label, () => selectNode(indexOfId.get(node.id))));
      if (arrow) ends.appendChild(el('span', arrow));
    }
    panel.appendChild(ends);
    const table = el('table', null, 'kg-metrics');
    const rows = [['relation', e.relation], ['role', e.role || '—'], ['weight', fmt(e.weight, 3)],
                  ['symmetric', e.symmetric ? 'yes' : 'no']];
    for (const [k, v] of rows) {
      const tr = el('tr');
      tr.appendChild(el('td', k));
      tr.appendChild(el('td', v));
      table.appendChild(tr);
    }
    panel.appendChild(table);
    const ol = list('Evidence', e.evidence || [], spanItem, true, e.evidence_count);
    if (ol) ol.classList.add('kg-evidence');
  }

  function clearPanel() {
    panel.replaceChildren(el('p', 'Click a node to see its mentions, or an edge to see its ' +
                                      'evidence. Drag to pan, scroll to zoom.', 'kg-hint'));
    delete panel.dataset.kind;
    delete panel.dataset.index;
  }

  function selectNode(i) {
    const node = cy.getElementById('n' + i);
    cy.elements(':selected').unselect();
    node.select();
    showNode(i);
    return node;
  }

  function selectEdge(i) {
    const edge = cy.getElementById('e' + i);
    if (edge.hasClass('hidden')) setCooc(true);
    cy.elements(':selected').unselect();
    edge.select();
    showEdge(i);
    return edge;
  }

  cy.on('tap', 'node', (evt) => selectNode(evt.target.data('index')));
  cy.on('tap', 'edge', (evt) => selectEdge(evt.target.data('index')));
  cy.on('tap', (evt) => {
    if (evt.target === cy) clearPanel();
  });

  // --- search ---------------------------------------------------------------------------------
  const norm = (s) => String(s).normalize('NFC').toLowerCase();
  const names = nodes.map((n) => [n.label].concat(n.aliases || []).map(norm));
  const searchResult = byId('kg-search-result');

  // Returns the indices of the matching nodes, best first: an exact name, then a name that
  // starts with the query, then one that contains it; ties in data order.
  function search(query) {
    const q = norm(query).trim();
    cy.batch(() => cy.elements().removeClass('match faded'));
    searchResult.classList.remove('kg-nomatch');
    if (q === '') {
      searchResult.textContent = '';
      return [];
    }
    const scored = [];
    names.forEach((ns, i) => {
      let best = 3;
      for (const name of ns) {
        const trimmed = name.trim();
        if (trimmed === q) best = 0;
        else if (best > 1 && trimmed.startsWith(q)) best = 1;
        else if (best > 2 && name.includes(q)) best = 2;
      }
      if (best < 3) scored.push([best, i]);
    });
    scored.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const found = scored.map((s) => s[1]);
    if (found.length === 0) {
      searchResult.textContent = 'no match';
      searchResult.classList.add('kg-nomatch');
      return found;
    }
    searchResult.textContent = found.length === 1 ? '1 match' : found.length + ' matches';
    cy.batch(() => {
      cy.elements().addClass('faded');
      for (const i of found) cy.getElementById('n' + i).removeClass('faded').addClass('match');
    });
    const first = selectNode(found[0]);
    cy.center(first);
    return found;
  }

  const searchBox = byId('kg-search');
  searchBox.addEventListener('input', () => search(searchBox.value));
  searchBox.addEventListener('keydown', (evt) => {
    if (evt.key === 'Escape') {
      searchBox.value = '';
      search('');
    }
  });

  // --- controls and legend --------------------------------------------------------------------
  const coocBox = byId('kg-cooc');
  function setCooc(on) {
    coocBox.checked = on;
    cy.batch(() => cy.edges('.cooc').toggleClass('hidden', !on));
  }
  coocBox.checked = showCooc;
  coocBox.disabled = coocCount === 0;
  byId('kg-cooc-text').textContent = 'co-occurrence edges (' + coocCount + ')';
  coocBox.addEventListener('change', () => setCooc(coocBox.checked));
  byId('kg-fit').addEventListener('click', () => cy.fit(undefined, 40));

  function buildLegend() {
    const legend = byId('kg-legend');
    const counts = new Map();
    for (const n of nodes) counts.set(n.type, (counts.get(n.type) || 0) + 1);
    const order = (meta.types || []).map((t) => t.type);
    const others = [...counts.keys()].filter((t) => !order.includes(t)).sort();
    legend.appendChild(el('h2', 'Node types'));
    for (const type of order.concat(others)) {
      if (!counts.has(type)) continue;
      const row = el('div', null, 'kg-legend-row');
      row.appendChild(swatch(colorOf(type)));
      row.appendChild(el('span', type));
      row.appendChild(el('span', counts.get(type), 'kg-count'));
      legend.appendChild(row);
    }
    legend.appendChild(el('h2', 'Edges'));
    for (const [cls, text] of [['kg-line', 'relation'], ['kg-line kg-dashed', 'co-occurrence']]) {
      const row = el('div', null, 'kg-legend-row');
      row.appendChild(el('span', null, cls));
      row.appendChild(el('span', text));
      legend.appendChild(row);
    }
    legend.appendChild(el('span', 'node size: weighted degree', 'kg-count'));
    if (nodes.length === 0) legend.hidden = true;
  }

  // --- draw -----------------------------------------------------------------------------------
  // Layouts do not know the window's shape: a tall drawing in a wide window (or the reverse)
  // is turned a quarter, which lets it be drawn larger.
  function matchWindowShape() {
    const bb = cy.nodes().boundingBox();
    const wide = cy.width() >= cy.height();
    if (bb.w === 0 || bb.h === 0 || (bb.w >= bb.h) === wide) return;
    cy.batch(() => cy.nodes().positions((n) => ({x: n.position('y'), y: -n.position('x')})));
    cy.fit(undefined, 40);
  }

  function done() {
    matchWindowShape();
    const n = cy.nodes().length;
    const m = cy.edges().length;
    document.body.dataset.kgNodes = String(n);
    document.body.dataset.kgEdges = String(m);
    byId('kg-status').textContent = n + ' nodes, ' + m + ' edges';
    console.log('kgextract-viewer: drew ' + n + ' nodes, ' + m + ' edges');
  }

  buildLegend();
  byId('kg-empty').hidden = nodes.length > 0;
  window.kgViewer = {cy, data, search, selectNode, selectEdge, setCooc};
  if (nodes.length === 0) {
    done();
  } else {
    const layout = cy.layout(layoutOptions());
    layout.one('layoutstop', done);
    layout.run();
  }
})();
