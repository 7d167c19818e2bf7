// The flows of every stored narrative, extracted once per narrative revision and kept
// in the store beside it (Store::LoadExtraction), so that a server starts without
// reading any narrative again; the API's flow routes only read this.
#pragma once

#include <memory>
#include <optional>
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

// What reads the stored results: a fingerprint of the extraction rules, lexicon and
// gazetteer this binary was built from (CMake hashes their files), so that results of
// another build are read again rather than served.
const char* ExtractorFingerprint();

// A stored narrative to publish, with the extraction stored for its revision by an
// extractor of this fingerprint, if there is one.
struct NarrativeToPublish {
  adapters::NarrativeSource source;
  int revision = 0;
  std::optional<core::NarrativeStatements> stored;
};

// The flows of the narratives: the stored extractions as they are, the others
// extracted on all cores (their indices into `narratives` go to `extracted`, for the
// caller to store). The lexicon is compiled only when a narrative needs reading, so a
// store whose extractions are all kept starts at once.
Result<std::unique_ptr<const PublishedFlows>> LoadPublishedFlows(const core::Geography& geography,
                                                                 std::vector<NarrativeToPublish> narratives,
                                                                 std::vector<size_t>& extracted);

}  // namespace ocindex::app
