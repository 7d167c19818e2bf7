// A country's profile narrative: the current revision's sections in the order the
// profiles print them (the same OrderedSections the PDF uses), the footer and who
// imported it. Narratives are loaded with the editions at start-up (app::Engine).
#include "adapters/render/markup.h"
#include "adapters/render/profile_view.h"
#include "app/profile_query.h"
#include "faces/server/api_json.h"
#include "faces/server/route_support.h"
#include "faces/server/route_table.h"

namespace ocindex::server {
namespace {

using adapters::http::PathParams;

Response Narrative(const app::Engine& engine, const app::LoadedEdition& published, const std::string& query) {
  auto profile = app::Profile(engine, app::ProfileQuery{query, published.id});
  if (!profile) return CountryErrorResponse(engine, profile.error(), {query});
  auto stored = profile->Narrative();
  if (!stored) return ErrorResponse(stored.error());
  const core::CountryEntry& country = *profile->country;
  const adapters::StoredProfile& narrative = **stored;
  Json sections = Json::array();
  for (const adapters::render::ProfileSection& section :
       adapters::render::OrderedSections(published.edition.framework, narrative)) {
    Json paragraphs = Json::array();
    for (std::string_view paragraph : adapters::render::Paragraphs(section.text)) paragraphs.push_back(paragraph);
    sections.push_back(Json{{"id", section.id},
                            {"title", section.title},
                            {"heading", section.heading},
                            {"paragraphs", std::move(paragraphs)}});
  }
  const adapters::ProfileRevisionInfo& info = narrative.info;
  Json out = {{"edition", published.year}};
  out.update(CountryJson(engine.geography(), country));
  // The imported file's path stays out: it names a folder on the analyst's machine.
  out["revision"] = Json{
      {"number", info.revision}, {"author", info.author}, {"stored_at", info.stored_at}, {"note", info.note}};
  out["sections"] = std::move(sections);
  out["footer"] = narrative.footer;
  out["provenance"] = adapters::render::NarrativeProvenance(info);
  return JsonResponse(out);
}

}  // namespace

void AddNarrativeRoutes(RouteTable& table, const app::Engine& engine) {
  table.push_back(
      {"/api/v1/editions/{edition}/countries/{iso3}/narrative",
       {"A country's profile narrative (current revision): sections in framework order with their paragraphs, "
        "the funding footer, and who imported it when; 404 when none is stored for the edition",
        {{"edition", "path", true, "Edition year or 'latest'", "2021"},
         kUnitParam},
        {"edition", "iso3", "name", "continent", "region", "revision", "sections", "footer", "provenance"}, false, "Narrative"},
       WithEdition(engine, [&engine](const app::LoadedEdition& e, const Request&, const PathParams& params) {
         return Narrative(engine, e, params.at("iso3"));
       })});
}

}  // namespace ocindex::server
