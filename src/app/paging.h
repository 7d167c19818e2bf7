// A page of a row list (the API's ?limit= and ?offset=): at 100,000 units a whole
// ranks or uncertainty list is 20-27 MB, so a client may ask for it in pages. A page
// is cut after the query's filters, so it keeps the list's order.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.h"

namespace ocindex::app {

struct Page {
  // The most rows one page may ask for: 10,000 ranks are about 2.7 MB, within what the
  // response cache keeps.
  static constexpr size_t kMaxLimit = 10000;

  size_t offset = 0;
  size_t limit = kMaxLimit;

  // The client's limit and offset texts, empty when not given: nullopt when neither is
  // (the whole list); kInvalidInput, naming the parameter, unless limit is a whole
  // number from 1 to kMaxLimit and offset one from 0.
  static Result<std::optional<Page>> Parse(std::string_view limit, std::string_view offset);

  // The rows [first, second) of `total` on this page; empty past the end.
  std::pair<size_t, size_t> Bounds(size_t total) const;

  // Keeps this page's rows; answers how many there were.
  template <typename Row>
  size_t Keep(std::vector<Row>& rows) const {
    const size_t total = rows.size();
    const auto [first, last] = Bounds(total);
    rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(last), rows.end());
    rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(first));
    return total;
  }
};

}  // namespace ocindex::app
