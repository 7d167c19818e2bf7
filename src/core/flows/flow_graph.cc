#include "core/flows/flow_graph.h"

#include <algorithm>
#include <map>
#include <queue>
#include <set>
#include <tuple>

namespace ocindex::core {

std::vector<double> Betweenness(const std::vector<std::vector<int>>& successors) {
  const size_t n = successors.size();
  std::vector<double> centrality(n, 0.0);
  std::vector<std::vector<int>> predecessors(n);
  std::vector<double> paths(n);
  std::vector<int> distance(n);
  std::vector<double> dependency(n);
  std::vector<int> order;
  order.reserve(n);
  for (size_t s = 0; s < n; ++s) {
    for (size_t v = 0; v < n; ++v) {
      predecessors[v].clear();
      paths[v] = 0;
      distance[v] = -1;
      dependency[v] = 0;
    }
    order.clear();
    paths[s] = 1;
    distance[s] = 0;
    std::queue<int> queue;
    queue.push(static_cast<int>(s));
    while (!queue.empty()) {
      const int v = queue.front();
      queue.pop();
      order.push_back(v);
      for (int w : successors[static_cast<size_t>(v)]) {
        const auto wi = static_cast<size_t>(w);
        if (distance[wi] < 0) {
          distance[wi] = distance[static_cast<size_t>(v)] + 1;
          queue.push(w);
        }
        if (distance[wi] == distance[static_cast<size_t>(v)] + 1) {
          paths[wi] += paths[static_cast<size_t>(v)];
          predecessors[wi].push_back(v);
        }
      }
    }
    // Accumulate dependencies in order of non-increasing distance from s.
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const auto w = static_cast<size_t>(*it);
      for (int v : predecessors[w]) {
        const auto vi = static_cast<size_t>(v);
        dependency[vi] += paths[vi] / paths[w] * (1.0 + dependency[w]);
      }
      if (w != s) centrality[w] += dependency[w];
    }
  }
  return centrality;
}

namespace {

// Metrics of one market's edges (or of all, as "*").
void AddMetrics(const std::string& market, const std::set<std::pair<std::string, std::string>>& arcs,
                std::vector<NodeMetrics>& out) {
  std::map<std::string, int> index;
  for (const auto& [from, to] : arcs) {
    index.emplace(from, 0);
    index.emplace(to, 0);
  }
  std::vector<std::string> codes;
  for (auto& [code, i] : index) {
    i = static_cast<int>(codes.size());
    codes.push_back(code);
  }
  std::vector<std::vector<int>> successors(codes.size());
  std::vector<int> in(codes.size(), 0);
  for (const auto& [from, to] : arcs) {
    successors[static_cast<size_t>(index[from])].push_back(index[to]);
    ++in[static_cast<size_t>(index[to])];
  }
  const std::vector<double> betweenness = Betweenness(successors);
  for (size_t i = 0; i < codes.size(); ++i) {
    out.push_back({codes[i], market, in[i], static_cast<int>(successors[i].size()), betweenness[i]});
  }
}

}  // namespace

FlowGraph BuildFlowGraph(const std::vector<NarrativeStatements>& narratives, const FlowGraphOptions& options) {
  std::map<std::tuple<std::string, std::string, std::string>, FlowEdge> edges;
  for (const NarrativeStatements& narrative : narratives) {
    for (const Statement& flow : narrative.statements) {
      if (flow.kind != StatementKind::kFlow || flow.negated || flow.confidence < options.min_confidence) continue;
      if (!options.market.empty() && flow.market != options.market) continue;
      // The path's consecutive hops.
      std::vector<std::vector<std::string>> stops = {flow.origins};
      for (const std::string& via : flow.via) stops.push_back({via});
      stops.push_back(flow.destinations);
      std::set<std::pair<std::string, std::string>> hops;
      for (size_t i = 0; i + 1 < stops.size(); ++i) {
        for (const std::string& from : stops[i]) {
          for (const std::string& to : stops[i + 1]) {
            if (from != to) hops.emplace(from, to);
          }
        }
      }
      for (const auto& [from, to] : hops) {
        FlowEdge& edge = edges[{flow.market, from, to}];
        if (edge.statements == 0) {
          edge.market = flow.market;
          edge.from = from;
          edge.to = to;
        }
        ++edge.statements;
        edge.confidence = std::max(edge.confidence, flow.confidence);
        edge.hedged = edge.hedged && flow.hedged;
        if (std::find(edge.countries.begin(), edge.countries.end(), narrative.country) == edge.countries.end()) {
          edge.countries.push_back(narrative.country);
          std::sort(edge.countries.begin(), edge.countries.end());
        }
        for (const Evidence& evidence : flow.evidence) {
          edge.evidence.push_back({narrative.country, narrative.edition, evidence});
        }
      }
    }
  }
  FlowGraph graph;
  std::map<std::string, std::set<std::pair<std::string, std::string>>> by_market;
  std::set<std::pair<std::string, std::string>> all;
  for (auto& [key, edge] : edges) {
    by_market[edge.market].emplace(edge.from, edge.to);
    all.emplace(edge.from, edge.to);
    graph.edges.push_back(std::move(edge));
  }
  if (!all.empty()) AddMetrics("*", all, graph.metrics);
  for (const auto& [market, arcs] : by_market) AddMetrics(market, arcs, graph.metrics);
  return graph;
}

}  // namespace ocindex::core
