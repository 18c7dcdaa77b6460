// Builders of small hand-made graphs for the graph-stage tests.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph.h"

namespace kg {

inline Span MakeSpan(std::string doc, uint32_t start, uint32_t end, std::string text,
                     std::string rule = "test") {
  Span s;
  s.doc = std::move(doc);
  s.start = start;
  s.end = end;
  s.text = std::move(text);
  s.rule = std::move(rule);
  return s;
}

inline Graph::vertex_descriptor AddNode(KnowledgeGraph* kg, std::string id, std::string label,
                                        std::string type) {
  NodeProps n;
  n.id = std::move(id);
  n.label = std::move(label);
  n.type = std::move(type);
  return boost::add_vertex(std::move(n), kg->graph);
}

inline void AddEdge(KnowledgeGraph* kg, Graph::vertex_descriptor u, Graph::vertex_descriptor v,
                    std::string relation, double weight, std::vector<Span> evidence = {},
                    std::string role = "", bool symmetric = false) {
  EdgeProps p;
  p.relation = std::move(relation);
  p.role = std::move(role);
  p.weight = weight;
  p.symmetric = symmetric;
  p.evidence = std::move(evidence);
  boost::add_edge(u, v, std::move(p), kg->graph);
}

}  // namespace kg
