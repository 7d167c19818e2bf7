// ocindex profile import|show|export|history as a user runs them.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "support/cli_runner.h"
#include "support/narrative_fixtures.h"

namespace ocindex {
namespace {

using test::CliRun;

class ProfileCliTest : public test::CliTest {
 protected:
  std::string Narrative(const std::string& name, std::string_view text) {
    const std::string path = dir_.File(name);
    EXPECT_TRUE(test::WriteFile(path, text).ok());
    return "'" + path + "'";
  }
};

TEST_F(ProfileCliTest, ImportReportsSectionsAndStoresARevision) {
  const std::string file = Narrative("valdoria.txt", test_support::kDistributedNarrative);
  CliRun run = Ocindex("profile import " + file + " --country Kazakhstan --edition 2021 --note first",
                       "OCINDEX_AUTHOR=ana");
  ASSERT_EQ(run.exit_code, 0);
  EXPECT_NE(run.out.find("people,PEOPLE,1,"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("civil_society_social_protection,CIVIL SOCIETY AND SOCIAL PROTECTION,"),
            std::string::npos);
  CliRun history = Ocindex("profile history KAZ --edition 2021 --format csv");
  ASSERT_EQ(history.exit_code, 0);
  EXPECT_NE(history.out.find("1,"), std::string::npos);
  EXPECT_NE(history.out.find(",ana,9,"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find(",first"), std::string::npos);
}

TEST_F(ProfileCliTest, EveryImportAddsARevisionAndKeepsTheOldOne) {
  const std::string first = Narrative("a.txt", "PEOPLE\nFirst version.\n");
  const std::string second = Narrative("b.md", "# People\n\nSecond version.\n");
  ASSERT_EQ(Ocindex("profile import " + first + " -c KAZ -e 2021").exit_code, 0);
  ASSERT_EQ(Ocindex("profile import " + second + " -c KAZ -e 2021").exit_code, 0);  // Markdown by extension
  CliRun history = Ocindex("profile history KAZ -e 2021 --format csv");
  EXPECT_NE(history.out.find("\n1,"), std::string::npos) << history.out;
  EXPECT_NE(history.out.find("\n2,"), std::string::npos);
  CliRun show = Ocindex("profile show KAZ --edition 2021 --format md");
  ASSERT_EQ(show.exit_code, 0);
  EXPECT_NE(show.out.find("Second version."), std::string::npos);
  EXPECT_EQ(show.out.find("First version."), std::string::npos);
}

TEST_F(ProfileCliTest, DryRunStoresNothing) {
  const std::string file = Narrative("v.txt", test_support::kDistributedNarrative);
  ASSERT_EQ(Ocindex("profile import " + file + " -c KAZ -e 2021 --dry-run").exit_code, 0);
  EXPECT_EQ(Ocindex("profile history KAZ -e 2021").exit_code, 3);
}

TEST_F(ProfileCliTest, BadFilesAreRejectedAndStoreNothing) {
  const std::string binary = Narrative("junk.bin", std::string("PK\x03\x04\x00\x00\x01\xff", 8));
  const std::string empty = Narrative("empty.txt", "");
  const std::string headless = Narrative("headless.txt", "Just some text with no heading at all.\n");
  EXPECT_EQ(Ocindex("profile import " + binary + " -c KAZ -e 2021").exit_code, 1);
  EXPECT_EQ(Ocindex("profile import " + empty + " -c KAZ -e 2021").exit_code, 1);
  EXPECT_EQ(Ocindex("profile import " + headless + " -c KAZ -e 2021").exit_code, 1);
  EXPECT_EQ(Ocindex("profile import '" + dir_.File("missing.txt") + "' -c KAZ -e 2021").exit_code, 5);
  EXPECT_EQ(Ocindex("profile import " + empty + " -c Atlantis -e 2021").exit_code, 3);
  EXPECT_EQ(Ocindex("profile history KAZ -e 2021").exit_code, 3);
}

TEST_F(ProfileCliTest, ShowAndExportRenderEveryFormat) {
  const std::string file = Narrative("v.txt", test_support::kDistributedNarrative);
  ASSERT_EQ(Ocindex("profile import " + file + " -c KAZ -e 2021").exit_code, 0);
  CliRun html = Ocindex("profile show KAZ -e 2021 --format html");
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_NE(html.out.find("<h2>Civil society and social protection</h2>"), std::string::npos);
  ASSERT_EQ(Ocindex("profile export KAZ -e 2021 --format pdf -o '" + dir_.File("kaz.pdf") + "'").exit_code, 0);
  EXPECT_GT(std::filesystem::file_size(dir_.File("kaz.pdf")), 1000u);
  EXPECT_EQ(Ocindex("profile show KAZ -e 2021 --format pdf").exit_code, 2);  // pdf is export-only
  EXPECT_EQ(Ocindex("profile export KAZ --all -e 2021 -o x").exit_code, 1);   // a country or --all
}

TEST_F(ProfileCliTest, ExportAllWritesOneFilePerCountry) {
  ASSERT_EQ(Ocindex("profile export --all -e 2023 --format html -o '" + dir_.File("all") + "'").exit_code, 0);
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.File("all"))) {
    files += entry.path().extension() == ".html" ? 1 : 0;
  }
  EXPECT_EQ(files, 193);
  EXPECT_TRUE(std::filesystem::exists(dir_.File("all/KAZ-2023.html")));
}

}  // namespace
}  // namespace ocindex
