// Weighted means of a node's children, for every unit at once.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/pipeline/spec.h"

namespace ocindex::core::pipeline {

// out[u] = weighted mean (per `step`) of children[k][u] with weights[k], the weights
// re-normalised over the children present for unit u; missing when none is present
// or their weights sum to 0. `sum` and `weight_sum` are scratch of n doubles each.
// Every mean but the arithmetic one (geometric, harmonic, generalised of order p != 1)
// needs strictly positive values: a zero or negative one fails, naming the unit (from
// `unit_codes`), `node` and the value.
Status AggregateNode(const std::vector<const double*>& children, const std::vector<double>& weights, size_t n,
                     const AggregateStep& step, double* out, double* sum, double* weight_sum,
                     const std::string& node, const std::vector<const std::string*>& unit_codes);

}  // namespace ocindex::core::pipeline
