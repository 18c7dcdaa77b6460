// Text helpers shared by the exporters of graph/export_*.cc, the viewer and the pictures
// (internal to graph/; not part of export.h).
//
// Every exporter must turn the same graph into the same bytes and must never throw on a
// hand-built graph, so they share one definition of "valid text", one number format and one
// edge label. Defined in graph/export_graphml.cc.
//
// THREAD SAFETY: plain functions without state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace kg::export_text {

// `s` with every invalid UTF-8 sequence replaced by U+FFFD (what the JSON writer does).
std::string ValidUtf8(std::string_view s);

// `s` without the characters XML 1.0 cannot hold (as AppendXmlEscaped drops them), and with
// invalid UTF-8 replaced by U+FFFD. For text that ends up in XML later (DOT labels in SVG).
std::string XmlChars(std::string_view s);

// Appends `s` escaped for XML 1.0 character data (attribute = false) or a double-quoted
// attribute value (attribute = true): & < > " ' become references, and so do carriage returns
// (and, in attributes, tabs and newlines, which parsers would otherwise turn into spaces).
// Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and carriage
// return; U+FFFE, U+FFFF) are dropped; invalid UTF-8 becomes U+FFFD.
void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out);

// The shortest text that reads back as the same double ("2", "0.1", "1e+21"); NaN and the
// infinities as xs:double spells them ("NaN", "INF", "-INF").
std::string FormatDouble(double v);

// The strings joined with '|' (lists in GraphML, GEXF and CSV cells).
std::string JoinPipe(const std::vector<std::string>& parts);

// Spans (a node's mentions, an edge's evidence) per document as compact JSON, keys sorted as in
// the node-link JSON's "document_counts": {"a.md":2,"b.html":1}. GraphML, GEXF and CSV carry it
// as a string attribute "document_counts" in corpus graphs (more than one document).
std::string DocumentCounts(const std::vector<DocumentCount>& counts);

// An edge's human label: its relation, and its role in parentheses when it has one
// ("affiliated_with (host)"). Unique among the parallel edges of one ordered node pair in a
// merged graph, which merges equal (source, target, relation, role).
std::string EdgeLabel(const EdgeProps& edge);

}  // namespace kg::export_text
