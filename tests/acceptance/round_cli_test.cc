// ocindex user, round and trail as an operator, a coordinator and experts run them:
// accounts, who may act, assignment and import files refused whole, and one small
// round from creation to publication on SQLite and (when the tests have a server)
// PostgreSQL, its edition then read like any other and its trail verified.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <nlohmann/json.hpp>

#include "support/cli_runner.h"
#include "support/store_backends.h"

namespace ocindex {
namespace {

using test::CliRun;

constexpr const char* kFastHash = "OCINDEX_PASSWORD_COST=minimum";
constexpr const char* kPassword = "correct-horse-battery";

std::vector<std::vector<std::string>> CsvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::vector<std::string> cells;
    std::istringstream fields(line);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

class RoundCliTest : public test::CliTest {
 protected:
  std::string db_;  // empty: the scratch SQLite file

  CliRun Run(const std::string& args) { return Ocindex(args, kFastHash, db_); }
  // Runs with `input` on standard input.
  CliRun Piped(const std::string& input, const std::string& args) {
    return Ocindex(args, "printf '%s\\n' '" + input + "' | " + kFastHash, db_);
  }
  void AddUser(const std::string& name, const std::string& role) {
    CliRun run = Piped(kPassword, "user add " + name + " --role " + role + " --password-stdin");
    ASSERT_EQ(run.exit_code, 0) << run.err;
  }
  std::string File(const std::string& name, const std::string& text) {
    const std::string path = dir_.File(name);
    EXPECT_TRUE(test::WriteFile(path, text).ok());
    return "'" + path + "'";
  }
  // The journal entries whose action starts with `action`.
  size_t Entries(const std::string& action) {
    CliRun trail = Run("trail --format csv --action " + action);
    EXPECT_EQ(trail.exit_code, 0) << trail.err;
    return CsvRows(trail.out).size() - 1;
  }
  // A coordinator "coord", experts e1..e3 and a reviewer r1; round R2027 over three
  // Central Asian countries of 2025, two experts per cell round-robin.
  void StaffRound() {
    AddUser("coord", "coordinator");
    for (const char* expert : {"e1", "e2", "e3"}) AddUser(expert, "expert");
    AddUser("r1", "reviewer");
    CliRun create = Run("round create R2027 --edition 2027 --baseline 2025 --countries KAZ,UZB,KGZ --as coord "
                        "--format csv");
    ASSERT_EQ(create.exit_code, 0) << create.err;
    EXPECT_NE(create.out.find("R2027,2027,2025,drafting,3,"), std::string::npos) << create.out;
    CliRun assign = Run("round assign R2027 --experts-per-cell 2 --experts e1,e2,e3 --reviewers r1 --as coord");
    ASSERT_EQ(assign.exit_code, 0) << assign.err;
  }
  // Every cell each expert drafts, scored 5 + 0.5 per expert number, with a reason
  // (some scores move far from 2025).
  std::string Submissions(const std::string& score_of_e1 = "5") {
    std::string csv = "iso3,indicator,expert,score,justification,sources,confidence,change_reason\n";
    for (const std::string expert : {"e1", "e2", "e3"}) {
      CliRun work = Run("round worklist R2027 --format csv --as " + expert);
      EXPECT_EQ(work.exit_code, 0) << work.err;
      const auto rows = CsvRows(work.out);
      const std::string score = expert == "e1" ? score_of_e1 : expert == "e2" ? "5.5" : "6";
      for (size_t r = 1; r < rows.size(); ++r) {
        csv += rows[r][0] + "," + rows[r][1] + "," + expert + "," + score +
               ",Seizure reports and interviews.,UNODC 2025 | https://example.org/r,4,offline review\n";
      }
    }
    return csv;
  }
};

TEST_F(RoundCliTest, TheOperatorManagesUsersAndTokens) {
  CliRun add = Piped(kPassword, "user add alice --role admin --password-stdin");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(add.err.find("added alice (admin)"), std::string::npos) << add.err;
  EXPECT_EQ(Piped("short", "user add bob --role expert --password-stdin").exit_code, 1);
  EXPECT_EQ(Piped(kPassword, "user add alice --role expert --password-stdin").exit_code, 4);
  // An endless stream is refused at once, not read into memory (issue 18).
  CliRun endless = Run("user add carol --role expert --password-stdin < /dev/zero");
  EXPECT_EQ(endless.exit_code, 1);
  EXPECT_NE(endless.err.find("longer than 4,096 bytes"), std::string::npos) << endless.err;
  CliRun prompt = Run("user add bob --role expert < /dev/null");
  EXPECT_EQ(prompt.exit_code, 1);
  EXPECT_NE(prompt.err.find("--password-stdin"), std::string::npos) << prompt.err;
  AddUser("bob", "expert");

  ASSERT_EQ(Run("user role bob reviewer").exit_code, 0);
  ASSERT_EQ(Piped("another-long-password", "user passwd bob --password-stdin").exit_code, 0);
  ASSERT_EQ(Run("user disable bob").exit_code, 0);
  CliRun list = Run("user list --format csv");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  auto rows = CsvRows(list.out);
  ASSERT_EQ(rows.size(), 3u) << list.out;
  EXPECT_EQ(rows[0], (std::vector<std::string>{"name", "role", "disabled", "created"}));
  EXPECT_EQ(rows[1][0] + "," + rows[1][1] + "," + rows[1][2], "alice,admin,no");
  EXPECT_EQ(rows[2][0] + "," + rows[2][1] + "," + rows[2][2], "bob,reviewer,yes");
  EXPECT_EQ(Run("round list --as bob").exit_code, 7);  // disabled
  ASSERT_EQ(Run("user enable bob").exit_code, 0);
  EXPECT_EQ(Run("round list --as bob").exit_code, 0);
  EXPECT_EQ(Run("user role nobody expert").exit_code, 3);

  CliRun issue = Run("user token issue bob --label 'nightly sync'");
  ASSERT_EQ(issue.exit_code, 0) << issue.err;
  EXPECT_EQ(issue.out.rfind("ocx_", 0), 0u) << issue.out;
  EXPECT_NE(issue.err.find("shown only once"), std::string::npos) << issue.err;
  CliRun tokens = Run("user token list bob --format csv");
  rows = CsvRows(tokens.out);
  ASSERT_EQ(rows.size(), 2u) << tokens.out;
  EXPECT_EQ(rows[1][1] + "," + rows[1][2] + "," + rows[1][4], "bob,nightly sync,no");
  EXPECT_EQ(issue.out.substr(4, 12), rows[1][0]);  // the secret names its id
  ASSERT_EQ(Run("user token revoke " + rows[1][0]).exit_code, 0);
  EXPECT_NE(Run("user token list --format csv").out.find("nightly sync,"), std::string::npos);
  EXPECT_EQ(CsvRows(Run("user token list --format csv").out)[1][4], "yes");

  // Every change is the operator's in the trail, and no secret or hash is in it.
  CliRun trail = Run("trail --stream accounts --actor operator --format csv");
  ASSERT_EQ(trail.exit_code, 0) << trail.err;
  for (const char* action : {"user.add", "user.role", "user.password", "user.disable", "token.revoke"}) {
    EXPECT_NE(trail.out.find(action), std::string::npos) << action;
  }
  EXPECT_EQ(Run("trail --format json").out.find("argon2id"), std::string::npos);
  EXPECT_EQ(Run("trail verify").exit_code, 0);
}

TEST_F(RoundCliTest, TrailVerifyFailsOnAGapInTheJournal) {
  for (const char* user : {"a1", "a2", "a3"}) AddUser(user, "reader");
  ASSERT_EQ(Run("trail verify").exit_code, 0);
  {
    // Someone with the database's credentials removes an entry.
    SQLite::Database db(dir_.File("ocindex.db"), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER journal_no_delete; DELETE FROM journal WHERE stream = 'accounts' AND version = 2");
  }
  CliRun verify = Run("trail verify --format csv");
  EXPECT_EQ(verify.exit_code, 5);
  EXPECT_EQ(verify.out.find("problems,0"), std::string::npos) << verify.out;
  EXPECT_NE(verify.err.find("accounts: entry 3 follows entry 1"), std::string::npos) << verify.err;
}

TEST_F(RoundCliTest, AnUnknownUserIsUnauthenticatedAndAnExpertMayNotCreateARound) {
  AddUser("e1", "expert");
  CliRun unknown = Run("round list --as nobody");
  EXPECT_EQ(unknown.exit_code, 7);
  EXPECT_NE(unknown.err.find("no user 'nobody'"), std::string::npos) << unknown.err;
  EXPECT_EQ(Run("round list").exit_code, 7);  // nobody named
  EXPECT_EQ(Ocindex("round list", std::string(kFastHash) + " OCINDEX_USER=e1", db_).exit_code, 0);
  CliRun create = Run("round create R1 --edition 2027 --baseline 2025 --as e1");
  EXPECT_EQ(create.exit_code, 6) << create.err;
  EXPECT_NE(create.err.find("only the index team creates rounds"), std::string::npos) << create.err;
}

// Issue 18: a round publishes as an edition, so its id is held to the edition rule.
TEST_F(RoundCliTest, ARoundCannotPublishAsAnUnsafeEditionId) {
  AddUser("coord", "coordinator");
  CliRun create = Run("round create R1 --edition ../../etc --baseline 2025 --as coord");
  EXPECT_EQ(create.exit_code, 1) << create.err;
  EXPECT_NE(create.err.find("edition id '../../etc' is not a plain id"), std::string::npos) << create.err;
  EXPECT_EQ(Entries("round."), 0u);
}

TEST_F(RoundCliTest, ABadAssignmentsFileAssignsNothing) {
  StaffRound();
  const size_t assigned = Entries("round.assign");
  const std::string file = File("assign.csv",
                                "kind,iso3,item,user,capacity\n"
                                "cell,KAZ,heroin_trade,e1,drafting\n"
                                "cell,FRA,heroin_trade,e2,drafting\n"
                                "cell,KAZ,heroin_trade,r1,drafting\n"
                                "thematic,,heroin_trade,r1,reviewer\n");
  CliRun run = Run("round assign R2027 --file " + file + " --as coord");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("assign.csv, line 3, column 2: 'FRA' is not a country of round R2027"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("assign.csv, line 4, column 4: r1 has role reviewer: expected role expert"), std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("nothing was assigned"), std::string::npos) << run.err;
  EXPECT_EQ(Entries("round.assign"), assigned);
  // The round-robin staffing still stands: e1 drafts its share.
  EXPECT_GT(CsvRows(Run("round worklist R2027 --format csv --as e1").out).size(), 1u);
}

TEST_F(RoundCliTest, AWorklistIsInRoundOrder) {
  StaffRound();
  std::vector<std::string> round_order, worklist;
  const auto cells = CsvRows(Run("round export R2027 --format csv --as coord").out);
  const auto work = CsvRows(Run("round worklist R2027 --format csv --as e1").out);
  for (size_t r = 1; r < cells.size(); ++r) round_order.push_back(cells[r][0] + "/" + cells[r][1]);
  for (size_t r = 1; r < work.size(); ++r) worklist.push_back(work[r][0] + "/" + work[r][1]);
  ASSERT_GT(worklist.size(), 2u);
  std::erase_if(round_order, [&](const std::string& cell) {
    return std::find(worklist.begin(), worklist.end(), cell) == worklist.end();
  });
  EXPECT_EQ(worklist, round_order);  // e1's cells in the export's (round) order
}

TEST_F(RoundCliTest, OnlyTheIndexTeamImportsAndAnImportIsAllOrNothing) {
  StaffRound();
  const std::string good = File("good.csv", Submissions());
  CliRun by_expert = Run("round import R2027 --file " + good + " --as e1");
  EXPECT_EQ(by_expert.exit_code, 6);
  EXPECT_NE(by_expert.err.find("only the index team"), std::string::npos) << by_expert.err;

  // A line the reader refuses, with its place.
  std::string csv = Submissions();
  const std::string bad = File("bad.csv", csv + "KAZ,heroin_trade,e1,11,Too high.,,3,x\n");
  CliRun refused = Run("round import R2027 --file " + bad + " --as coord");
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("bad.csv, line "), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find("column 4: score '11'"), std::string::npos) << refused.err;
  EXPECT_EQ(Entries("cell.submit"), 0u);

  // A row the round refuses (its cell is no longer in draft): nothing of the file is stored.
  const auto first = CsvRows(Run("round worklist R2027 --format csv --as e1").out)[1];
  const std::string cell = "R2027 " + first[0] + " " + first[1];
  CliRun submit = Run("round submit " + cell + " --score 5 --justification 'Seen in the field.' --reason r --as e1");
  ASSERT_EQ(submit.exit_code, 0) << submit.err;
  CliRun show = Run("round show " + cell + " --as e1 --format json");
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(nlohmann::json::parse(show.out)["submissions"][0]["expert"], "e1");
  ASSERT_EQ(Entries("cell.submit"), 1u);
  ASSERT_EQ(Run("round move " + cell + " --to submitted --as coord").exit_code, 4);  // e1's partner has not drafted
  CliRun late = Run("round import R2027 --file " + good + " --as coord");
  ASSERT_EQ(late.exit_code, 0) << late.err;  // drafts of a cell in draft: all stored
  ASSERT_EQ(Run("round move " + cell + " --to submitted --as e1").exit_code, 0);
  const size_t stored = Entries("cell.submit");
  CliRun again = Run("round import R2027 --file " + good + " --as coord");
  EXPECT_EQ(again.exit_code, 4) << again.err;
  EXPECT_NE(again.err.find("nothing was stored"), std::string::npos) << again.err;
  EXPECT_EQ(Entries("cell.submit"), stored);
}

class RoundCliBackendTest : public RoundCliTest, public ::testing::WithParamInterface<std::string> {
 protected:
  void SetUp() override {
    backend_ = adapters::MakeBackend(GetParam());
    if (backend_) db_ = backend_->uri();
  }
  std::unique_ptr<adapters::Backend> backend_;
};

TEST_P(RoundCliBackendTest, AWholeRoundFromCreationToPublication) {
  StaffRound();
  CliRun import = Run("round import R2027 --file " + File("subs.csv", Submissions()) + " --as coord");
  ASSERT_EQ(import.exit_code, 0) << import.err;
  for (const char* step : {"move-all R2027 --from draft --to submitted", "phase R2027 review_open",
                           "move-all R2027 --from submitted --to in_review",
                           "move-all R2027 --from in_review --to agreed", "phase R2027 calibration",
                           "phase R2027 settled", "move-all R2027 --from agreed --to final"}) {
    CliRun run = Run(std::string("round ") + step + " --as coord");
    ASSERT_EQ(run.exit_code, 0) << step << ": " << run.err;
  }
  CliRun status = Run("round status R2027 --as coord --format json");
  ASSERT_EQ(status.exit_code, 0) << status.err;
  const auto progress = nlohmann::json::parse(status.out);
  EXPECT_EQ(progress["progress"][0]["by"], "round");
  EXPECT_EQ(progress["progress"][0]["final_pct"], 100.0);
  EXPECT_TRUE(progress.contains("reliability"));
  EXPECT_EQ(Run("round status R2027 --as e1").exit_code, 6);  // progress names experts: index team only

  // The settled scores, before publication: the median of two drafts, rounded up.
  CliRun exported = Run("round export R2027 --format csv --as coord");
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const auto cells = CsvRows(exported.out);
  EXPECT_EQ(cells[0], (std::vector<std::string>{"iso3", "indicator", "state", "version", "settled", "proposal",
                                                "spread", "wide", "outlier_z", "drafts"}));
  std::map<std::string, std::string> settled;  // "KAZ/heroin_trade" -> score
  for (size_t r = 1; r < cells.size(); ++r) {
    EXPECT_EQ(cells[r][2], "final");
    EXPECT_EQ(cells[r][9], "2");
    EXPECT_TRUE(cells[r][4] == "5.5" || cells[r][4] == "6") << cells[r][4];  // (5, 5.5) -> 5.5; (5.5, 6) or (5, 6) -> 6
    settled[cells[r][0] + "/" + cells[r][1]] = cells[r][4];
  }

  CliRun publish = Run("round publish R2027 --as coord --format csv");
  ASSERT_EQ(publish.exit_code, 0) << publish.err;
  const auto report = CsvRows(publish.out);
  ASSERT_EQ(report.size(), 2u) << publish.out;
  EXPECT_EQ(report[1][0], "2027");
  EXPECT_EQ(report[1][1], "1");
  EXPECT_EQ(report[1][2], "3");
  EXPECT_EQ(report[1][3], std::to_string(cells.size() - 1));

  CliRun scores = Run("scores 2027 -i heroin_trade --format csv");
  ASSERT_EQ(scores.exit_code, 0) << scores.err;
  EXPECT_NE(scores.out.find(settled.at("KAZ/heroin_trade")), std::string::npos) << scores.out;
  CliRun country = Run("country KAZ --edition 2027 --format csv");
  ASSERT_EQ(country.exit_code, 0) << country.err;
  std::string heroin = settled.at("KAZ/heroin_trade");
  heroin += heroin.find('.') == std::string::npos ? ".00" : "0";  // 6 -> 6.00, 5.5 -> 5.50
  EXPECT_NE(country.out.find("heroin_trade,Heroin trade," + heroin + ","), std::string::npos) << country.out;

  CliRun verify = Run("trail verify --format csv");
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_NE(verify.out.find("publications,1"), std::string::npos) << verify.out;
  EXPECT_NE(verify.out.find("problems,0"), std::string::npos) << verify.out;
  // One CSV row per write: as many as the check counted entries.
  CliRun trail = Run("trail --format csv");
  const auto rows = CsvRows(trail.out);
  EXPECT_EQ(trail.out.substr(0, trail.out.find('\n')), "seq,at,actor,action,stream,version,target,reason,before,after");
  EXPECT_NE(verify.out.find("entries," + std::to_string(rows.size() - 1)), std::string::npos) << verify.out;
  EXPECT_EQ(Entries("round.publish"), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoundCliBackendTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& backend) { return backend.param; });

}  // namespace
}  // namespace ocindex
