// A bundled edition as the core's Edition (framework and dataset), for the core tests
// that work on whole editions.
#pragma once

#include <string>

#include "core/model/dataset.h"
#include "support/bundled_editions.h"

namespace ocindex::test {

inline core::Edition BundledCoreEdition(const std::string& id) {
  const adapters::EditionToStore& stored = BundledEdition(id);
  return core::Edition{stored.framework, stored.dataset};
}

}  // namespace ocindex::test
