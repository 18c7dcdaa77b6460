// Stages 4 and 5 of kgextract: one document's graph from its extraction (resolution and
// relation inference).
//
//   kg::Extraction extraction = kg::Extract(tokenized, rules);                 // stage 3
//   kg::DocumentGraph dg = kg::ResolveDocument(tokenized, extraction, rules);  // per document
//
// Resolution makes one node per real entity within a document: "Jay" joins "Jay Miller",
// "PSF" joins "Python Software Foundation", "Simon Willison's" is "Simon Willison"; the
// first-person author becomes one narrator node. The documents' graphs are then merged into
// one (graph/graph.h, MergeDocuments).
//
// The only graph/ header that includes the extractors (it reads their Extraction and RuleSet).
//
// THREAD SAFETY: ResolveDocument is reentrant (run one per worker).
#pragma once

#include <cstddef>

#include "extractors/extract.h"
#include "graph/graph.h"

namespace kg {

// The limits of one document's graph (the defaults are graph/graph.h's kDefault* constants).
struct ResolveOptions {
  // Evidence spans kept per edge (the first ones, in document order); an edge's weight still
  // counts every statement. SIZE_MAX keeps all.
  size_t max_evidence = kDefaultMaxEvidence;
  // Co-occurrence pairs per sentence (pairs of entity ids in sorted order; the first ones are
  // kept). SIZE_MAX keeps all.
  size_t max_pairs_per_sentence = kDefaultMaxPairsPerSentence;
  // Mentions per document: the first ones in document order, and the relations between them;
  // the rest are not used (DocumentGraph::mentions_dropped). SIZE_MAX uses all.
  size_t max_mentions = kDefaultMaxMentions;
  // Mention spans per node (the first ones), as GraphMerger keeps no more (--mentions); the
  // node's mention_counts counts them all. SIZE_MAX keeps all.
  size_t max_node_mentions = SIZE_MAX;
};

// The graph of one document: its extraction's entities resolved to nodes, its relations and
// co-occurrences as edges, within the limits of `options` (the counts of what they left out
// are in the result). Requires `extraction` to be Extract(doc, rules)'s.
DocumentGraph ResolveDocument(const TokenizedDocument& doc, const Extraction& extraction,
                              const RuleSet& rules, const ResolveOptions& options = {});

}  // namespace kg
