// The Runner's fast path allocates nothing once its buffers exist: the uncertainty
// engine runs it thousands of times per second. Counts every operator new in this
// test binary.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "core/pipeline/run.h"

namespace {
std::atomic<long> allocations{0};
}  // namespace

// GCC 12 cannot see that these replacements pair malloc with free throughout.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace ocindex::core::pipeline {
namespace {

Node MakeNode(std::string code, std::string parent, int level, int direction = 1) {
  Node node;
  node.code = std::move(code);
  node.parent_code = std::move(parent);
  node.level = level;
  node.direction = direction;
  return node;
}

TEST(Runner, RunsFromACheckpointWithoutAllocating) {
  Model model;
  model.units = {"A", "B", "C", "D", "E", "F"};
  model.nodes = {MakeNode("x", "P", 1), MakeNode("y", "P", 1, -1), MakeNode("z", "Q", 1), MakeNode("P", "I", 2),
                 MakeNode("Q", "I", 2), MakeNode("I", "", 3)};
  model.data = Matrix(6, 3);
  for (size_t u = 0; u < 6; ++u) {
    model.data.at(u, 0) = static_cast<double>(u * u);
    model.data.at(u, 1) = static_cast<double>(u % 3) + 1;
    model.data.at(u, 2) = u == 5 ? 100 : static_cast<double>(u);
  }
  ASSERT_TRUE(model.Link());
  Runner runner(model);
  ASSERT_TRUE(runner.Checkpoint(Spec{{ImputeStep{ImputeMethod::kGroupMean, ""}}}));
  const Spec rest{{TreatStep{}, NormaliseStep{NormaliseMethod::kZScore, 10, 2},
                   WeightStep{WeightMethod::kExplicit, {{"P", 2}, {"Q", 1}}},
                   AggregateStep{AggregationMethod::kGeometric, 1}}};
  ASSERT_TRUE(runner.RunFromCheckpoint(rest));  // sizes the buffers
  const long before = allocations.load();
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(runner.RunFromCheckpoint(rest));
  EXPECT_EQ(allocations.load() - before, 0);
  EXPECT_FALSE(IsMissing(runner.scores().at(0, 5)));
}

}  // namespace
}  // namespace ocindex::core::pipeline
