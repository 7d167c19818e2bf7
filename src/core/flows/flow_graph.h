// The flow graph: flow statements of many narratives merged into one directed graph
// per market (nodes are countries and regions, edges carry the evidence of every
// narrative that states them), with per-node metrics: in/out degree and betweenness
// centrality (Brandes), which finds the transit hubs. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/flows/statement.h"

namespace ocindex::core {

// One sentence that states an edge: whose narrative, which edition, where.
struct EdgeEvidence {
  std::string country;  // the narrative's subject (ISO3)
  std::string edition;
  Evidence evidence;
};

struct FlowEdge {
  std::string market;  // indicator id
  std::string from;    // place code
  std::string to;
  int statements = 0;  // flow statements that contain the edge
  double confidence = 0;  // the highest of those statements
  bool hedged = true;     // every statement stating it is hedged
  std::vector<std::string> countries;  // narratives that state it, sorted
  std::vector<EdgeEvidence> evidence;
};

// Metrics of one node within one market's graph, or within all markets together
// (market "*": an edge between two nodes counts once whatever its markets).
struct NodeMetrics {
  std::string code;
  std::string market;
  int in_degree = 0;   // distinct predecessors
  int out_degree = 0;  // distinct successors
  // Unnormalised betweenness: the sum over ordered pairs (s, t), s != node != t, of
  // the share of shortest s->t paths that pass through the node.
  double betweenness = 0;
};

struct FlowGraph {
  std::vector<FlowEdge> edges;       // sorted by market, from, to
  std::vector<NodeMetrics> metrics;  // sorted by market ("*" first), then code
};

struct FlowGraphOptions {
  std::string market;          // keep only this market's flows; empty keeps all
  double min_confidence = 0;   // drop flows below this confidence
};

// Merges the flow statements (negated ones never count) into edges: a flow
// O -> V1 -> ... -> Vk -> D gives the edges o->V1, V1->V2, ..., Vk->d for every
// origin o and destination d (o->d when it names no transit point); then computes
// the metrics.
FlowGraph BuildFlowGraph(const std::vector<NarrativeStatements>& narratives, const FlowGraphOptions& options);

// Brandes' betweenness on a directed, unweighted graph of `n` nodes given as
// adjacency lists (successor indices, without duplicates). Unnormalised.
std::vector<double> Betweenness(const std::vector<std::vector<int>>& successors);

}  // namespace ocindex::core
