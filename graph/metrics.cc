// Stage 6b: the edge filter and the graph analytics written into every export.
//
// Every metric is computed over vertices and edges in index order, so equal graphs give
// bit-identical doubles; betweenness runs on several threads in fixed blocks of sources added in
// block order, so its doubles do not depend on the thread count either. The reference for each
// number is NetworkX (see tests/graph_metrics_test.cc, which pins values computed with NetworkX
// 2.8).
//
//   degree, weighted_degree  in + out edges (a self-loop counts twice, as in NetworkX)
//   betweenness              Brandes on the simple undirected graph, not normalised (sampled
//                            sources above a size bound, see Betweenness)
//   pagerank                 power iteration on the weighted directed graph
//   component                connected components of the undirected graph
//   community                Louvain (Blondel et al. 2008), deterministic node order
#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/range/iterator_range.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "graph/graph.h"
#include "graph/parallel.h"

namespace kg {
namespace {

// PageRank and Louvain need positive weights: a zero, negative, NaN or infinite weight (only a
// hand-built graph can hold one) would make ranks negative or NaN, so such edges are left out.
bool UsableWeight(double w) { return std::isfinite(w) && w > 0.0; }

// Labels 0..k-1 renumbered so that 0 is the largest class, ties broken by the smallest vertex
// index in the class.
std::vector<int> RenumberBySize(const std::vector<int>& labels) {
  int classes = 0;
  for (int l : labels) classes = std::max(classes, l + 1);
  std::vector<size_t> size(classes, 0), first(classes, labels.size());
  for (size_t v = 0; v < labels.size(); ++v) {
    ++size[labels[v]];
    first[labels[v]] = std::min(first[labels[v]], v);
  }
  std::vector<int> order;
  for (int c = 0; c < classes; ++c) {
    if (size[c] > 0) order.push_back(c);
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return std::tie(size[b], first[a]) < std::tie(size[a], first[b]);
  });
  std::vector<int> rank(classes, -1);
  for (size_t i = 0; i < order.size(); ++i) rank[order[i]] = static_cast<int>(i);
  std::vector<int> out(labels.size());
  for (size_t v = 0; v < labels.size(); ++v) out[v] = rank[labels[v]];
  return out;
}

// The simple undirected graph as a CSR: direction ignored, parallel edges collapsed, self-loops
// dropped (they lie on no shortest path and join no components). adj[offset[v] ..
// offset[v + 1]) are v's neighbours, in index order. Built straight from each vertex's in- and
// out-edges into one array, so there is no allocation per edge. Neighbours are 32-bit (four
// billion nodes would not fit in memory anyway): half the bytes Brandes' BFS streams through.
struct UndirectedGraph {
  std::vector<size_t> offset;
  std::vector<uint32_t> adj;

  size_t size() const { return offset.size() - 1; }
  size_t degree(size_t v) const { return offset[v + 1] - offset[v]; }
  size_t num_edges() const { return adj.size() / 2; }
};

UndirectedGraph SimpleUndirected(const Graph& g) {
  const size_t n = boost::num_vertices(g);
  UndirectedGraph ug;
  ug.offset.assign(n + 1, 0);
  ug.adj.reserve(2 * boost::num_edges(g));  // an upper bound: parallel edges and loops fewer
  for (size_t v = 0; v < n; ++v) {
    const size_t begin = ug.adj.size();
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      const size_t w = boost::target(e, g);
      if (w != v) ug.adj.push_back(static_cast<uint32_t>(w));
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      const size_t w = boost::source(e, g);
      if (w != v) ug.adj.push_back(static_cast<uint32_t>(w));
    }
    const auto first = ug.adj.begin() + static_cast<std::ptrdiff_t>(begin);
    std::sort(first, ug.adj.end());
    ug.adj.erase(std::unique(first, ug.adj.end()), ug.adj.end());
    ug.offset[v + 1] = ug.adj.size();
  }
  return ug;
}

// Connected components labelled by their smallest vertex's rank among the components' smallest
// vertices (as Boost's connected_components numbers them); RenumberBySize depends only on the
// partition anyway.
std::vector<int> Components(const UndirectedGraph& ug) {
  const size_t n = ug.size();
  std::vector<int> label(n, -1);
  std::vector<size_t> queue;
  int next = 0;
  for (size_t s = 0; s < n; ++s) {
    if (label[s] >= 0) continue;
    label[s] = next;
    queue.assign(1, s);
    for (size_t head = 0; head < queue.size(); ++head) {
      const size_t v = queue[head];
      for (size_t a = ug.offset[v]; a < ug.offset[v + 1]; ++a) {
        const size_t w = ug.adj[a];
        if (label[w] < 0) {
          label[w] = next;
          queue.push_back(w);
        }
      }
    }
    ++next;
  }
  return label;
}

// Unnormalised betweenness as NetworkX's betweenness_centrality(G, normalized=False) on the
// undirected graph: Brandes' accumulation from every source, each (s, t) pair met in both
// orders, so the sums are halved and each unordered pair counts once. The accumulation is
// Boost's brandes_betweenness_centrality step for step (BFS in adjacency order, dependencies in
// reverse BFS order), so a graph of one block of sources gives Boost's doubles.
//
// Brandes costs O(V * E). Measured with Boost's on random graphs (release, CPU time on a busy
// machine): 2000 nodes / 20000 edges 0.9 s, 20000 nodes / 100000 edges 265 s. So above
// kExactBetweennessWork (V * E) the sums run from k sources, every (V / k)-th vertex, scaled by
// V / k, as NetworkX's betweenness_centrality(G, k) does with random sources (Brandes and Pich
// 2007). k is kSampledSources, fewer if k * E would pass the same bound: 50000 nodes / 500000
// edges then take 3.5 s. An estimate, not exact (a hub of the 20000-node graph: 18% low); the
// graphs of a batch of reports (hundreds to a few thousand nodes) stay exact.
//
// The sources run in blocks of kBetweennessBlock on `threads` threads; each block sums its
// sources into its own vector and the blocks are added in block order. The block boundaries do
// not depend on the thread count, so neither do the doubles. Sampled, a corpus's graph has
// about a hundred sources: blocks of kSampledBlock, else they were one block on one thread.
constexpr double kExactBetweennessWork = 5e7;
constexpr size_t kSampledSources = 500;
constexpr size_t kBetweennessBlock = 128;
constexpr size_t kSampledBlock = 8;

std::vector<double> Betweenness(const UndirectedGraph& ug, int threads) {
  const size_t n = ug.size();
  std::vector<double> centrality(n, 0.0);
  const double work = static_cast<double>(n) * static_cast<double>(ug.num_edges());
  // Sources: every vertex with an edge (an unconnected vertex lies on no path and, as a source,
  // adds nothing; skipping it spares O(V) per source, issue 12), or the k sampled ones.
  std::vector<size_t> sources;
  double scale = 0.5;
  size_t block_size = kBetweennessBlock;
  if (work <= kExactBetweennessWork) {
    for (size_t v = 0; v < n; ++v) {
      if (ug.degree(v) > 0) sources.push_back(v);
    }
  } else {
    const size_t k = std::clamp<size_t>(
        static_cast<size_t>(kExactBetweennessWork / static_cast<double>(ug.num_edges())), 1,
        kSampledSources);
    for (size_t i = 0; i < k; ++i) sources.push_back(i * n / k);
    scale = static_cast<double>(n) / static_cast<double>(k) / 2.0;
    block_size = kSampledBlock;
  }
  const std::vector<size_t>& offset = ug.offset;
  const std::vector<uint32_t>& adj = ug.adj;
  // One block's sums. The per-source arrays are reset only where the BFS reached, so a source
  // costs O(its component), not O(V).
  auto block_sums = [&](size_t block) {
    std::vector<double> sums(n, 0.0), sigma(n, 0.0), delta(n, 0.0);
    std::vector<int32_t> dist(n, -1);  // a BFS depth is below n
    std::vector<uint32_t> order;
    const size_t end = std::min(sources.size(), (block + 1) * block_size);
    for (size_t i = block * block_size; i < end; ++i) {
      const size_t s = sources[i];
      order.clear();
      dist[s] = 0;
      sigma[s] = 1.0;
      order.push_back(static_cast<uint32_t>(s));
      for (size_t head = 0; head < order.size(); ++head) {  // BFS; `order` is the queue
        const size_t v = order[head];
        for (size_t a = offset[v]; a < offset[v + 1]; ++a) {
          const uint32_t w = adj[a];
          if (dist[w] < 0) {
            dist[w] = dist[v] + 1;
            order.push_back(w);
          }
          if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
        }
      }
      for (size_t j = order.size(); j-- > 1;) {  // reverse BFS order, the source excluded
        const size_t w = order[j];
        for (size_t a = offset[w]; a < offset[w + 1]; ++a) {
          const size_t v = adj[a];
          if (dist[v] == dist[w] - 1) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
        }
        sums[w] += delta[w];
      }
      for (size_t v : order) {
        dist[v] = -1;
        sigma[v] = 0.0;
        delta[v] = 0.0;
      }
    }
    return sums;
  };
  const size_t blocks = (sources.size() + block_size - 1) / block_size;
  OrderedParallel<std::vector<double>>(blocks, threads, 2 * static_cast<size_t>(threads) + 1,
                                       block_sums, [&](size_t, std::vector<double>&& sums) {
                                         for (size_t v = 0; v < n; ++v) centrality[v] += sums[v];
                                         return true;
                                       });
  for (double& c : centrality) c *= scale;
  return centrality;
}

// Boost's page_rank is unweighted, lets the rank of dangling nodes leak away and uses
// (1 - d) instead of (1 - d) / N, so it does not give NetworkX's numbers; this is NetworkX's
// pagerank: a directed graph whose arc weights sum parallel edges, a symmetric edge an arc
// each way, dangling rank spread uniformly, uniform teleport.
std::vector<double> PageRank(const Graph& g) {
  constexpr double kDamping = 0.85;
  constexpr double kTolerance = 1e-12;  // L1 change between iterations
  constexpr int kMaxIterations = 1000;
  const size_t n = boost::num_vertices(g);
  if (n == 0) return {};
  struct Arc {
    size_t from, to;
    double weight;
  };
  size_t arc_count = 0;  // counted first so that `arcs` is allocated once, at its size
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    if (UsableWeight(g[e].weight)) arc_count += g[e].symmetric ? 2 : 1;
  }
  std::vector<Arc> arcs;
  arcs.reserve(arc_count);
  std::vector<double> out_weight(n, 0.0);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const double w = g[e].weight;
    if (!UsableWeight(w)) continue;
    const size_t u = boost::source(e, g), v = boost::target(e, g);
    arcs.push_back({u, v, w});
    out_weight[u] += w;
    if (g[e].symmetric) {
      arcs.push_back({v, u, w});
      out_weight[v] += w;
    }
  }
  for (Arc& arc : arcs) arc.weight /= out_weight[arc.from];
  std::vector<size_t> dangling;
  for (size_t v = 0; v < n; ++v) {
    if (out_weight[v] == 0.0) dangling.push_back(v);
  }
  const double inv_n = 1.0 / static_cast<double>(n);
  std::vector<double> rank(n, inv_n), next(n);
  for (int it = 0; it < kMaxIterations; ++it) {
    double dangling_sum = 0.0;
    for (size_t v : dangling) dangling_sum += rank[v];
    std::fill(next.begin(), next.end(), (1.0 - kDamping + kDamping * dangling_sum) * inv_n);
    for (const Arc& arc : arcs) next[arc.to] += kDamping * rank[arc.from] * arc.weight;
    double change = 0.0;
    for (size_t v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < kTolerance) break;
  }
  return rank;
}

// An undirected weighted graph for Louvain: each unordered pair once in `adj` of both ends,
// self-loops apart (a self-loop adds its weight twice to the node's degree, as in NetworkX).
struct WeightedGraph {
  std::vector<size_t> offset;  // adj[offset[v] .. offset[v + 1]) are v's neighbours
  std::vector<std::pair<size_t, double>> adj;
  std::vector<double> self_loop;

  size_t size() const { return self_loop.size(); }

  // `for_each_edge(emit)` calls emit(min, max, weight), min < max, for every edge in a fixed
  // order, the same on both calls; parallel entries are summed in that order. The edges are
  // bucketed by `min` (a counting sort, stable) and each bucket stably sorted by `max`, so the
  // sums are the same bits every run, with no copy of the edge list beyond the buckets.
  template <typename ForEachEdge>
  static WeightedGraph Build(size_t n, ForEachEdge for_each_edge, std::vector<double> self_loop) {
    struct Entry {
      size_t to;
      double weight;
    };
    std::vector<size_t> bucket(n + 1, 0);  // bucket[a] .. bucket[a + 1]: the edges of min a
    for_each_edge([&](size_t a, size_t, double) { ++bucket[a + 1]; });
    for (size_t v = 0; v < n; ++v) bucket[v + 1] += bucket[v];
    std::vector<Entry> entries(bucket[n]);
    {
      std::vector<size_t> fill(bucket.begin(), bucket.end() - 1);
      for_each_edge([&](size_t a, size_t b, double w) { entries[fill[a]++] = {b, w}; });
    }
    // Sort each bucket stably by `max` and sum its runs in place; merged[a] .. merged[a + 1]
    // are the unique neighbours above a.
    std::vector<size_t> merged(n + 1, 0), degree(n, 0);
    size_t out = 0;
    for (size_t v = 0; v < n; ++v) {
      const auto first = entries.begin() + static_cast<std::ptrdiff_t>(bucket[v]);
      const auto last = entries.begin() + static_cast<std::ptrdiff_t>(bucket[v + 1]);
      auto by_to = [](const Entry& x, const Entry& y) { return x.to < y.to; };
      if (last - first <= 32) {  // insertion sort: stable, no allocation
        for (auto it = first; it != last; ++it) {
          const Entry e = *it;
          auto hole = it;
          for (; hole != first && e.to < (hole - 1)->to; --hole) *hole = *(hole - 1);
          *hole = e;
        }
      } else {
        std::stable_sort(first, last, by_to);
      }
      for (auto it = first; it != last; ++it) {
        if (out > merged[v] && entries[out - 1].to == it->to) {
          entries[out - 1].weight += it->weight;
        } else {
          entries[out++] = *it;
        }
      }
      merged[v + 1] = out;
      degree[v] += merged[v + 1] - merged[v];
      for (size_t i = merged[v]; i < out; ++i) ++degree[entries[i].to];
    }
    bucket = {};
    WeightedGraph wg;
    wg.self_loop = std::move(self_loop);
    wg.offset.assign(n + 1, 0);
    for (size_t v = 0; v < n; ++v) wg.offset[v + 1] = wg.offset[v] + degree[v];
    degree = {};
    wg.adj.resize(wg.offset[n]);
    std::vector<size_t> fill(wg.offset.begin(), wg.offset.end() - 1);
    // In (min, max) order, so every neighbour list comes out in increasing index order.
    for (size_t a = 0; a < n; ++a) {
      for (size_t i = merged[a]; i < merged[a + 1]; ++i) {
        const auto [b, w] = entries[i];
        wg.adj[fill[a]++] = {b, w};
        wg.adj[fill[b]++] = {a, w};
      }
    }
    return wg;
  }
};

// One Louvain level: local moves in vertex index order until a pass moves nothing. Returns
// whether any node changed community; `community` gets a label per node.
bool LouvainLevel(const WeightedGraph& wg, std::vector<size_t>* community) {
  const size_t n = wg.size();
  std::vector<double> degree(n, 0.0);
  double two_m = 0.0;
  for (size_t v = 0; v < n; ++v) {
    degree[v] = 2.0 * wg.self_loop[v];
    for (size_t a = wg.offset[v]; a < wg.offset[v + 1]; ++a) degree[v] += wg.adj[a].second;
    two_m += degree[v];
  }
  std::vector<size_t>& comm = *community;
  comm.resize(n);
  for (size_t v = 0; v < n; ++v) comm[v] = v;
  if (two_m <= 0.0) return false;
  std::vector<double> total = degree;  // sum of member degrees per community
  std::vector<double> link(n, 0.0);    // weight from the current node to each community
  std::vector<char> seen(n, 0);
  std::vector<size_t> touched;
  // A move must gain more than this: guards against two communities of equal gain trading a
  // node back and forth on rounding noise.
  const double epsilon = 1e-12 * two_m;
  constexpr int kMaxPasses = 1000;
  bool moved_any = false;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    bool moved = false;
    for (size_t v = 0; v < n; ++v) {
      touched.clear();
      for (size_t a = wg.offset[v]; a < wg.offset[v + 1]; ++a) {
        const size_t c = comm[wg.adj[a].first];
        if (!seen[c]) {
          seen[c] = 1;
          touched.push_back(c);
        }
        link[c] += wg.adj[a].second;
      }
      const size_t own = comm[v];
      total[own] -= degree[v];
      // Gain of joining c, up to a factor 1/m common to all c (resolution 1).
      auto gain = [&](size_t c) { return link[c] - total[c] * degree[v] / two_m; };
      size_t best = own;
      double best_gain = gain(own);
      for (size_t c : touched) {
        if (c == own) continue;
        const double g = gain(c);
        if (g > best_gain + epsilon) {
          best = c;
          best_gain = g;
        }
      }
      total[best] += degree[v];
      if (best != own) {
        comm[v] = best;
        moved = true;
      }
      for (size_t c : touched) {
        link[c] = 0.0;
        seen[c] = 0;
      }
    }
    if (!moved) break;
    moved_any = true;
  }
  return moved_any;
}

std::vector<int> Louvain(const Graph& g) {
  const size_t n = boost::num_vertices(g);
  std::vector<double> self_loop(n, 0.0);
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const double w = g[e].weight;
    const size_t u = boost::source(e, g);
    if (UsableWeight(w) && u == boost::target(e, g)) self_loop[u] += w;
  }
  WeightedGraph level = WeightedGraph::Build(
      n,
      [&](auto emit) {
        for (auto e : boost::make_iterator_range(boost::edges(g))) {
          const double w = g[e].weight;
          if (!UsableWeight(w)) continue;
          const size_t u = boost::source(e, g), v = boost::target(e, g);
          if (u != v) emit(std::min(u, v), std::max(u, v), w);
        }
      },
      std::move(self_loop));
  std::vector<size_t> member(n);  // each original node's node in the current level
  for (size_t v = 0; v < n; ++v) member[v] = v;
  std::vector<size_t> comm;
  while (LouvainLevel(level, &comm)) {
    // Communities become the nodes of the next level, numbered in order of first member.
    const size_t k = level.size();
    std::vector<size_t> id(k, k);
    size_t next = 0;
    for (size_t v = 0; v < k; ++v) {
      if (id[comm[v]] == k) id[comm[v]] = next++;
    }
    std::vector<double> agg_self(next, 0.0);
    for (size_t v = 0; v < k; ++v) {
      const size_t cv = id[comm[v]];
      agg_self[cv] += level.self_loop[v];
      for (size_t a = level.offset[v]; a < level.offset[v + 1]; ++a) {
        const auto [w, weight] = level.adj[a];
        if (w >= v && id[comm[w]] == cv) agg_self[cv] += weight;
      }
    }
    for (size_t& m : member) m = id[comm[m]];
    WeightedGraph aggregated = WeightedGraph::Build(
        next,
        [&](auto emit) {
          for (size_t v = 0; v < k; ++v) {
            const size_t cv = id[comm[v]];
            for (size_t a = level.offset[v]; a < level.offset[v + 1]; ++a) {
              const auto [w, weight] = level.adj[a];
              if (w < v) continue;  // each undirected pair once
              const size_t cw = id[comm[w]];
              if (cv != cw) emit(std::min(cv, cw), std::max(cv, cw), weight);
            }
          }
        },
        std::move(agg_self));
    level = std::move(aggregated);
  }
  std::vector<int> labels(n);
  for (size_t v = 0; v < n; ++v) labels[v] = static_cast<int>(member[v]);
  return RenumberBySize(labels);
}

}  // namespace

void FilterEdges(const EdgeFilter& filter, KnowledgeGraph* kgraph) {
  Graph& g = kgraph->graph;
  boost::remove_edge_if(
      [&](Graph::edge_descriptor e) {
        const EdgeProps& p = g[e];
        if (p.weight < filter.min_weight) return true;
        return !filter.relations.empty() &&
               std::find(filter.relations.begin(), filter.relations.end(), p.relation) ==
                   filter.relations.end();
      },
      g);
}

void AnnotateMetrics(KnowledgeGraph* kgraph, int threads) {
  Graph& g = kgraph->graph;
  const size_t n = boost::num_vertices(g);
  for (size_t v = 0; v < n; ++v) {
    NodeProps& p = g[v];
    p.degree = static_cast<int>(boost::in_degree(v, g) + boost::out_degree(v, g));
    // Out-edges then in-edges, each in list order: a fixed summation order.
    p.weighted_degree = 0.0;
    for (auto e : boost::make_iterator_range(boost::out_edges(v, g))) {
      p.weighted_degree += g[e].weight;
    }
    for (auto e : boost::make_iterator_range(boost::in_edges(v, g))) {
      p.weighted_degree += g[e].weight;
    }
  }
  std::vector<double> betweenness;
  std::vector<int> component;
  {
    const UndirectedGraph ug = SimpleUndirected(g);  // freed before PageRank and Louvain
    betweenness = Betweenness(ug, threads);
    component = RenumberBySize(Components(ug));
  }
  const std::vector<double> pagerank = PageRank(g);
  const std::vector<int> community = Louvain(g);
  for (size_t v = 0; v < n; ++v) {
    g[v].betweenness = betweenness[v];
    g[v].pagerank = pagerank[v];
    g[v].component = component[v];
    g[v].community = community[v];
  }
}

}  // namespace kg
