// The API's workspace against a real server on 127.0.0.1: sign-in, sessions and CSRF
// (missing or forged tokens, fixation, replay after sign-out), brute-force lockout,
// optimistic concurrency (412), confidentiality of drafts and cell ids (IDOR), a role
// matrix generated from one table, and the audit trail's completeness.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <thread>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/engine.h"
#include "support/api_server.h"
#include "support/workspace_client.h"

namespace ocindex::test {
namespace {

using nlohmann::json;
namespace as = core::assessment;

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kRound = "r27";
const char* const kIndicator = "human_trafficking";

// Users: the index team, experts (ann and bob draft KAZ; eve drafts UZB), a reviewer
// of KAZ (rita), one of UZB (ross), and a reader.
const std::map<std::string, as::Role> kUsers = {
    {"ada", as::Role::kAdmin},    {"cora", as::Role::kCoordinator}, {"ann", as::Role::kExpert},
    {"bob", as::Role::kExpert},   {"eve", as::Role::kExpert},       {"rita", as::Role::kReviewer},
    {"ross", as::Role::kReviewer}, {"reed", as::Role::kReader}};

json Team(const std::string& iso3, const std::string& item, std::vector<std::string> drafting,
          std::vector<std::string> reviewers) {
  return json{{"iso3", iso3}, {"item", item}, {"drafting", drafting}, {"reviewers", reviewers}};
}

json Draft(double score) {
  return json{{"score", score}, {"justification", "Court records and two field interviews."},
              {"sources", {"https://example.org/report"}}, {"confidence", 4}, {"change_reason", "new evidence"}};
}

class WorkspaceApi : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(server_.ok());
    app::Accounts& accounts = server_.api().workspace().accounts();
    for (const auto& [user, role] : kUsers) ASSERT_TRUE(accounts.AddUser("operator", user, role, kPassword).ok());
    WorkspaceClient cora = As("cora");
    ASSERT_EQ(cora.Send("POST", "/api/v1/rounds",
                        json{{"id", kRound}, {"edition", "2027"}, {"baseline", "2025"}, {"countries", {"KAZ", "UZB"}}})
                  .status,
              201);
    json cells = json::array();
    for (const std::string indicator : {kIndicator, "human_smuggling"}) {
      cells.push_back(Team("KAZ", indicator, {"ann", "bob"}, {"rita"}));
      cells.push_back(Team("UZB", indicator, {"eve"}, {"ross"}));
    }
    HttpReply assigned = cora.Send(
        "PUT", Round("/assignments"),
        json{{"cells", cells}, {"sections", json::array({Team("KAZ", "summary", {"ann"}, {"rita"})})}, {"thematic", json::object()}});
    ASSERT_EQ(assigned.status, 200) << assigned.body;
  }

  WorkspaceClient As(const std::string& user) {
    WorkspaceClient client(server_.port());
    EXPECT_EQ(client.SignIn(user, kPassword), 200) << user;
    return client;
  }
  static std::string Round(const std::string& rest = "") { return std::string("/api/v1/rounds/") + kRound + rest; }
  static std::string Cell(const std::string& iso3, const std::string& indicator, const std::string& rest = "") {
    return Round("/cells/" + iso3 + "/" + indicator + rest);
  }
  int VersionOf(const std::string& iso3, const std::string& indicator) {
    HttpReply cell = As("cora").Get(Cell(iso3, indicator));
    EXPECT_EQ(cell.status, 200) << cell.body;
    return json::parse(cell.body).at("version").get<int>();
  }

  ApiServer server_;
};

TEST_F(WorkspaceApi, SignInSetsAStrictHttpOnlyCookieAndAnswersTheCsrfToken) {
  HttpReply reply = HttpRequest(server_.port(), "POST", "/api/v1/session", {},
                                json{{"user", "ann"}, {"password", kPassword}}.dump());
  ASSERT_EQ(reply.status, 200) << reply.body;
  const std::string cookie = reply.Header("set-cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find("Secure"), std::string::npos);  // plain HTTP: a Secure cookie would never come back
  EXPECT_EQ(reply.Header("cache-control"), "no-store");
  EXPECT_EQ(json::parse(reply.body).at("role"), "expert");
  EXPECT_EQ(HttpGet(server_.port(), "/api/v1/session").status, 401);
}

// Issue 18: a sign-in that arrived over TLS sets a Secure cookie, never sent back over
// plain HTTP.
TEST_F(WorkspaceApi, SignInOverTlsSetsASecureCookie) {
  adapters::http::Request request;
  request.method = "POST";
  request.target = request.path = "/api/v1/session";
  request.remote = "127.0.0.1";
  request.tls = true;
  request.body = json{{"user", "ann"}, {"password", kPassword}}.dump();
  const adapters::http::Response response = server_.api().Handle(request);
  ASSERT_EQ(response.status, 200) << *response.body;
  std::string cookie;
  for (const auto& [name, value] : response.headers) cookie = name == "Set-Cookie" ? value : cookie;
  EXPECT_NE(cookie.find("; Secure;"), std::string::npos) << cookie;
}

TEST_F(WorkspaceApi, AWriteWithoutOrWithAForgedCsrfTokenIsRefused) {
  WorkspaceClient ann = As("ann");
  const std::string csrf = ann.csrf();
  ann.SetCsrf("");
  EXPECT_EQ(ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 403);
  ann.SetCsrf(As("bob").csrf());  // another session's token
  HttpReply forged = ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0);
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(json::parse(forged.body)["error"]["code"], "csrf");
  ann.SetCsrf(csrf);
  EXPECT_EQ(ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 200);
  EXPECT_EQ(VersionOf("KAZ", kIndicator), 1);
}

TEST_F(WorkspaceApi, ASessionIdTheClientMadeUpIsNeverAccepted) {
  WorkspaceClient planted(server_.port());
  planted.SetCookie("ocindex_session=attacker-chosen-value");
  EXPECT_EQ(planted.Get("/api/v1/session").status, 401);
  // Signing in with a planted cookie issues a fresh id: the planted one stays useless.
  ASSERT_EQ(planted.SignIn("ann", kPassword), 200);
  EXPECT_NE(planted.cookie(), "ocindex_session=attacker-chosen-value");
  EXPECT_EQ(planted.Get("/api/v1/session").status, 200);
}

TEST_F(WorkspaceApi, ASessionCannotBeReplayedAfterSignOut) {
  WorkspaceClient ann = As("ann");
  WorkspaceClient replay = ann;
  ASSERT_EQ(ann.Send("DELETE", "/api/v1/session").status, 200);
  EXPECT_EQ(replay.Get("/api/v1/session").status, 401);
  EXPECT_EQ(replay.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 401);
}

TEST_F(WorkspaceApi, RepeatedFailedSignInsLockTheAccountOutAndAreJournaled) {
  WorkspaceClient guesser(server_.port());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(guesser.SignIn("bob", "wrong password " + std::to_string(i)), 401);
  EXPECT_EQ(guesser.SignIn("bob", kPassword), 429);  // even the right password, while locked out
  HttpReply trail = As("ada").Get("/api/v1/trail?action=signin.lockout");
  ASSERT_EQ(trail.status, 200);
  EXPECT_GE(json::parse(trail.body)["entries"].size(), 1u);
}

TEST_F(WorkspaceApi, OneAddressGuessingManyAccountsIsLockedOutToo) {
  WorkspaceClient guesser(server_.port());
  const std::vector<std::string> users = {"ann", "bob", "eve", "rita", "ross"};
  for (int i = 0; i < 20; ++i) EXPECT_EQ(guesser.SignIn(users[i % users.size()], "guess " + std::to_string(i)), 401);
  EXPECT_EQ(guesser.SignIn("reed", kPassword), 429);
}

TEST_F(WorkspaceApi, AnUnknownUserAndAWrongPasswordLookTheSame) {
  WorkspaceClient client(server_.port());
  HttpReply unknown = HttpRequest(server_.port(), "POST", "/api/v1/session", {},
                                  json{{"user", "nobody"}, {"password", kPassword}}.dump());
  HttpReply wrong = HttpRequest(server_.port(), "POST", "/api/v1/session", {},
                                json{{"user", "ann"}, {"password", "not the password"}}.dump());
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.body, wrong.body);
}

TEST_F(WorkspaceApi, OfTwoWritersOfOneVersionTheSecondGets412) {
  WorkspaceClient tab1 = As("ann");
  WorkspaceClient tab2 = As("ann");
  const int seen = VersionOf("KAZ", kIndicator);
  HttpReply first = tab1.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), seen);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.Header("etag"), "\"v1\"");
  HttpReply second = tab2.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(7), seen);
  EXPECT_EQ(second.status, 412);
  EXPECT_EQ(json::parse(second.body)["error"]["code"], "stale");
  EXPECT_EQ(tab2.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(7)).status, 428);
  EXPECT_EQ(tab2.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(7), 1).status, 200);
}

TEST_F(WorkspaceApi, ConcurrentWritersOfOneCellOneWinsTheOthersGet412) {
  const int seen = VersionOf("KAZ", kIndicator);
  std::vector<WorkspaceClient> tabs;
  for (int i = 0; i < 6; ++i) tabs.push_back(As(i % 2 == 0 ? "ann" : "bob"));
  std::vector<int> statuses(tabs.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < tabs.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] = tabs[i].Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(5 + 0.5 * static_cast<double>(i)), seen).status;
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 412), static_cast<long>(tabs.size()) - 1);
  EXPECT_EQ(VersionOf("KAZ", kIndicator), seen + 1);
}

TEST_F(WorkspaceApi, BeforeReviewOpensAnExpertSeesOnlyTheirOwnDraft) {
  WorkspaceClient ann = As("ann");
  WorkspaceClient bob = As("bob");
  ASSERT_EQ(ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 200);
  ASSERT_EQ(bob.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(9), 1).status, 200);
  json seen_by_ann = json::parse(ann.Get(Cell("KAZ", kIndicator)).body);
  ASSERT_EQ(seen_by_ann["submissions"].size(), 1u);
  EXPECT_EQ(seen_by_ann["submissions"][0]["expert"], "ann");
  EXPECT_TRUE(seen_by_ann["consensus"].is_null());  // a median would reveal bob's score
  EXPECT_FALSE(seen_by_ann["others_visible"].get<bool>());
  // eve (UZB) cannot read KAZ's cell; a reader reads a round only once it is published.
  EXPECT_EQ(As("eve").Get(Cell("KAZ", kIndicator)).status, 403);
  EXPECT_EQ(As("reed").Get(Cell("KAZ", kIndicator)).status, 409);
  EXPECT_EQ(As("ann").Get(Cell("UZB", kIndicator)).status, 403);  // IDOR: another country's cell id
  EXPECT_EQ(As("ann").Get(Round("/progress")).status, 403);
  WorkspaceClient cora = As("cora");
  ASSERT_EQ(cora.Send("POST", Round("/phase"), json{{"to", "review_open"}}).status, 200);
  json after = json::parse(ann.Get(Cell("KAZ", kIndicator)).body);
  EXPECT_EQ(after["submissions"].size(), 2u);
  EXPECT_EQ(after["consensus"]["spread"], 3.0);
  EXPECT_TRUE(after["consensus"]["wide"].get<bool>());
}

TEST_F(WorkspaceApi, ARoundIsInvisibleToWhoeverHasNoPartInIt) {
  EXPECT_EQ(As("reed").Get(Round()).status, 404);
  EXPECT_EQ(json::parse(As("reed").Get("/api/v1/rounds").body)["rounds"].size(), 0u);
  EXPECT_EQ(As("ann").Get(Round()).status, 200);
  HttpReply worklist = As("eve").Get(Round("/worklist"));
  ASSERT_EQ(worklist.status, 200);
  EXPECT_EQ(json::parse(worklist.body)["items"].size(), 2u);  // UZB's two cells
}

TEST_F(WorkspaceApi, ACountrysWorkHoldsOnlyTheCallersOwnDraftsUntilReviewOpens) {
  WorkspaceClient ann = As("ann");
  ASSERT_EQ(ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 200);
  ASSERT_EQ(As("bob").Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(9), 1).status, 200);
  auto drafts = [&](const WorkspaceClient& who) {
    HttpReply reply = who.Get(Round("/countries/KAZ"));
    EXPECT_EQ(reply.status, 200) << reply.body;
    const json work = json::parse(reply.body);
    for (const json& cell : work["cells"]) {
      if (cell["indicator"] == kIndicator) return cell["cell"]["submissions"];
    }
    return json::array();
  };
  EXPECT_EQ(json::parse(ann.Get(Round("/countries/KAZ")).body)["cells"].size(), 2u);  // assigned, not all 32
  ASSERT_EQ(drafts(ann).size(), 1u);
  EXPECT_EQ(drafts(ann)[0]["expert"], "ann");
  EXPECT_EQ(drafts(As("cora")).size(), 2u);
  const json work = json::parse(ann.Get(Round("/countries/KAZ")).body);
  ASSERT_EQ(work["sections"].size(), 1u);
  EXPECT_EQ(work["sections"][0]["relation"], "drafting");
  auto reader = app::Engine::Open(server_.db_path());
  ASSERT_TRUE(reader.ok());
  const app::LoadedEdition* baseline = *(*reader)->Edition("2025");
  const int kaz = *baseline->edition.dataset.FindCountry("KAZ");
  const int indicator = *baseline->edition.framework.FindIndicator(kIndicator);
  for (const json& cell : work["cells"]) {
    if (cell["indicator"] == kIndicator) {
      EXPECT_EQ(cell["baseline"], baseline->edition.dataset.score(kaz, indicator)->ToDouble());
    }
  }
  ASSERT_EQ(As("cora").Send("POST", Round("/phase"), json{{"to", "review_open"}}).status, 200);
  EXPECT_EQ(drafts(ann).size(), 2u);
}

TEST_F(WorkspaceApi, APreviewCarriesTheCallersDraftsAndNobodyElses) {
  auto reader = app::Engine::Open(server_.db_path());
  ASSERT_TRUE(reader.ok());
  const app::LoadedEdition* baseline = *(*reader)->Edition("2025");
  const double before = baseline->edition.dataset
                            .score(*baseline->edition.dataset.FindCountry("KAZ"),
                                   *baseline->edition.framework.FindIndicator(kIndicator))
                            ->ToDouble();
  // A draft as far from the baseline as the scale allows, so the composites must move.
  ASSERT_EQ(As("ann").Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(before < 5.5 ? 10 : 1), 0).status, 200);
  auto composites = [&](const std::string& user) {
    HttpReply reply = As(user).Get(Round("/countries/KAZ/preview"));
    EXPECT_EQ(reply.status, 200) << user << ": " << reply.body;
    return json::parse(reply.body)["composites"];
  };
  const json for_ann = composites("ann");
  const json for_bob = composites("bob");  // has not drafted and may not see ann's draft yet
  ASSERT_FALSE(for_ann.empty());
  int moved_for_ann = 0;
  for (size_t i = 0; i < for_ann.size(); ++i) {
    EXPECT_EQ(for_ann[i]["before"], for_bob[i]["before"]);
    EXPECT_EQ(for_bob[i]["after"], for_bob[i]["before"]) << for_bob[i]["id"];
    if (for_ann[i]["after"] != for_ann[i]["before"]) ++moved_for_ann;
    if (!for_ann[i]["rank_before"].is_null()) {
      EXPECT_EQ(for_ann[i]["rank_before"]["of"], 2);  // KAZ and UZB
    }
  }
  EXPECT_GT(moved_for_ann, 0);
  EXPECT_EQ(As("eve").Get(Round("/countries/KAZ/preview")).status, 403);
}

TEST_F(WorkspaceApi, CalibrationShowsSpreadAndFlagsOnlyToWhoeverMaySeeOtherExperts) {
  ASSERT_EQ(As("ann").Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(3), 0).status, 200);
  ASSERT_EQ(As("bob").Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(9), 1).status, 200);
  auto rows = [&](const std::string& user) {
    HttpReply reply = As(user).Get(Round("/calibration/") + kIndicator);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return json::parse(reply.body)["rows"];
  };
  const json team = rows("cora");
  ASSERT_EQ(team.size(), 2u);
  EXPECT_EQ(team[0]["iso3"], "KAZ");
  EXPECT_TRUE(team[0]["wide"].get<bool>());
  EXPECT_EQ(team[0]["standing"], 6.0);  // the median of 3 and 9
  const json expert = rows("ann");
  ASSERT_EQ(expert.size(), 1u);  // KAZ only
  EXPECT_FALSE(expert[0]["wide"].get<bool>());
  EXPECT_TRUE(expert[0]["standing"].is_null());
  EXPECT_EQ(expert[0]["cell"]["submissions"].size(), 1u);
  EXPECT_EQ(As("cora").Get(Round("/calibration/") + kIndicator + "?region=Atlantis").status, 404);
  EXPECT_EQ(As("cora").Get(Round("/calibration/no_such_indicator")).status, 404);
}

TEST_F(WorkspaceApi, RoundRobinStaffingDealsEveryCellAndTheChosenSections) {
  HttpReply staffed = As("cora").Send("POST", Round("/assignments/round-robin"),
                                      json{{"experts_per_cell", 2}, {"experts", {"ann", "bob", "eve"}},
                                           {"reviewers", {"rita"}}, {"sections", {"summary"}}});
  ASSERT_EQ(staffed.status, 200) << staffed.body;
  const int cells = json::parse(staffed.body)["cells"];
  int drafted = 0;
  int sections = 0;
  for (const std::string user : {"ann", "bob", "eve"}) {
    HttpReply worklist = As(user).Get(Round("/worklist"));
    ASSERT_EQ(worklist.status, 200) << user << ": " << worklist.body;
    const json items = json::parse(worklist.body)["items"];
    for (const json& item : items) {
      if (item["kind"] == "cell") ++drafted;
      if (item["kind"] == "section") ++sections;
    }
  }
  EXPECT_EQ(drafted, 2 * cells);  // two experts on every cell
  EXPECT_EQ(sections, 4);         // KAZ's and UZB's summary, each to its first cell's two experts
  EXPECT_EQ(As("cora").Send("POST", Round("/assignments/round-robin"),
                            json{{"experts_per_cell", 1}, {"experts", {"ann"}}, {"reviewers", {"rita"}},
                                 {"sections", {"no_such_section"}}})
                .status,
            422);
}

// One row per endpoint: the status each caller gets in the drafting phase when acting
// on KAZ's cell (and KAZ's summary), which is "own" to ann (drafting) and rita
// (reviewing) and another's to eve and ross (assigned to UZB). The table states the
// policy of docs/ASSESSMENT.md independently of the code that enforces it.
struct MatrixRow {
  const char* what;
  const char* method;
  std::string target;  // "{cell}" is KAZ's cell
  json body;
  bool versioned;
  std::map<std::string, int> expected;  // subject -> status
};

TEST_F(WorkspaceApi, TheRoleMatrixHasNoUnexpectedStatus) {
  const std::string round = Round();
  // Subjects: who calls, and which cell is "{cell}" for them.
  const std::vector<std::pair<std::string, std::string>> subjects = {
      {"admin", "ada"},        {"coordinator", "cora"}, {"expert own", "ann"}, {"expert other", "eve"},
      {"reviewer own", "rita"}, {"reviewer other", "ross"}, {"reader", "reed"}, {"anonymous", ""}};
  auto all = [&](int team, int expert_own, int expert_other, int reviewer_own, int reviewer_other, int reader) {
    return std::map<std::string, int>{{"admin", team},
                                      {"coordinator", team},
                                      {"expert own", expert_own},
                                      {"expert other", expert_other},
                                      {"reviewer own", reviewer_own},
                                      {"reviewer other", reviewer_other},
                                      {"reader", reader},
                                      {"anonymous", 401}};
  };
  const std::vector<MatrixRow> rows = {
      {"draft a score", "PUT", "{cell}/submission", Draft(6), true, all(403, 200, 403, 403, 403, 403)},
      {"submit the cell", "POST", "{cell}/transition", json{{"to", "submitted"}}, true,
       all(409, 409, 403, 403, 403, 403)},  // the team may, but not before every draft is in
      {"review the cell", "POST", "{cell}/transition", json{{"to", "in_review"}}, true,
       all(422, 422, 422, 422, 422, 422)},  // the state machine has no draft -> in review
      {"open a thread", "POST", "{cell}/threads", json{{"text", "Why 6?"}}, false, all(409, 409, 403, 409, 403, 403)},
      {"write a section", "PUT", round + "/sections/KAZ/summary/text", json{{"text", "A draft."}}, true,
       all(403, 200, 403, 403, 403, 403)},
      // (The reads come before the rows that change the assignments.)
      // Reviewers read from review open (409 before); eve and ross are not KAZ's (403);
      // the reader has no part in the round (404).
      {"read a country's work", "GET", round + "/countries/KAZ", nullptr, false, all(200, 200, 403, 409, 403, 404)},
      {"preview a country", "GET", round + "/countries/KAZ/preview", nullptr, false,
       all(200, 200, 403, 409, 403, 404)},
      // Calibration lists the cells each caller may read, possibly none.
      {"calibrate an indicator", "GET", round + "/calibration/" + kIndicator, nullptr, false,
       all(200, 200, 200, 200, 200, 404)},
      {"preview the publication", "GET", round + "/publication/preview", nullptr, false,
       all(200, 403, 403, 403, 403, 403)},
      {"assign", "PUT", round + "/assignments",
       json{{"cells", json::array()}, {"sections", json::array()}, {"thematic", json::object()}}, false,
       all(200, 403, 403, 403, 403, 403)},
      {"staff round-robin", "POST", round + "/assignments/round-robin",
       json{{"experts_per_cell", 1}, {"experts", {"ann"}}, {"reviewers", {"rita"}}}, false,
       all(200, 403, 403, 403, 403, 403)},
      {"create a round", "POST", "/api/v1/rounds", json{{"id", "m"}, {"edition", "2029"}, {"baseline", "2025"}},
       false, all(201, 403, 403, 403, 403, 403)},
      {"publish", "POST", round + "/publication", nullptr, false, all(409, 403, 403, 403, 403, 403)},
      {"read progress", "GET", round + "/progress", nullptr, false, all(200, 403, 403, 403, 403, 403)},
      {"read the trail", "GET", "/api/v1/trail", nullptr, false, all(200, 403, 403, 403, 403, 403)},
  };
  int cases = 0;
  std::vector<std::string> unexpected;
  for (const MatrixRow& row : rows) {
    for (const auto& [subject, user] : subjects) {
      std::string target = row.target;
      const size_t at = target.find("{cell}");
      if (at != std::string::npos) target.replace(at, 6, Cell("KAZ", kIndicator));
      json body = row.body;
      if (body.is_object() && body.contains("id")) body["id"] = "m" + std::to_string(cases);
      if (body.is_object() && body.contains("edition")) body["edition"] = std::to_string(3000 + cases);
      WorkspaceClient caller(server_.port());
      if (!user.empty()) caller = As(user);
      // The version as last read: the cell's, or (for the section, written once) 0.
      int version = -1;
      if (row.versioned) version = at != std::string::npos ? VersionOf("KAZ", kIndicator) : 0;
      HttpReply reply = caller.Send(row.method, target, body, version);
      const int expected = row.expected.at(subject);
      if (reply.status != expected) {
        unexpected.push_back(std::string(row.what) + " as " + subject + ": " + std::to_string(reply.status) +
                             " (expected " + std::to_string(expected) + ") " + reply.body);
      }
      ++cases;
    }
  }
  EXPECT_EQ(cases, static_cast<int>(rows.size() * subjects.size()));
  EXPECT_TRUE(unexpected.empty()) << unexpected.size() << " unexpected statuses:\n"
                                  << [&] {
                                       std::string all_lines;
                                       for (const std::string& line : unexpected) all_lines += line + "\n";
                                       return all_lines;
                                     }();
}

TEST_F(WorkspaceApi, TheTrailAccountsForEveryWrite) {
  WorkspaceClient ann = As("ann");
  ASSERT_EQ(ann.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 200);
  ASSERT_EQ(As("bob").Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6.5), 1).status, 200);
  ASSERT_EQ(ann.Send("POST", Cell("KAZ", kIndicator, "/transition"), json{{"to", "submitted"}}, 2).status, 200);
  WorkspaceClient ada = As("ada");
  HttpReply trail = ada.Get("/api/v1/trail?stream=round/");
  ASSERT_EQ(trail.status, 200);
  const json entries = json::parse(trail.body)["entries"];
  // create, assign, two drafts, one transition.
  ASSERT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries[4]["actor"], "ann");
  EXPECT_EQ(entries[4]["before"]["state"], "draft");
  EXPECT_EQ(entries[4]["after"]["state"], "submitted");
  HttpReply csv = ada.Get("/api/v1/trail?stream=round/&format=csv");
  EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 6);  // header + 5
  HttpReply check = ada.Get("/api/v1/trail/check");
  ASSERT_EQ(check.status, 200);
  EXPECT_TRUE(json::parse(check.body)["ok"].get<bool>()) << check.body;
  EXPECT_EQ(json::parse(check.body)["item_versions"], 3);
}

// Every workspace route once, on a one-country round taken from assignment to
// publication: tokens, a password change, threads and replies, a narrative section.
TEST_F(WorkspaceApi, AOneCountryRoundGoesFromAssignmentToPublication) {
  auto reader = app::Engine::Open(server_.db_path());
  ASSERT_TRUE(reader.ok());
  const std::vector<std::string> indicators = (*(*reader)->Edition("2025"))->edition.dataset.indicator_ids;
  WorkspaceClient cora = As("cora");
  const std::string round = "/api/v1/rounds/one";
  ASSERT_EQ(cora.Send("POST", "/api/v1/rounds", {{"id", "one"}, {"edition", "2028"}, {"baseline", "2025"}, {"countries", {"KAZ"}}}).status, 201);
  json cells = json::array();
  for (const std::string& indicator : indicators) cells.push_back(Team("KAZ", indicator, {"ann", "bob"}, {"rita"}));
  ASSERT_EQ(cora.Send("PUT", round + "/assignments",
                      {{"cells", cells}, {"sections", {Team("KAZ", "summary", {"ann"}, {"rita"})}}, {"thematic", json::object()}})
                .status,
            200);
  WorkspaceClient ann = As("ann"), bob = As("bob"), rita = As("rita");
  std::map<std::string, int> version;
  auto cell = [&](const std::string& indicator, const std::string& rest = "") {
    return round + "/cells/KAZ/" + indicator + rest;
  };
  auto write = [&](const WorkspaceClient& who, const std::string& indicator, const std::string& rest, const json& body) {
    HttpReply reply = who.Send(rest == "/submission" ? "PUT" : "POST", cell(indicator, rest), body, version[indicator]);
    EXPECT_EQ(reply.status, 200) << indicator << rest << ": " << reply.body;
    if (reply.status == 200) version[indicator] = json::parse(reply.body)["version"];
  };
  int section = 0;
  auto write_section = [&](const WorkspaceClient& who, const std::string& method, const std::string& rest, const json& body) {
    HttpReply reply = who.Send(method, round + "/sections/KAZ/summary" + rest, body, section);
    EXPECT_EQ(reply.status, 200) << rest << ": " << reply.body;
    if (reply.status == 200) section = json::parse(reply.body)["version"];
  };
  for (const std::string& indicator : indicators) {
    write(ann, indicator, "/submission", Draft(5));
    write(bob, indicator, "/submission", Draft(5.5));
    write(ann, indicator, "/transition", {{"to", "submitted"}});
  }
  write_section(ann, "PUT", "/text", {{"text", "Organised crime in a fictional year."}});
  write_section(ann, "POST", "/transition", {{"to", "submitted"}});
  ASSERT_EQ(cora.Send("POST", round + "/phase", {{"to", "review_open"}}).status, 200);
  for (const std::string& indicator : indicators) write(rita, indicator, "/transition", {{"to", "in_review"}});
  HttpReply thread = rita.Send("POST", cell(indicators[0], "/threads"), {{"text", "Why not 6?"}});
  ASSERT_EQ(thread.status, 201) << thread.body;
  const int id = json::parse(thread.body)["thread"];
  EXPECT_EQ(ann.Send("POST", round + "/threads/" + std::to_string(id) + "/replies", {{"text", "Two sources disagree."}}).status, 201);
  for (const std::string& indicator : indicators) write(rita, indicator, "/transition", {{"to", "agreed"}});
  write_section(rita, "POST", "/transition", {{"to", "in_review"}});
  write_section(rita, "POST", "/transition", {{"to", "agreed"}});
  ASSERT_EQ(cora.Send("POST", round + "/phase", {{"to", "calibration"}}).status, 200);
  ASSERT_EQ(cora.Send("POST", round + "/phase", {{"to", "settled"}}).status, 200);
  for (const std::string& indicator : indicators) write(cora, indicator, "/transition", {{"to", "final"}});
  write_section(cora, "POST", "/transition", {{"to", "final"}});
  // The publish step's preview: every cell stands, and what moves is listed.
  HttpReply preview = cora.Send("GET", round + "/publication/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  const json changes = json::parse(preview.body);
  EXPECT_EQ(changes["pending"], 0);
  const json& counts = changes["changes"];
  EXPECT_EQ(counts["raised"].get<int>() + counts["lowered"].get<int>() + counts["unchanged"].get<int>() +
                counts["added"].get<int>(),
            static_cast<int>(indicators.size()));
  EXPECT_EQ(changes["cells"].size(),
            static_cast<size_t>(counts["raised"].get<int>() + counts["lowered"].get<int>() + counts["added"].get<int>()));
  // The explorer's list is read (and cached) before publishing; afterwards it shows the new edition.
  const auto editions = [&] { return json::parse(cora.Get("/api/v1/editions").body)["editions"]; };
  EXPECT_NE(editions().back()["edition"], 2028);
  HttpReply published = cora.Send("POST", round + "/publication");
  ASSERT_EQ(published.status, 201) << published.body;
  EXPECT_EQ(editions().back()["edition"], 2028);
  EXPECT_TRUE(editions().back()["latest"].get<bool>());
  EXPECT_EQ(cora.Get("/api/v1/editions/2028/countries/KAZ").status, 200);
  const json report = json::parse(published.body);
  EXPECT_EQ(report["edition"], "2028");
  EXPECT_EQ(report["expert_scores"], 2 * static_cast<int>(indicators.size()));
  // 5 and 5.5 have the median 5.25, proposed on the grid as 5.5.
  json settled = json::parse(cora.Get(cell(indicators[0])).body);
  EXPECT_EQ(settled["settled"], 5.5);
  EXPECT_EQ(settled["threads"][0]["comments"].size(), 2u);
  EXPECT_EQ(cora.Send("POST", round + "/publication").status, 409);  // once only
}

TEST_F(WorkspaceApi, ScriptsUseRevocableTokensWithoutCsrf) {
  WorkspaceClient ann = As("ann");
  HttpReply issued = ann.Send("POST", "/api/v1/tokens", {{"label", "nightly import"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  const json token = json::parse(issued.body);
  WorkspaceClient script(server_.port());
  script.UseToken(token["token"]);
  EXPECT_EQ(json::parse(script.Get("/api/v1/session").body)["user"], "ann");
  EXPECT_EQ(script.Send("PUT", Cell("KAZ", kIndicator, "/submission"), Draft(6), 0).status, 200);
  const json listed = json::parse(ann.Get("/api/v1/tokens").body);
  ASSERT_EQ(listed["tokens"].size(), 1u);
  EXPECT_EQ(listed["tokens"][0].count("token"), 0u);  // the secret is never shown again
  EXPECT_EQ(As("bob").Send("DELETE", "/api/v1/tokens/" + token["id"].get<std::string>()).status, 404);
  EXPECT_EQ(ann.Send("DELETE", "/api/v1/tokens/" + token["id"].get<std::string>()).status, 200);
  EXPECT_EQ(script.Get("/api/v1/session").status, 401);
  WorkspaceClient forged(server_.port());
  forged.UseToken("ocx_" + token["id"].get<std::string>() + "_guessed");
  EXPECT_EQ(forged.Get("/api/v1/session").status, 401);
}

TEST_F(WorkspaceApi, AChangedPasswordEndsEverySession) {
  WorkspaceClient bob = As("bob");
  WorkspaceClient other_tab = As("bob");
  EXPECT_EQ(bob.Send("PUT", "/api/v1/session/password", {{"current", "wrong one"}, {"new", "a new long password"}}).status, 401);
  ASSERT_EQ(bob.Send("PUT", "/api/v1/session/password", {{"current", kPassword}, {"new", "a new long password"}}).status, 200);
  EXPECT_EQ(other_tab.Get("/api/v1/session").status, 401);
  WorkspaceClient again(server_.port());
  EXPECT_EQ(again.SignIn("bob", kPassword), 401);
  EXPECT_EQ(again.SignIn("bob", "a new long password"), 200);
}

TEST_F(WorkspaceApi, PublishedDataStaysAnonymousAndReadOnly) {
  EXPECT_EQ(HttpGet(server_.port(), "/api/v1/editions").status, 200);
  EXPECT_EQ(HttpRequest(server_.port(), "POST", "/api/v1/editions").status, 405);
  EXPECT_EQ(HttpGet(server_.port(), "/api/v1/rounds").status, 401);
}

}  // namespace
}  // namespace ocindex::test
