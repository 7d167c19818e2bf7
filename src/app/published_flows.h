// The flows of every stored narrative, extracted once at start-up like the scores
// (engine.h): the API's flow routes only read this and never touch the database.
#pragma once

#include <memory>
#include <vector>

#include "adapters/catalog/flows.h"
#include "core/error.h"
#include "core/flows/flow_graph.h"
#include "core/flows/lexicon.h"
#include "core/flows/statement.h"
#include "core/profile/narrative.h"

namespace ocindex::app {

struct PublishedFlows {
  std::vector<core::NarrativeStatements> statements;  // one per stored narrative (current revision)
  std::vector<core::Narrative> narratives;            // in the same order: evidence offsets point into them
  core::FlowGraph graph;                              // every market, metrics per market and "*"
  core::Gazetteer gazetteer;                          // place names and points

  // The narrative a statement list was read from; nullptr if none is stored.
  const core::Narrative* NarrativeOf(const std::string& country, const std::string& edition) const;
};

// Extracts the flows of the stored narratives the engine has already loaded, on all
// cores. The lexicon is compiled only when there is a narrative, so a store without
// narratives starts at once.
Result<std::unique_ptr<const PublishedFlows>> LoadPublishedFlows(const core::Geography& geography,
                                                                 std::vector<adapters::NarrativeSource> sources);

}  // namespace ocindex::app
