// The JSON bodies of the decision analytics (what-if, target, explain, peers,
// clusters). The API answers with them and `ocindex ... --format json` prints them,
// so both faces give the same document; their schemas are in api_schemas.cc.
#pragma once

#include "app/explain_query.h"
#include "app/peers_query.h"
#include "app/target_query.h"
#include "app/whatif_query.h"
#include "faces/server/api_json.h"

namespace ocindex::server {

Json WhatIfJson(const app::WhatIfAnswer& answer);
Json TargetJson(const app::TargetPlan& plan);
Json ExplainJson(const app::Explanation& explanation);
Json PeersJson(const app::PeersTable& table);
Json ClustersJson(const app::ClustersTable& table);

}  // namespace ocindex::server
