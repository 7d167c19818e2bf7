// Narrative extraction speed over a large synthetic corpus (> 50 MB) built in the
// benchmark from sentences written for the project's tests, permuted with a fixed
// seed into narratives of five sections. One thread: the rates are per core.
//   BM_MatchStage     matching (Hyperscan and the word index) of every section + keeping the longest matches
//   BM_FullExtraction matching + sentences, clauses, roles, flows, trends, merging
// Compare the two in one run: their ratio is what the rules cost over matching.
//   BM_FullExtractionProfileDensity  the same sentences spread among background sentences
//                     that state nothing (also written for the project), three to one, so
//                     statements per KB come near a real profile's (the counter
//                     statements_per_KB shows it; the dense corpus is the worst case)
//   BM_NarrativeFile  full extraction of a real narrative file, repeated to 50 MB: only
//                     when OCINDEX_FLOWS_BENCH_NARRATIVE names one (plain text, parsed with
//                     the 2021 framework); bytes are the whole file's, resilience included
//                     (extraction skips those sections, as it does for every profile)
//   BM_RunOnPassage   one run-on sentence: "trafficking originating in Afghanistan and "
//                     repeated N times (issue 18: 63 s at 1,600 repeats before the caps of
//                     core::ExtractLimits); near-linear in N with them
//   BM_PlaceList      one sentence listing N places ("Heroin reaches Chad, Mali, ..."):
//                     the places-per-clause cap
//   BM_ReportFile     the same for a text without profile headings, read whole (a report,
//                     an article: core/profile/whole_text.h), when OCINDEX_FLOWS_BENCH_REPORT
//                     names one; the 2023 framework
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "adapters/catalog/catalog.h"
#include "adapters/catalog/flows.h"
#include "core/flows/extractor.h"
#include "core/profile/whole_text.h"

namespace {

using ocindex::core::Narrative;

// Sentences in the profiles' style, by section: the extraction tests' sentences
// (tests/unit/core/flow_extractor_test.cc) and a few more; none comes from a real profile.
const std::vector<std::pair<std::string, std::vector<std::string>>>& Pool() {
  static const std::vector<std::pair<std::string, std::vector<std::string>>> pool = {
      {"people",
       {"For human trafficking, Georgia acts as a source and a destination country.",
        "Women from Moldova are allegedly trafficked to Turkey for sexual exploitation.",
        "Moldovan men are trafficked to Russia for forced labour in construction.",
        "Irregular migrants from Southern Asia enter the Balkans in Bulgaria, from where they travel through "
        "Serbia and on to Western Europe.",
        "Irregular migration within the region is mainly directed towards Europe.",
        "Not as widespread as in Kyrgyzstan, forced labour nonetheless occurs in Tajikistan.",
        "Smuggling networks charge high fees and use forged documents at airports."}},
      {"trade",
       {"Weapons are moved from Georgia into Turkey.",
        "Smugglers favour the Sarpi checkpoint on the Georgian-Turkish border.",
        "There is no evidence that small arms move from Serbia to Croatia.",
        "Stolen police stockpiles are a further supply of illegal weapons."}},
      {"environment",
       {"Bosnian and Montenegrin timber is moved into Serbia and then to Hungarian sawmills.",
        "Pangolin scales are shipped from Laos to Viet Nam along the Mekong River.",
        "Ivory reaches Thailand by air.",
        "Diesel is smuggled from Kyrgyzstan into Tajikistan by truck through the Karamyk checkpoint, and by rail "
        "towards Uzbekistan.",
        "Poaching of sturgeon has been declining over the past decade.",
        "Illegal logging appears to be occurring on a small scale."}},
      {"drugs",
       {"Peru is a producer, source and transit country for cocaine headed abroad.",
        "Georgia serves as a transit hub for heroin coming from Iran and bound for Ukraine.",
        "Most of the cannabis sold on the Italian market is grown in Albania.",
        "Methamphetamine seizures increased by 40% between 2015 and 2020.",
        "The domestic opium market is among the largest in the world.",
        "Armenia is not a transit country for heroin.",
        "The ecstasy trade remains small next to cannabis, but it is expected to grow.",
        "Fentanyl is made in clandestine laboratories and trafficked north to the United States."}},
      {"actors",
       {"Customs officers reportedly take bribes from cocaine brokers.",
        "Italian mafia clans are active on the coast, and criminal groups based in Morocco run the hashish boats.",
        "Criminal networks in the capital have been losing ground for years.",
        "Foreign actors from Eastern Europe control the stolen car trade."}},
  };
  return pool;
}

// Sentences of the kind that fill most of a profile and name no market, place or trend
// (written for the project).
const std::vector<std::string>& Background() {
  static const std::vector<std::string> sentences = {
      "The government adopted a national strategy last year, although its implementation has been uneven.",
      "Civil society organisations report that their funding depends heavily on international donors.",
      "Public trust in the courts remains low, and cases often take years to reach a verdict.",
      "Several reforms were announced after the elections, but few have been carried through.",
      "Local authorities have limited capacity and rarely coordinate with the national agencies.",
      "Journalists who cover corruption face pressure, and some have left their posts.",
      "The informal economy employs a large share of the workforce, especially in rural areas.",
      "Parliament has debated the issue several times without passing new legislation.",
      "Training programmes for officials have been expanded with the help of partner institutions.",
      "Data on the scale of the problem are scarce, which makes any estimate uncertain.",
  };
  return sentences;
}

struct Corpus {
  std::vector<Narrative> narratives;
  std::vector<std::string> subjects;
  int64_t bytes = 0;
};

// `background` background sentences follow each statement sentence (0 = the dense corpus).
Corpus MakeCorpus(int background) {
  Corpus out;
  std::mt19937 random(20211);  // fixed seed: the same corpus every run
  const std::vector<std::string> subjects = {"GEO", "SRB", "PER", "KAZ", "THA", "MEX"};
  constexpr int64_t kTarget = 52 * 1000 * 1000;
  size_t next_background = 0;
  while (out.bytes < kTarget) {
    Narrative narrative;
    for (const auto& [section, sentences] : Pool()) {
      std::vector<std::string> shuffled = sentences;
      std::shuffle(shuffled.begin(), shuffled.end(), random);
      std::vector<std::string> ordered;
      for (const std::string& sentence : shuffled) {
        ordered.push_back(sentence);
        for (int b = 0; b < background; ++b) ordered.push_back(Background()[next_background++ % Background().size()]);
      }
      std::string text;
      for (size_t i = 0; i < ordered.size(); ++i) text += (i == 0 ? "" : i % 3 == 0 ? "\n\n" : " ") + ordered[i];
      out.bytes += static_cast<int64_t>(text.size());
      narrative.sections.push_back({section, section, std::move(text), 0});
    }
    out.narratives.push_back(std::move(narrative));
    out.subjects.push_back(subjects[out.narratives.size() % subjects.size()]);
  }
  return out;
}

const Corpus& LargeCorpus() {
  static const Corpus corpus = MakeCorpus(0);
  return corpus;
}

const Corpus& ProfileDensityCorpus() {
  static const Corpus corpus = MakeCorpus(3);
  return corpus;
}

struct Setup {
  ocindex::core::FlowExtractor extractor;
  ocindex::core::Framework framework;
  ocindex::core::Framework framework_2021;
};

const Setup& Bundled() {
  static const Setup* setup = [] {
    auto geography = ocindex::adapters::BundledGeography();
    auto extractor = ocindex::adapters::BundledFlowExtractor(*geography);
    auto frameworks = ocindex::adapters::BundledFrameworks();
    ocindex::core::Framework framework;
    ocindex::core::Framework framework_2021;
    for (auto& source : *frameworks) {
      if (source.framework.edition == "2023") framework = source.framework;
      if (source.framework.edition == "2021") framework_2021 = source.framework;
    }
    return new Setup{std::move(*extractor), std::move(framework), std::move(framework_2021)};
  }();
  return *setup;
}

void BM_MatchStage(benchmark::State& state) {
  const Corpus& corpus = LargeCorpus();
  const Setup& setup = Bundled();
  auto scanner = setup.extractor.NewScanner();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Narrative& narrative : corpus.narratives) {
      for (const auto& section : narrative.sections) {
        auto count = setup.extractor.CountMatches(section.text, *scanner);
        tokens += *count;
      }
    }
  }
  benchmark::DoNotOptimize(tokens);
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["corpus_MB"] = static_cast<double>(corpus.bytes) / 1e6;
}
BENCHMARK(BM_MatchStage)->Unit(benchmark::kMillisecond)->Iterations(3);

void FullExtraction(benchmark::State& state, const Corpus& corpus) {
  const Setup& setup = Bundled();
  auto scanner = setup.extractor.NewScanner();
  size_t statements = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < corpus.narratives.size(); ++i) {
      auto result = setup.extractor.Extract(corpus.narratives[i], setup.framework, corpus.subjects[i], *scanner);
      statements += result->statements.size();
    }
  }
  benchmark::DoNotOptimize(statements);
  state.SetBytesProcessed(state.iterations() * corpus.bytes);
  state.counters["statements"] = static_cast<double>(statements) / static_cast<double>(state.iterations());
  state.counters["statements_per_KB"] =
      static_cast<double>(statements) / static_cast<double>(state.iterations()) / (static_cast<double>(corpus.bytes) / 1e3);
}
void BM_FullExtraction(benchmark::State& state) { FullExtraction(state, LargeCorpus()); }
BENCHMARK(BM_FullExtraction)->Unit(benchmark::kMillisecond)->Iterations(3);
void BM_FullExtractionProfileDensity(benchmark::State& state) { FullExtraction(state, ProfileDensityCorpus()); }
BENCHMARK(BM_FullExtractionProfileDensity)->Unit(benchmark::kMillisecond)->Iterations(3);

// Full extraction of one narrative, repeated to 50 MB; `bytes` is its file's size.
void ExtractRepeated(benchmark::State& state, const Narrative& narrative, const ocindex::core::Framework& framework,
                     int64_t bytes) {
  const Setup& setup = Bundled();
  const int64_t repeats = 50 * 1000 * 1000 / bytes + 1;
  auto scanner = setup.extractor.NewScanner();
  const std::string subject = setup.extractor.GuessSubject(narrative, *scanner)->country;  // as the CLI infers it
  size_t statements = 0;
  for (auto _ : state) {
    for (int64_t r = 0; r < repeats; ++r) {
      auto result = setup.extractor.Extract(narrative, framework, subject, *scanner);
      statements += result->statements.size();
    }
  }
  benchmark::DoNotOptimize(statements);
  state.SetBytesProcessed(state.iterations() * repeats * bytes);
  state.counters["corpus_MB"] = static_cast<double>(repeats * bytes) / 1e6;
  state.counters["statements_per_KB"] =
      static_cast<double>(statements) / static_cast<double>(state.iterations() * repeats) / (static_cast<double>(bytes) / 1e3);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return in ? text.str() : std::string();
}

void BM_NarrativeFile(benchmark::State& state, const std::string& path) {
  const Setup& setup = Bundled();
  const std::string text = ReadFile(path);
  auto narrative = ocindex::core::ParseNarrative(text, setup.framework_2021, ocindex::core::NarrativeFormat::kText);
  if (!narrative || narrative->sections.empty()) {
    state.SkipWithError(("cannot read a narrative from " + path).c_str());
    return;
  }
  ExtractRepeated(state, *narrative, setup.framework_2021, static_cast<int64_t>(text.size()));
}

// A report (no profile headings) read whole, as `flows extract` reads one.
void BM_ReportFile(benchmark::State& state, const std::string& path) {
  const Setup& setup = Bundled();
  const std::string text = ReadFile(path);
  const Narrative narrative = ocindex::core::WholeTextNarrative(text, {}, false);
  if (narrative.sections.empty()) {
    state.SkipWithError(("cannot read a text from " + path).c_str());
    return;
  }
  ExtractRepeated(state, narrative, setup.framework, static_cast<int64_t>(text.size()));
}

const bool kFilesRegistered = [] {
  if (const char* path = std::getenv("OCINDEX_FLOWS_BENCH_NARRATIVE")) {
    benchmark::RegisterBenchmark("BM_NarrativeFile", BM_NarrativeFile, std::string(path))
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  }
  if (const char* path = std::getenv("OCINDEX_FLOWS_BENCH_REPORT")) {
    benchmark::RegisterBenchmark("BM_ReportFile", BM_ReportFile, std::string(path))
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  }
  return true;
}();

// One hostile sentence read whole, as `flows extract` reads a text without headings.
void ExtractHostile(benchmark::State& state, const std::string& text) {
  const Setup& setup = Bundled();
  const Narrative narrative = ocindex::core::WholeTextNarrative(text, {}, false);
  auto scanner = setup.extractor.NewScanner();
  size_t notes = 0;
  for (auto _ : state) {
    auto result = setup.extractor.Extract(narrative, setup.framework, "AFG", *scanner);
    notes = result->notes.size();
    benchmark::DoNotOptimize(result);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text.size()));
  state.counters["KB"] = static_cast<double>(text.size()) / 1e3;
  state.counters["notes"] = static_cast<double>(notes);
}

void BM_RunOnPassage(benchmark::State& state) {
  std::string text = "Afghanistan is a source country. ";
  for (int64_t i = 0; i < state.range(0); ++i) text += "trafficking originating in Afghanistan and ";
  ExtractHostile(state, text + "elsewhere.");
}
BENCHMARK(BM_RunOnPassage)->Arg(200)->Arg(800)->Arg(1600)->Arg(16000)->Unit(benchmark::kMillisecond);

void BM_PlaceList(benchmark::State& state) {
  const auto& countries = Bundled().extractor.geography().countries();
  std::string text = "Heroin is trafficked from Afghanistan to ";
  for (int64_t i = 0; i < state.range(0); ++i) {
    text += countries[static_cast<size_t>(i) % countries.size()].name + ", ";
  }
  ExtractHostile(state, text + "and Iran.");
}
BENCHMARK(BM_PlaceList)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// Compiling the lexicon and gazetteer: paid once per process.
void BM_CompileLexicon(benchmark::State& state) {
  auto geography = ocindex::adapters::BundledGeography();
  for (auto _ : state) {
    auto extractor = ocindex::adapters::BundledFlowExtractor(*geography);
    benchmark::DoNotOptimize(extractor);
  }
}
BENCHMARK(BM_CompileLexicon)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
