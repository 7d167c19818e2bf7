// Narratives for profile tests, written for the project in the shape the publisher
// distributes them (capital headings, lines broken mid-paragraph, hyphenated line
// ends, a funding footer). None of this text comes from a real profile.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/framework.h"
#include "support/tiny_framework.h"

namespace ocindex::test_support {

// The GOCI section structure with one indicator per group: markets (People, Trade,
// Environment, Drugs, and from 2023 Cyber-crimes and Financial crimes), criminal
// actors, and the four resilience groups.
inline core::Framework ProfileFramework(std::string edition = "2021") {
  using core::Aggregate;
  using core::NodeKind;
  bool since_2023 = edition >= "2023";
  core::Framework f = NewFramework(edition);
  AddNode(f, "criminality", NodeKind::kPillar, "", Aggregate::kChildren, 1, "Criminality");
  AddNode(f, "criminal_markets", NodeKind::kComponent, "criminality", Aggregate::kIndicators, 1, "Criminal markets");
  std::vector<std::pair<std::string, std::string>> markets = {
      {"people", "People"}, {"trade", "Trade"}, {"environment", "Environment"}, {"drugs", "Drugs"}};
  if (since_2023) {
    markets.emplace_back("cyber", "Cyber-crimes");
    markets.emplace_back("financial", "Financial crimes");
  }
  for (const auto& [id, name] : markets) {
    AddNode(f, id, NodeKind::kGroup, "criminal_markets", Aggregate::kIndicators, 1, name);
    AddIndicator(f, id + "_market", id);
  }
  AddNode(f, "criminal_actors", NodeKind::kComponent, "criminality", Aggregate::kIndicators, 1, "Criminal actors");
  AddNode(f, "actors", NodeKind::kGroup, "criminal_actors", Aggregate::kIndicators, 1, "Criminal actors");
  AddIndicator(f, "networks", "actors");
  AddNode(f, "resilience", NodeKind::kPillar, "", Aggregate::kIndicators, 1, "Resilience");
  const std::vector<std::pair<std::string, std::string>> resilience = {
      {"leadership_governance", "Leadership and governance"},
      {"criminal_justice_security", "Criminal justice and security"},
      {"economic_financial", "Economic and financial environment"},
      {"civil_society_social_protection", "Civil society and social protection"}};
  for (const auto& [id, name] : resilience) {
    AddNode(f, id, NodeKind::kGroup, "resilience", Aggregate::kIndicators, 1, name);
    AddIndicator(f, id + "_measure", id);
  }
  f.quadrant_x = "resilience";
  f.quadrant_y = "criminality";
  return Linked(std::move(f));
}

// A made-up country's narrative in the distributed plain-text shape: capital
// headings (with the "RESILIENCE" pillar heading), lines of about 55 characters,
// "cross-" / "border" and "organi-" / "zations" split at line ends, a stray page-break
// blank line inside a sentence, and a funding footer after the last section.
inline constexpr std::string_view kDistributedNarrative =
    " PEOPLE\n"
    "Valdoria is mainly a transit country for people moved \n"
    "against their will towards the western ports. Recruiters \n"
    "promise work on fishing fleets and in river hotels.\n"
    "\n"
    "Smuggling of migrants follows the old salt road, where \n"
    "guides charge by the kilometre.\n"
    "\n"
    "TRADE\n"
    "Small arms leak from poorly guarded depots and cross the \n"
    "northern lakes by boat.\n"
    "\n"
    "ENVIRONMENT\n"
    "Timber from the highland reserves is cut without permits \n"
    "and sold as reclaimed wood. River turtles are taken for \n"
    "markets abroad.\n"
    "\n"
    "DRUGS\n"
    "Synthetic stimulants are pressed in rented barns and move \n"
    "along cross-\n"
    "border lorry routes hidden among grain sacks.\n"
    "\n"
    "CRIMINAL ACTORS\n"
    "Loose networks of brokers dominate, while a few family \n"
    "clans operate \n"
    "\n"
    "across several provinces with help from local officials.\n"
    "\n"
    "RESILIENCE\n"
    "LEADERSHIP AND GOVERNANCE\n"
    "The government has announced reforms, but few have been \n"
    "carried out and oversight bodies lack staff.\n"
    "\n"
    "CRIMINAL JUSTICE AND SECURITY\n"
    "Courts are slow and prosecutors rarely pursue the organi-\n"
    "zations behind the markets.\n"
    "\n"
    "ECONOMIC AND FINANCIAL ENVIRONMENT\n"
    "Cash dominates trade and the financial intelligence unit \n"
    "has only recently opened.\n"
    "\n"
    "CIVIL SOCIETY AND SOCIAL PROTECTION\n"
    "Independent newspapers are few and shelters for victims \n"
    "depend on donors.\n"
    "\n"
    "This summary was funded in part by a grant from the Friends \n"
    " of Valdoria Foundation.\n";

}  // namespace ocindex::test_support
