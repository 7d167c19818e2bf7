// The workspace's answers as JSON: rounds, worklists, cells as one user may see them,
// progress and publication reports. Schemas in workspace_schemas.cc.
#pragma once

#include <vector>

#include "app/assessment/rounds.h"
#include "faces/server/api_json.h"

namespace ocindex::server {

// "drafting", "reviewer" or "none".
const char* RelationName(core::assessment::Relation relation);
// A score as a number; null when absent.
Json ScoreJson(const std::optional<core::Rational>& value);

Json RoundInfoJson(const app::RoundInfo& info);
Json WorklistJson(const std::string& round, const std::vector<app::WorkItem>& items);
Json CellViewJson(const std::string& round, const core::assessment::CellView& view);
Json OverviewJson(const app::RoundStatus& status);
Json PublishJson(const app::PublishReport& report);

}  // namespace ocindex::server
