// An index edition (framework + dataset) as a pipeline model. The GOCI method is the
// pipeline's special case with no denominators, no imputation, no treatment, no
// normalisation and equal weights: a node that averages indicators becomes an
// aggregate whose children are all indicators beneath it (its groups become display
// groups), a node that averages children stays one. Aggregating this model with the
// weighted arithmetic mean gives the engine's composites (in doubles, not rationals).
#pragma once

#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/framework.h"
#include "core/pipeline/model.h"

namespace ocindex::core::pipeline {

// Units are ISO3 codes, node codes the framework's ids; not-assessed scores are missing.
Result<Model> ModelFromEdition(const Framework& framework, const Dataset& dataset);

}  // namespace ocindex::core::pipeline
