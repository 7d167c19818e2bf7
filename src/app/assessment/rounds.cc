#include "app/assessment/rounds.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <random>
#include <set>
#include <thread>

#include "adapters/io/framework_toml.h"
#include "core/assessment/names.h"
#include "core/assessment/policy.h"
#include "core/model/framework_values.h"
#include "core/profile/narrative.h"

namespace ocindex::app {
namespace {

// How often a write is retried after another process appended to the round first.
constexpr int kAttempts = 8;

bool IndexTeam(const as::Actor& actor) {
  return actor.role == as::Role::kAdmin || actor.role == as::Role::kCoordinator;
}

Status CheckRoundId(const std::string& id) {
  const bool ok = !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
  if (ok) return {};
  return MakeError(ErrorCode::kInvalidInput, "a round id is 1 to 64 letters, digits, '-' or '_': " + id);
}

Json CellJson(const as::CellKey& key) { return Json::array({key.iso3, key.indicator}); }
Json SectionJson(const as::SectionKey& key) { return Json::array({key.iso3, key.section}); }

template <typename Version>
Json ItemState(const as::History<Version>* history) {
  if (history == nullptr) return Json::object();
  Json state{{"state", as::Token(as::CellStateName(history->state()))}, {"version", history->version()}};
  return state;
}

// The audit trail's "before" and "after" of a write: the state of what it touches.
Json Describe(const as::RoundLedger& ledger, const std::string& action, const Json& payload) {
  if (action.rfind("cell.", 0) == 0 || action == "thread.open") {
    const as::CellKey key{payload.at("cell").at(0).get<std::string>(), payload.at("cell").at(1).get<std::string>()};
    const as::CellHistory* history = ledger.FindCell(key);
    Json state = ItemState(history);
    if (history != nullptr) {
      if (auto settled = as::SettledScore(*history)) state["settled"] = core::FormatRational(*settled);
    }
    if (action == "thread.open") state["threads"] = ledger.threads().size();
    return state;
  }
  if (action.rfind("section.", 0) == 0) {
    const as::SectionKey key{payload.at("section").at(0).get<std::string>(),
                             payload.at("section").at(1).get<std::string>()};
    return ItemState(ledger.FindSection(key));
  }
  if (action == "thread.reply") {
    const int id = payload.at("thread").get<int>();
    for (const as::CommentThread& thread : ledger.threads()) {
      if (thread.id == id) return Json{{"comments", thread.comments.size()}};
    }
    return Json::object();
  }
  if (action == "round.assign") {
    return Json{{"cells_assigned", std::count_if(ledger.assignments().cells.begin(), ledger.assignments().cells.end(),
                                                 [](const auto& entry) { return !entry.second.drafting.empty(); })},
                {"sections_assigned", ledger.assignments().sections.size()}};
  }
  return Json{{"phase", as::Token(as::PhaseName(ledger.round().phase))}};
}

bool Assigned(const as::Assignments& assignments, const as::UserRef& user) {
  auto has = [&](const as::Team& team) {
    return std::find(team.drafting.begin(), team.drafting.end(), user) != team.drafting.end() ||
           std::find(team.reviewers.begin(), team.reviewers.end(), user) != team.reviewers.end();
  };
  for (const auto& entry : assignments.cells) {
    if (has(entry.second)) return true;
  }
  for (const auto& entry : assignments.sections) {
    if (has(entry.second)) return true;
  }
  for (const auto& entry : assignments.thematic) {
    if (std::find(entry.second.begin(), entry.second.end(), user) != entry.second.end()) return true;
  }
  return false;
}

}  // namespace

struct Rounds::Cached {
  std::mutex mutex;                 // guards all below
  std::condition_variable changed;  // a group was stored or failed, or a reader is done waiting
  std::string id;
  RoundDefinition definition;
  std::optional<as::RoundLedger> ledger;  // nullopt: (re)load from the store
  int version = 0;  // the stream's entries applied to `ledger`, stored or queued
  int stored = 0;   // of which the store holds these
  std::vector<adapters::JournalEntry> queue;  // applied, waiting for the next group
  bool storing = false;  // a writer is storing a group, without the lock
  int settling = 0;      // readers waiting for the writes in flight: new writes wait for them
  uint64_t epoch = 0;    // bumped when a group fails and the ledger is dropped
  Error failure;         // why the last group failed

  bool InFlight() const { return storing || !queue.empty(); }
};

Rounds::Rounds(adapters::Store& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

Result<std::shared_ptr<Rounds::Cached>> Rounds::Find(const std::string& round) {
  OCINDEX_RETURN_IF_ERROR(CheckRoundId(round));
  std::shared_ptr<Cached> cached;
  {
    std::lock_guard lock(mutex_);
    auto& slot = rounds_[round];
    if (!slot) {
      slot = std::make_shared<Cached>();
      slot->id = round;
    }
    cached = slot;
  }
  return cached;
}

Status Rounds::Load(Cached& cached) {
  std::vector<adapters::JournalEntry> entries;
  OCINDEX_ASSIGN_OR_RETURN(entries, store_.ReadStream(RoundStream(cached.id), 0));
  if (entries.empty()) return MakeError(ErrorCode::kNotFound, "no round " + cached.id);
  Json payload;
  OCINDEX_ASSIGN_OR_RETURN(payload, PayloadOf(entries.front()));
  OCINDEX_ASSIGN_OR_RETURN(cached.definition, DefinitionFrom(payload));
  const RoundDefinition& d = cached.definition;
  as::Round round;
  round.id = d.id;
  round.edition = d.edition;
  OCINDEX_ASSIGN_OR_RETURN(round.framework, adapters::io::ParseFramework(d.framework_toml, "round " + d.id));
  round.countries = d.countries;
  if (!d.baseline_edition.empty()) {
    adapters::StoredEdition baseline;
    OCINDEX_ASSIGN_OR_RETURN(baseline, store_.LoadEdition(d.baseline_edition, d.baseline_revision));
    round.baseline = std::move(baseline.dataset);
    const std::vector<std::string> section_ids = core::NarrativeSectionIds(round.framework);
    for (const auto& [iso3, revision] : d.narratives) {
      adapters::StoredProfile profile;
      OCINDEX_ASSIGN_OR_RETURN(profile, store_.LoadProfile(iso3, d.baseline_edition, revision));
      for (const core::NarrativeSection& s : profile.sections) {
        if (std::find(section_ids.begin(), section_ids.end(), s.node_id) == section_ids.end()) continue;
        round.baseline_narratives.push_back({{iso3, s.node_id}, s.text});
      }
    }
  }
  auto ledger = as::RoundLedger::Open(std::move(round), {});
  if (!ledger) return MakeError(ErrorCode::kCorrupt, "round " + d.id + " cannot be opened: " + ledger.error().ToString());
  cached.ledger.emplace(std::move(*ledger));
  cached.version = 1;
  return CatchUp(cached);
}

Status Rounds::CatchUp(Cached& cached) {
  if (!cached.ledger) return Load(cached);
  std::vector<adapters::JournalEntry> entries;
  OCINDEX_ASSIGN_OR_RETURN(entries, store_.ReadStream(RoundStream(cached.id), cached.version));
  for (const adapters::JournalEntry& entry : entries) {
    if (Status applied = ApplyEntry(*cached.ledger, entry); !applied) {
      cached.ledger.reset();
      return MakeError(ErrorCode::kCorrupt, fmt::format("round {} entry {} ({}) does not replay: {}", cached.id,
                                                        entry.version, entry.action, applied.error().ToString()));
    }
    cached.version = entry.version;
  }
  cached.stored = cached.version;
  return {};
}

std::pair<adapters::JournalEntry, Json> Rounds::EntryFor(const Cached& cached, const Write& write,
                                                        int version) const {
  const as::Actor& actor = write.actor;
  const int64_t now = clock_();
  Json payload = write.payload;
  payload["role"] = as::RoleName(actor.role);
  payload["t"] = now / 1000;
  adapters::JournalEntry entry;
  entry.stream = RoundStream(cached.id);
  entry.version = version;
  entry.at = FormatMillis(now);
  entry.actor = actor.user.id;
  entry.action = write.action;
  entry.target = write.target;
  entry.reason = write.reason;
  entry.payload = payload.dump();
  return {std::move(entry), std::move(payload)};
}

Result<adapters::JournalEntry> Rounds::Apply(Cached& cached, const Write& write, int version) {
  as::RoundLedger& ledger = *cached.ledger;
  auto [entry, payload] = EntryFor(cached, write, version);
  entry.before = Describe(ledger, write.action, write.payload).dump();
  OCINDEX_RETURN_IF_ERROR(ApplyEntry(ledger, entry, payload));  // refused: the ledger kept nothing of it
  entry.after = Describe(ledger, write.action, write.payload).dump();
  return std::move(entry);
}

Result<int> Rounds::Append(const std::string& round, const std::vector<Write>& writes, const VersionOf& version_of) {
  std::shared_ptr<Cached> cached;
  OCINDEX_ASSIGN_OR_RETURN(cached, Find(round));
  Lock lock(cached->mutex);
  if (writes.size() == 1) return AppendGrouped(*cached, lock, writes.front(), version_of);
  return AppendAlone(*cached, lock, writes, version_of);
}

// After a write lost to another process: a random pause, longer with each attempt, so
// that processes that keep colliding fall out of step.
static void BackOff(std::unique_lock<std::mutex>& lock, int attempt) {
  thread_local std::minstd_rand random(static_cast<unsigned>(std::hash<std::thread::id>()(std::this_thread::get_id())));
  const int most = 1 << std::min(attempt, 5);  // ms
  lock.unlock();
  std::this_thread::sleep_for(std::chrono::microseconds(random() % (most * 1000)));
  lock.lock();
}

Result<int> Rounds::AppendGrouped(Cached& cached, Lock& lock, const Write& write, const VersionOf& version_of) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (attempt > 0) BackOff(lock, attempt);
    cached.changed.wait(lock, [&] { return cached.settling == 0; });
    // With writes in flight the ledger is ahead of the store and cannot catch up; if
    // another process wrote meanwhile, storing the group fails and everything is retried.
    if (!cached.InFlight()) OCINDEX_RETURN_IF_ERROR(CatchUp(cached));
    adapters::JournalEntry entry;
    OCINDEX_ASSIGN_OR_RETURN(entry, Apply(cached, write, cached.version + 1));
    const int result = version_of(*cached.ledger);
    const int version = ++cached.version;
    const uint64_t epoch = cached.epoch;
    cached.queue.push_back(std::move(entry));
    while (cached.epoch == epoch && cached.stored < version) {
      if (cached.storing) {
        cached.changed.wait(lock);
      } else {
        StoreQueue(cached, lock);
      }
    }
    if (cached.epoch == epoch) return result;
    if (cached.failure.code != ErrorCode::kConflict) return cached.failure;
  }
  return MakeError(ErrorCode::kConflict, "round " + cached.id + " is being written by others too busily; try again");
}

void Rounds::StoreQueue(Cached& cached, Lock& lock) {
  std::vector<adapters::JournalEntry> group = std::move(cached.queue);
  cached.queue.clear();
  cached.storing = true;
  lock.unlock();
  Status stored = store_.AppendJournal(group);
  lock.lock();
  cached.storing = false;
  if (stored) {
    cached.stored = group.back().version;
  } else {
    // Applied but not stored: the ledger is reloaded from what is stored, and every
    // write queued behind this group (applied on top of it) is tried again.
    cached.ledger.reset();
    cached.queue.clear();
    cached.version = cached.stored = 0;
    cached.failure = stored.error();
    ++cached.epoch;
  }
  cached.changed.notify_all();
}

Result<int> Rounds::AppendAlone(Cached& cached, Lock& lock, const std::vector<Write>& writes,
                                const VersionOf& version_of) {
  for (int attempt = 0; attempt < kAttempts; ++attempt) {
    if (attempt > 0) BackOff(lock, attempt);
    OCINDEX_RETURN_IF_ERROR(Settle(cached, lock));
    std::vector<adapters::JournalEntry> entries;
    for (const Write& write : writes) {
      auto entry = Apply(cached, write, cached.version + 1 + static_cast<int>(entries.size()));
      if (!entry) {
        // Earlier writes of the batch were applied, so the ledger is reloaded without them.
        if (!entries.empty()) cached.ledger.reset();
        return entry.error();
      }
      entries.push_back(std::move(*entry));
    }
    Status stored = store_.AppendJournal(entries);
    if (stored) {
      cached.version = cached.stored = entries.back().version;
      return version_of(*cached.ledger);
    }
    cached.ledger.reset();  // applied but not stored: reload what is stored
    if (stored.error().code != ErrorCode::kConflict) return stored.error();
  }
  return MakeError(ErrorCode::kConflict, "round " + cached.id + " is being written by others too busily; try again");
}

Status Rounds::Settle(Cached& cached, Lock& lock) {
  ++cached.settling;
  cached.changed.wait(lock, [&] { return !cached.InFlight(); });
  if (--cached.settling == 0) cached.changed.notify_all();
  return CatchUp(cached);
}

Result<RoundInfo> Rounds::Create(const as::Actor& actor, const NewRound& request) {
  if (!IndexTeam(actor)) return MakeError(ErrorCode::kForbidden, "only the index team creates rounds");
  OCINDEX_RETURN_IF_ERROR(CheckRoundId(request.id));
  if (request.edition.empty()) return MakeError(ErrorCode::kInvalidInput, "a round needs the edition it publishes as");
  OCINDEX_RETURN_IF_ERROR(core::CheckEditionId(request.edition));
  if (store_.LoadFrameworkToml(request.edition).ok()) {
    return MakeError(ErrorCode::kConflict, "edition " + request.edition + " is already stored");
  }
  adapters::StoredEdition baseline;
  OCINDEX_ASSIGN_OR_RETURN(baseline, store_.LoadEdition(request.baseline));
  RoundDefinition d;
  d.id = request.id;
  d.edition = request.edition;
  OCINDEX_ASSIGN_OR_RETURN(d.framework_toml,
                           adapters::io::FrameworkForEdition(baseline.framework_toml, request.edition, request.baseline));
  d.baseline_edition = request.baseline;
  d.baseline_revision = baseline.info.revision;
  const std::set<std::string> wanted(request.countries.begin(), request.countries.end());
  for (const core::CountryEntry& country : baseline.dataset.countries) {
    if (wanted.empty() || wanted.contains(country.iso3)) d.countries.push_back(country);
  }
  if (d.countries.size() < std::max<size_t>(wanted.size(), 1)) {
    return MakeError(ErrorCode::kInvalidInput, "a country given is not in edition " + request.baseline);
  }
  std::vector<adapters::ProfileRevisionInfo> narratives;
  OCINDEX_ASSIGN_OR_RETURN(narratives, store_.ListProfiles(request.baseline));
  for (const adapters::ProfileRevisionInfo& n : narratives) {
    if (wanted.empty() || wanted.contains(n.iso3)) d.narratives[n.iso3] = n.revision;
  }
  const int64_t now = clock_();
  adapters::JournalEntry entry;
  entry.stream = RoundStream(d.id);
  entry.version = 1;
  entry.at = FormatMillis(now);
  entry.actor = actor.user.id;
  entry.action = "round.create";
  entry.target = d.id;
  entry.before = "{}";
  entry.after = Json{{"edition", d.edition}, {"baseline", d.baseline_edition}, {"countries", d.countries.size()}}.dump();
  entry.payload = DefinitionJson(d).dump();
  Status stored = store_.AppendJournal({entry});
  if (!stored) {
    if (stored.error().code == ErrorCode::kConflict) {
      return MakeError(ErrorCode::kConflict, "round " + d.id + " already exists");
    }
    return stored.error();
  }
  return Info(d.id, actor);
}

Result<RoundInfo> Rounds::Info(const std::string& round, const as::Actor& actor) {
  RoundInfo info;
  bool visible = false;
  OCINDEX_RETURN_IF_ERROR(Read(round, [&](const Cached& cached) -> Status {
    const as::RoundLedger& ledger = *cached.ledger;
    info.id = ledger.round().id;
    info.edition = ledger.round().edition;
    info.phase = ledger.round().phase;
    info.countries = static_cast<int>(ledger.round().countries.size());
    info.cells = static_cast<int>(ledger.cells().size());
    info.sections = static_cast<int>(ledger.assignments().sections.size());
    info.version = cached.version;
    info.baseline_edition = cached.definition.baseline_edition;
    visible = IndexTeam(actor) || info.phase == as::Phase::kPublished || Assigned(ledger.assignments(), actor.user);
    return {};
  }));
  // Someone with no part in a round learns nothing of it, not even that it exists.
  if (!visible) return MakeError(ErrorCode::kNotFound, "no round " + round);
  return info;
}

Result<std::vector<RoundInfo>> Rounds::List(const as::Actor& actor) {
  std::vector<adapters::JournalEntry> created;
  adapters::JournalFilter filter;
  filter.stream_prefix = "round/";
  filter.action_prefix = "round.create";
  OCINDEX_ASSIGN_OR_RETURN(created, store_.ReadJournal(filter));
  std::vector<RoundInfo> rounds;
  for (const adapters::JournalEntry& entry : created) {
    auto info = Info(entry.target, actor);
    if (info) {
      rounds.push_back(std::move(*info));
    } else if (info.error().code != ErrorCode::kNotFound) {
      return info.error();
    }
  }
  return rounds;
}

Status Rounds::Read(const std::string& round, const std::function<Status(const Cached&)>& read) {
  std::shared_ptr<Cached> cached;
  OCINDEX_ASSIGN_OR_RETURN(cached, Find(round));
  Lock lock(cached->mutex);
  OCINDEX_RETURN_IF_ERROR(Settle(*cached, lock));
  return read(*cached);
}

Status Rounds::Inspect(const std::string& round, const as::Actor& actor,
                       const std::function<void(const as::RoundLedger&)>& read) {
  if (!IndexTeam(actor)) return MakeError(ErrorCode::kForbidden, "only the index team may inspect a whole round");
  return Observe(round, read);
}

Status Rounds::Observe(const std::string& round, const std::function<void(const as::RoundLedger&)>& read) {
  return Read(round, [&](const Cached& cached) -> Status {
    read(*cached.ledger);
    return {};
  });
}

Result<int> Rounds::Submit(const std::string& round, const as::Actor& actor, const as::CellKey& cell,
                           const as::Submission& submission, int seen) {
  Write write{actor, "cell.submit", cell.ToString(), "",
              Json{{"cell", CellJson(cell)}, {"seen", seen}, {"submission", SubmissionJson(submission)}}};
  return Append(round, {write}, [&](const as::RoundLedger& l) { return l.FindCell(cell)->version(); });
}

Result<int> Rounds::Move(const std::string& round, const as::Actor& actor, const as::CellKey& cell, as::CellState to,
                         const std::string& reason, int seen, std::optional<core::Rational> settled) {
  Json payload{{"cell", CellJson(cell)}, {"to", as::Token(as::CellStateName(to))}, {"seen", seen}};
  if (settled) payload["settled"] = core::FormatRational(*settled);
  return Append(round, {Write{actor, "cell.move", cell.ToString(), reason, payload}},
                [&](const as::RoundLedger& l) { return l.FindCell(cell)->version(); });
}

Result<int> Rounds::WriteSection(const std::string& round, const as::Actor& actor, const as::SectionKey& section,
                                 const std::string& text, int seen) {
  Write write{actor, "section.write", section.ToString(), "",
              Json{{"section", SectionJson(section)}, {"seen", seen}, {"text", text}}};
  return Append(round, {write}, [&](const as::RoundLedger& l) { return l.FindSection(section)->version(); });
}

Result<int> Rounds::MoveSection(const std::string& round, const as::Actor& actor, const as::SectionKey& section,
                                as::CellState to, const std::string& reason, int seen) {
  Write write{actor, "section.move", section.ToString(), reason,
              Json{{"section", SectionJson(section)}, {"to", as::Token(as::CellStateName(to))}, {"seen", seen}}};
  return Append(round, {write}, [&](const as::RoundLedger& l) { return l.FindSection(section)->version(); });
}

Result<int> Rounds::OpenThread(const std::string& round, const as::Actor& actor, const as::CellKey& cell,
                               const std::string& text) {
  Write write{actor, "thread.open", cell.ToString(), "", Json{{"cell", CellJson(cell)}, {"text", text}}};
  return Append(round, {write}, [](const as::RoundLedger& l) { return l.threads().back().id; });
}

Status Rounds::Reply(const std::string& round, const as::Actor& actor, int thread, const std::string& text) {
  Write write{actor, "thread.reply", "thread " + std::to_string(thread), "", Json{{"thread", thread}, {"text", text}}};
  auto written = Append(round, {write}, [](const as::RoundLedger&) { return 0; });
  return written ? Status{} : Status(written.error());
}

Status Rounds::Assign(const std::string& round, const as::Actor& actor, const as::Assignments& assignments) {
  Write write{actor, "round.assign", round, "", Json{{"assignments", AssignmentsJson(assignments)}}};
  auto written = Append(round, {write}, [](const as::RoundLedger&) { return 0; });
  return written ? Status{} : Status(written.error());
}

Status Rounds::ChangePhase(const std::string& round, const as::Actor& actor, as::Phase to, const std::string& reason) {
  if (to == as::Phase::kPublished) {
    return MakeError(ErrorCode::kInvalidInput, "a round is published by publishing it ('round publish')");
  }
  Write write{actor, "round.phase", round, reason, Json{{"to", as::Token(as::PhaseName(to))}}};
  auto written = Append(round, {write}, [](const as::RoundLedger&) { return 0; });
  return written ? Status{} : Status(written.error());
}

Result<int> Rounds::Import(const std::string& round, const std::vector<ImportedSubmission>& submissions) {
  if (submissions.empty()) return MakeError(ErrorCode::kInvalidInput, "no submissions to import");
  // Each draft is checked against the version its cell will have when it is applied.
  std::shared_ptr<Cached> cached;
  OCINDEX_ASSIGN_OR_RETURN(cached, Find(round));
  std::map<as::CellKey, int> seen;
  {
    Lock lock(cached->mutex);
    OCINDEX_RETURN_IF_ERROR(Settle(*cached, lock));
    for (const ImportedSubmission& s : submissions) {
      const as::CellHistory* history = cached->ledger->FindCell(s.cell);
      if (history == nullptr) return MakeError(ErrorCode::kNotFound, "no such cell in the round", s.cell.ToString());
      seen.try_emplace(s.cell, history->version());
    }
  }
  std::vector<Write> writes;
  for (const ImportedSubmission& s : submissions) {
    writes.push_back({s.actor, "cell.submit", s.cell.ToString(), "",
                      Json{{"cell", CellJson(s.cell)}, {"seen", seen[s.cell]++}, {"submission", SubmissionJson(s.submission)}}});
  }
  return Append(round, writes, [&](const as::RoundLedger&) { return static_cast<int>(writes.size()); });
}

Result<int> Rounds::MoveAll(const std::string& round, const as::Actor& actor, as::CellState from, as::CellState to,
                            const std::string& reason) {
  std::vector<Write> writes;
  OCINDEX_RETURN_IF_ERROR(Inspect(round, actor, [&](const as::RoundLedger& ledger) {
    for (const auto& [key, history] : ledger.cells()) {
      if (history.state() != from) continue;
      writes.push_back({actor, "cell.move", key.ToString(), reason,
                        Json{{"cell", CellJson(key)}, {"to", as::Token(as::CellStateName(to))}, {"seen", history.version()}}});
    }
  }));
  if (writes.empty()) return 0;
  return Append(round, writes, [&](const as::RoundLedger&) { return static_cast<int>(writes.size()); });
}

Result<PublishReport> Rounds::Publish(const std::string& round, const as::Actor& actor) {
  std::shared_ptr<Cached> cached;
  OCINDEX_ASSIGN_OR_RETURN(cached, Find(round));
  Lock lock(cached->mutex);
  OCINDEX_RETURN_IF_ERROR(Settle(*cached, lock));
  as::RoundLedger& ledger = *cached->ledger;
  OCINDEX_RETURN_IF_ERROR(as::CheckPhaseChange(ledger.round(), actor, as::Phase::kPublished, ""));
  as::Publication publication;
  OCINDEX_ASSIGN_OR_RETURN(publication, as::BuildPublication(ledger));
  const RoundDefinition& d = cached->definition;
  const std::string source = "round " + d.id;

  adapters::PublicationToStore out;
  out.edition = {publication.edition.framework, d.framework_toml, publication.edition.dataset, source, ""};
  std::map<std::string, std::vector<core::NarrativeSection>> sections;
  for (const as::SectionText& text : publication.narratives) {
    sections[text.key.iso3].push_back(
        {text.key.section, core::SectionHeading(ledger.round().framework, text.key.section), text.text, 0});
  }
  const std::vector<std::string> order = core::NarrativeSectionIds(ledger.round().framework);
  for (auto& [iso3, parts] : sections) {
    std::sort(parts.begin(), parts.end(), [&](const auto& a, const auto& b) {
      return std::find(order.begin(), order.end(), a.node_id) < std::find(order.begin(), order.end(), b.node_id);
    });
    out.profiles.push_back({iso3, d.edition, std::move(parts), {}, "", source, actor.user.id, "published", ""});
  }
  out.expert_scores = {d.edition, publication.expert_scores, source, ""};
  Json pseudonyms = Json::object();
  for (const auto& [user, pseudonym] : publication.pseudonyms) pseudonyms[user] = pseudonym;
  Write write{actor, "round.publish", d.id, "", Json{{"to", "published"}, {"edition", d.edition}, {"pseudonyms", pseudonyms}}};
  OCINDEX_ASSIGN_OR_RETURN(out.entry, Apply(*cached, write, cached->version + 1));
  if (Status stored = store_.SavePublication(out); !stored) {
    cached->ledger.reset();
    return stored.error();
  }
  cached->stored = ++cached->version;
  std::vector<adapters::EditionInfo> revisions;
  OCINDEX_ASSIGN_OR_RETURN(revisions, store_.ListRevisions(d.edition));
  return PublishReport{d.edition, revisions.empty() ? 0 : revisions.back().revision,
                       static_cast<int>(ledger.round().countries.size()),
                       static_cast<int>(publication.expert_scores.size()), std::move(publication.changes)};
}

Result<as::CellView> Rounds::View(const std::string& round, const as::Actor& actor, const as::CellKey& cell) {
  Result<as::CellView> view = MakeError(ErrorCode::kInternal, "not read");
  OCINDEX_RETURN_IF_ERROR(Read(round, [&](const Cached& cached) -> Status {
    view = as::ViewCell(*cached.ledger, actor, cell);
    return {};
  }));
  return view;
}

Result<std::vector<WorkItem>> Rounds::Worklist(const std::string& round, const as::Actor& actor) {
  std::vector<WorkItem> items;
  OCINDEX_RETURN_IF_ERROR(Read(round, [&](const Cached& cached) -> Status {
  const as::RoundLedger& ledger = *cached.ledger;
  for (const as::CellKey& key : ledger.round().Cells()) {  // round order, as promised; the map's is by name
    const as::CellHistory& history = *ledger.FindCell(key);
    const as::Relation relation = as::RelationTo(ledger.assignments(), actor.user, key);
    if (!as::ActsThrough(actor.role, relation)) continue;
    bool drafted = false;
    for (const as::Submission* s : as::CurrentSubmissions(history, ledger.assignments().TeamOf(key))) {
      drafted = drafted || s->expert == actor.user;
    }
    items.push_back({key.iso3, key.indicator, false, history.state(), history.version(), relation, drafted});
  }
  for (const auto& [key, team] : ledger.assignments().sections) {
    const as::Relation relation = as::RelationTo(ledger.assignments(), actor.user, key);
    if (!as::ActsThrough(actor.role, relation)) continue;
    const as::SectionHistory& history = *ledger.FindSection(key);
    items.push_back({key.iso3, key.section, true, history.state(), history.version(), relation,
                     as::CurrentText(history) != nullptr});
  }
  return {};
  }));
  return items;
}

Result<RoundStatus> Rounds::Overview(const std::string& round, const as::Actor& actor) {
  if (!IndexTeam(actor)) return MakeError(ErrorCode::kForbidden, "a round's progress is for the index team");
  RoundStatus status;
  OCINDEX_ASSIGN_OR_RETURN(status.info, Info(round, actor));
  OCINDEX_RETURN_IF_ERROR(Inspect(round, actor, [&](const as::RoundLedger& ledger) {
    const std::map<as::CellKey, as::CellSignal> signals = as::Signals(ledger);
    status.progress = as::Summarise(ledger, signals);
    for (const auto& [key, signal] : signals) {
      if (signal.wide() || signal.outlier()) status.flagged.emplace_back(key, signal);
    }
    std::vector<core::ExpertScore> scores;
    for (const auto& [key, history] : ledger.cells()) {
      for (const as::Submission* s : as::CurrentSubmissions(history, ledger.assignments().TeamOf(key))) {
        scores.push_back({ledger.round().edition, key.iso3, key.indicator, s->expert.id, s->score.ToDouble(), ""});
      }
    }
    status.reliability = core::ReliabilityBy(ledger.round().framework, scores, core::ReliabilityScope::kIndicator);
  }));
  return status;
}

}  // namespace ocindex::app
