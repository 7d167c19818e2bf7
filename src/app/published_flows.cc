#include "app/published_flows.h"

#include <algorithm>
#include <thread>

#include "adapters/catalog/flows.h"

namespace ocindex::app {

const core::Narrative* PublishedFlows::NarrativeOf(const std::string& country, const std::string& edition) const {
  for (size_t i = 0; i < statements.size(); ++i) {
    if (statements[i].country == country && statements[i].edition == edition) return &narratives[i];
  }
  return nullptr;
}

const char* ExtractorFingerprint() { return OCINDEX_EXTRACTOR_FINGERPRINT; }

Result<std::unique_ptr<const PublishedFlows>> LoadPublishedFlows(const core::Geography& geography,
                                                                 std::vector<NarrativeToPublish> narratives,
                                                                 std::vector<size_t>& extracted) {
  auto flows = std::make_unique<PublishedFlows>();
  OCINDEX_ASSIGN_OR_RETURN(flows->gazetteer, adapters::BundledGazetteer());
  std::vector<adapters::NarrativeSource> unread;
  for (size_t i = 0; i < narratives.size(); ++i) {
    if (narratives[i].stored) continue;
    extracted.push_back(i);
    unread.push_back(std::move(narratives[i].source));
  }
  if (!unread.empty()) {
    auto extractor = adapters::BundledFlowExtractor(geography);
    if (!extractor) return extractor.error();
    auto read = adapters::ExtractAll(*extractor, unread, std::max(1u, std::thread::hardware_concurrency()));
    if (!read) return read.error();
    for (size_t k = 0; k < extracted.size(); ++k) {
      narratives[extracted[k]].stored = std::move((*read)[k]);
      narratives[extracted[k]].source = std::move(unread[k]);
    }
  }
  for (NarrativeToPublish& narrative : narratives) {
    flows->statements.push_back(std::move(*narrative.stored));
    flows->narratives.push_back(std::move(narrative.source.narrative));
  }
  flows->graph = core::BuildFlowGraph(flows->statements, {});
  return std::unique_ptr<const PublishedFlows>(std::move(flows));
}

}  // namespace ocindex::app
