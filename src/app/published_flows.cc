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

Result<std::unique_ptr<const PublishedFlows>> LoadPublishedFlows(const core::Geography& geography,
                                                                 std::vector<adapters::NarrativeSource> sources) {
  auto flows = std::make_unique<PublishedFlows>();
  OCINDEX_ASSIGN_OR_RETURN(flows->gazetteer, adapters::BundledGazetteer());
  if (sources.empty()) return std::unique_ptr<const PublishedFlows>(std::move(flows));
  auto extractor = adapters::BundledFlowExtractor(geography);
  if (!extractor) return extractor.error();
  OCINDEX_ASSIGN_OR_RETURN(flows->statements,
                           adapters::ExtractAll(*extractor, sources, std::max(1u, std::thread::hardware_concurrency())));
  for (adapters::NarrativeSource& source : sources) flows->narratives.push_back(std::move(source.narrative));
  flows->graph = core::BuildFlowGraph(flows->statements, {});
  return std::unique_ptr<const PublishedFlows>(std::move(flows));
}

}  // namespace ocindex::app
