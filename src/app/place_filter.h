// Which countries a query keeps: --continent / --region in the CLI, ?continent= /
// ?region= in the API. Names compare case-insensitively; an empty name keeps everyone.
#pragma once

#include <string>

#include "core/error.h"
#include "core/model/dataset.h"

namespace ocindex::app {

struct PlaceFilter {
  std::string continent;
  std::string region;

  bool Keeps(const core::CountryEntry& country) const;
};

// kInvalidInput unless `scope` names a scope (world, continent or region): what ranks
// are computed within and groups formed by.
Status ValidateScope(const std::string& scope);

}  // namespace ocindex::app
