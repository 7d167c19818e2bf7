#include "app/assessment/round_events.h"

#include <fmt/format.h>

#include "core/assessment/names.h"

namespace ocindex::app {
namespace as = core::assessment;
namespace {

// The JSON library throws on a missing key or a wrong type; every reader below runs
// inside Decode, which turns that into kInvalidInput naming what was being read.
template <typename F>
auto Decode(const char* what, F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const Json::exception& e) {
    return MakeError(ErrorCode::kInvalidInput, fmt::format("{}: {}", what, e.what()));
  }
}

Json Users(const std::vector<as::UserRef>& users) {
  Json out = Json::array();
  for (const as::UserRef& user : users) out.push_back(user.id);
  return out;
}

std::vector<as::UserRef> UsersFrom(const Json& json) {
  std::vector<as::UserRef> users;
  for (const Json& id : json) users.push_back({id.get<std::string>()});
  return users;
}

Json TeamJson(const std::string& iso3, const std::string& item, const as::Team& team) {
  return Json{{"iso3", iso3}, {"item", item}, {"drafting", Users(team.drafting)}, {"reviewers", Users(team.reviewers)}};
}

as::Team TeamFrom(const Json& json) { return {UsersFrom(json.at("drafting")), UsersFrom(json.at("reviewers"))}; }

Result<core::Rational> ScoreFrom(const Json& json, const char* what) {
  auto value = core::Rational::ParseDecimal(json.get<std::string>());
  if (!value) return MakeError(ErrorCode::kInvalidInput, fmt::format("{} is not a decimal number", what));
  return *value;
}

as::CellKey CellFrom(const Json& json) { return {json.at(0).get<std::string>(), json.at(1).get<std::string>()}; }
as::SectionKey SectionFrom(const Json& json) {
  return {json.at(0).get<std::string>(), json.at(1).get<std::string>()};
}

Result<as::CellState> StateFrom(const Json& json) {
  auto state = as::Named(json.get<std::string>(), as::kCellStates, as::CellStateName);
  if (!state) return MakeError(ErrorCode::kInvalidInput, "no such cell state: " + json.get<std::string>());
  return *state;
}

Result<as::Actor> ActorOf(const adapters::JournalEntry& entry, const Json& payload) {
  auto role = as::Named(payload.at("role").get<std::string>(), as::kRoles, as::RoleName);
  if (!role) return MakeError(ErrorCode::kInvalidInput, "no such role: " + payload.at("role").get<std::string>());
  return as::Actor{{entry.actor}, *role};
}

// The ledger's answer as a Status (the new version number is not needed here).
Status Done(const Result<int>& result) { return result.ok() ? Status{} : Status(result.error()); }

Status Apply(as::RoundLedger& ledger, const adapters::JournalEntry& entry, const Json& p) {
  as::Actor actor;
  OCINDEX_ASSIGN_OR_RETURN(actor, ActorOf(entry, p));
  const as::Timestamp at = p.at("t").get<as::Timestamp>();
  const std::string& action = entry.action;
  if (action == "cell.submit") {
    as::Submission submission;
    OCINDEX_ASSIGN_OR_RETURN(submission, SubmissionFrom(p.at("submission")));
    return Done(ledger.Submit(actor, CellFrom(p.at("cell")), std::move(submission), at, p.at("seen").get<int>()));
  }
  if (action == "cell.move") {
    as::CellState to;
    OCINDEX_ASSIGN_OR_RETURN(to, StateFrom(p.at("to")));
    std::optional<core::Rational> settled;
    if (p.contains("settled") && !p.at("settled").is_null()) {
      OCINDEX_ASSIGN_OR_RETURN(settled, ScoreFrom(p.at("settled"), "the settled score"));
    }
    return Done(ledger.Move(actor, CellFrom(p.at("cell")), to, entry.reason, at, p.at("seen").get<int>(), settled));
  }
  if (action == "section.write") {
    return Done(ledger.WriteSection(actor, SectionFrom(p.at("section")), p.at("text").get<std::string>(), at,
                                    p.at("seen").get<int>()));
  }
  if (action == "section.move") {
    as::CellState to;
    OCINDEX_ASSIGN_OR_RETURN(to, StateFrom(p.at("to")));
    return Done(ledger.MoveSection(actor, SectionFrom(p.at("section")), to, entry.reason, at, p.at("seen").get<int>()));
  }
  if (action == "thread.open") {
    return Done(ledger.OpenThread(actor, CellFrom(p.at("cell")), p.at("text").get<std::string>(), at));
  }
  if (action == "thread.reply") {
    return ledger.Reply(actor, p.at("thread").get<int>(), p.at("text").get<std::string>(), at);
  }
  if (action == "round.assign") {
    as::Assignments assignments;
    OCINDEX_ASSIGN_OR_RETURN(assignments, AssignmentsFrom(p.at("assignments")));
    return ledger.Reassign(actor, std::move(assignments));
  }
  if (action == "round.phase" || action == "round.publish") {
    auto to = as::Named(p.at("to").get<std::string>(), as::kPhases, as::PhaseName);
    if (!to) return MakeError(ErrorCode::kInvalidInput, "no such phase: " + p.at("to").get<std::string>());
    if ((*to == as::Phase::kPublished) != (action == "round.publish")) {
      return MakeError(ErrorCode::kInvalidInput, "a round is published only by publishing it");
    }
    return ledger.ChangePhase(actor, *to, entry.reason);
  }
  return MakeError(ErrorCode::kInvalidInput, "no such round action: " + action);
}

}  // namespace

std::string RoundStream(const std::string& round_id) { return "round/" + round_id; }

Json DefinitionJson(const RoundDefinition& d) {
  Json countries = Json::array();
  for (const core::CountryEntry& c : d.countries) countries.push_back({c.iso3, c.name, c.continent, c.region});
  Json narratives = Json::object();
  for (const auto& [iso3, revision] : d.narratives) narratives[iso3] = revision;
  return Json{{"id", d.id},
              {"edition", d.edition},
              {"framework_toml", d.framework_toml},
              {"baseline_edition", d.baseline_edition},
              {"baseline_revision", d.baseline_revision},
              {"countries", countries},
              {"narratives", narratives}};
}

Result<RoundDefinition> DefinitionFrom(const Json& json) {
  return Decode("a round's definition", [&]() -> Result<RoundDefinition> {
    RoundDefinition d;
    d.id = json.at("id").get<std::string>();
    d.edition = json.at("edition").get<std::string>();
    d.framework_toml = json.at("framework_toml").get<std::string>();
    d.baseline_edition = json.at("baseline_edition").get<std::string>();
    d.baseline_revision = json.at("baseline_revision").get<int>();
    for (const Json& c : json.at("countries")) {
      d.countries.push_back({c.at(0).get<std::string>(), c.at(1).get<std::string>(), c.at(2).get<std::string>(),
                             c.at(3).get<std::string>()});
    }
    for (const auto& [iso3, revision] : json.at("narratives").items()) d.narratives[iso3] = revision.get<int>();
    return d;
  });
}

Json SubmissionJson(const as::Submission& s) {
  return Json{{"score", core::FormatRational(s.score)},
              {"justification", s.justification},
              {"sources", s.sources},
              {"confidence", s.confidence},
              {"change_reason", s.change_reason}};
}

Result<as::Submission> SubmissionFrom(const Json& json) {
  return Decode("a submission", [&]() -> Result<as::Submission> {
    as::Submission s;
    const Json& score = json.at("score");
    // Scripts send numbers, the stored form is text: both are exact for the scale's steps.
    OCINDEX_ASSIGN_OR_RETURN(s.score, ScoreFrom(score.is_number() ? Json(score.dump()) : score, "the score"));
    s.justification = json.at("justification").get<std::string>();
    if (json.contains("sources")) s.sources = json.at("sources").get<std::vector<std::string>>();
    if (json.contains("confidence")) s.confidence = json.at("confidence").get<int>();
    if (json.contains("change_reason")) s.change_reason = json.at("change_reason").get<std::string>();
    return s;
  });
}

Json AssignmentsJson(const as::Assignments& a) {
  Json cells = Json::array();
  for (const auto& [key, team] : a.cells) cells.push_back(TeamJson(key.iso3, key.indicator, team));
  Json sections = Json::array();
  for (const auto& [key, team] : a.sections) sections.push_back(TeamJson(key.iso3, key.section, team));
  Json thematic = Json::object();
  for (const auto& [indicator, users] : a.thematic) thematic[indicator] = Users(users);
  return Json{{"cells", cells}, {"sections", sections}, {"thematic", thematic}};
}

Result<as::Assignments> AssignmentsFrom(const Json& json) {
  return Decode("assignments", [&]() -> Result<as::Assignments> {
    as::Assignments a;
    for (const Json& c : json.at("cells")) {
      a.cells[{c.at("iso3").get<std::string>(), c.at("item").get<std::string>()}] = TeamFrom(c);
    }
    for (const Json& s : json.at("sections")) {
      a.sections[{s.at("iso3").get<std::string>(), s.at("item").get<std::string>()}] = TeamFrom(s);
    }
    for (const auto& [indicator, users] : json.at("thematic").items()) a.thematic[indicator] = UsersFrom(users);
    return a;
  });
}

Result<Json> PayloadOf(const adapters::JournalEntry& entry) {
  Json payload = Json::parse(entry.payload, nullptr, /*allow_exceptions=*/false);
  if (payload.is_discarded()) {
    return MakeError(ErrorCode::kCorrupt,
                     fmt::format("journal {} entry {} does not hold JSON", entry.stream, entry.version));
  }
  return payload;
}

Status ApplyEntry(as::RoundLedger& ledger, const adapters::JournalEntry& entry) {
  Json payload;
  OCINDEX_ASSIGN_OR_RETURN(payload, PayloadOf(entry));
  return ApplyEntry(ledger, entry, payload);
}

Status ApplyEntry(as::RoundLedger& ledger, const adapters::JournalEntry& entry, const Json& payload) {
  return Decode("a round entry", [&]() -> Status { return Apply(ledger, entry, payload); });
}

}  // namespace ocindex::app
