// A round as its journal stream stores it. The first entry holds the round's
// definition; every later entry is one write (a draft, a transition, a comment, an
// assignment, a phase change) with a JSON payload. One function applies an entry to
// the ledger both when the write is made and when the stream is replayed, so what is
// stored is exactly what was done.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/store/store.h"
#include "core/assessment/assignment.h"
#include "core/assessment/ledger.h"
#include "core/assessment/submission.h"
#include "core/error.h"
#include "core/model/dataset.h"

namespace ocindex::app {

using Json = nlohmann::ordered_json;

// What a round is made from, stored verbatim in its first entry ("round.create").
struct RoundDefinition {
  std::string id;
  std::string edition;         // the edition it publishes as
  std::string framework_toml;  // the rules, kept verbatim
  std::string baseline_edition;  // "" for a round without a baseline
  int baseline_revision = 0;
  std::vector<core::CountryEntry> countries;  // assessed; `region` groups calibration
  std::map<std::string, int> narratives;      // ISO3 -> the baseline narrative's revision
};

Json DefinitionJson(const RoundDefinition& definition);
Result<RoundDefinition> DefinitionFrom(const Json& json);

Json SubmissionJson(const core::assessment::Submission& submission);
// The expert is not read: it is whoever writes.
Result<core::assessment::Submission> SubmissionFrom(const Json& json);

Json AssignmentsJson(const core::assessment::Assignments& assignments);
Result<core::assessment::Assignments> AssignmentsFrom(const Json& json);

// "round/<id>": the journal stream of a round.
std::string RoundStream(const std::string& round_id);

// Applies one entry after the first to the ledger, as its actor (with the role in the
// payload) at its time. Errors are the ledger's (a replayed entry that fails means the
// stream and the domain disagree: the caller reports kCorrupt).
Status ApplyEntry(core::assessment::RoundLedger& ledger, const adapters::JournalEntry& entry);
// The same with the payload already parsed (a write being made has it at hand).
Status ApplyEntry(core::assessment::RoundLedger& ledger, const adapters::JournalEntry& entry, const Json& payload);

// Parses a payload; kCorrupt naming the entry when it is not JSON.
Result<Json> PayloadOf(const adapters::JournalEntry& entry);

}  // namespace ocindex::app
