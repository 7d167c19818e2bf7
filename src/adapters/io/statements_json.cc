#include "adapters/io/statements_json.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace ocindex::adapters::io {
namespace {

using Json = nlohmann::json;

Json EvidenceJson(const core::Evidence& e) {
  return Json::array({e.section, e.paragraph, e.sentence, e.begin, e.end, e.cue_begin, e.cue_end, e.page});
}

core::Evidence ParseEvidence(const Json& j) {
  core::Evidence e;
  e.section = j.at(0).get<std::string>();
  e.paragraph = j.at(1).get<int>();
  e.sentence = j.at(2).get<int>();
  e.begin = j.at(3).get<uint32_t>();
  e.end = j.at(4).get<uint32_t>();
  e.cue_begin = j.at(5).get<uint32_t>();
  e.cue_end = j.at(6).get<uint32_t>();
  e.page = j.at(7).get<int>();
  return e;
}

Json StatementJson(const core::Statement& s) {
  Json evidence = Json::array();
  for (const core::Evidence& e : s.evidence) evidence.push_back(EvidenceJson(e));
  return {{"kind", core::StatementKindName(s.kind)}, {"market", s.market},       {"actor", s.actor},
          {"role", s.role},                          {"origins", s.origins},     {"via", s.via},
          {"destinations", s.destinations},          {"modes", s.modes},         {"crossings", s.crossings},
          {"route", s.route},                        {"actor_base", s.actor_base}, {"direction", s.direction},
          {"figure", s.figure},                      {"period", s.period},       {"confidence", s.confidence},
          {"hedged", s.hedged},                      {"negated", s.negated},     {"qualifiers", s.qualifiers},
          {"notes", s.notes},                        {"evidence", std::move(evidence)}};
}

core::Statement ParseStatement(const Json& j) {
  core::Statement s;
  auto kind = core::ParseStatementKind(j.at("kind").get<std::string>());
  if (!kind) throw std::invalid_argument("unknown statement kind " + j.at("kind").get<std::string>());
  s.kind = *kind;
  j.at("market").get_to(s.market);
  j.at("actor").get_to(s.actor);
  j.at("role").get_to(s.role);
  j.at("origins").get_to(s.origins);
  j.at("via").get_to(s.via);
  j.at("destinations").get_to(s.destinations);
  j.at("modes").get_to(s.modes);
  j.at("crossings").get_to(s.crossings);
  j.at("route").get_to(s.route);
  j.at("actor_base").get_to(s.actor_base);
  j.at("direction").get_to(s.direction);
  j.at("figure").get_to(s.figure);
  j.at("period").get_to(s.period);
  j.at("confidence").get_to(s.confidence);
  j.at("hedged").get_to(s.hedged);
  j.at("negated").get_to(s.negated);
  j.at("qualifiers").get_to(s.qualifiers);
  j.at("notes").get_to(s.notes);
  for (const Json& e : j.at("evidence")) s.evidence.push_back(ParseEvidence(e));
  return s;
}

}  // namespace

std::string WriteStatementsJson(const core::NarrativeStatements& statements) {
  Json list = Json::array();
  for (const core::Statement& s : statements.statements) list.push_back(StatementJson(s));
  return Json{{"country", statements.country},
              {"edition", statements.edition},
              {"notes", statements.notes},
              {"statements", std::move(list)}}
      .dump();
}

Result<core::NarrativeStatements> ParseStatementsJson(std::string_view text, const std::string& where) {
  try {
    const Json j = Json::parse(text);
    core::NarrativeStatements out;
    j.at("country").get_to(out.country);
    j.at("edition").get_to(out.edition);
    j.at("notes").get_to(out.notes);
    for (const Json& s : j.at("statements")) out.statements.push_back(ParseStatement(s));
    return out;
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kCorrupt, std::string("stored extraction does not read back: ") + e.what(), where);
  }
}

}  // namespace ocindex::adapters::io
