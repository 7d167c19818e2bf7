// The one entry point of every face (CLI, HTTP API): owns the catalog, its store and
// the editions loaded and scored from it. Queries (ranks_query.h, changes_query.h, ...)
// read from it; faces only parse, call and render.
//
// Editions load on first use, so a CLI command reads only what it needs. A server
// calls LoadAll() once at start-up; afterwards reads never touch the store and are
// safe from any thread (the one lock only guards the cache). The flows are published
// on a thread of their own (StartFlows), so that reading narratives never delays the
// start.
#pragma once

#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "adapters/catalog/catalog.h"
#include "adapters/store/open_store.h"
#include "adapters/store/store.h"
#include "app/published_flows.h"
#include "core/scoring/ranked_edition.h"
#include "core/error.h"
#include "core/model/dataset.h"
#include "core/model/geography.h"
#include "core/scoring/scorecard.h"

namespace ocindex::app {

// One stored edition (its current revision), loaded and scored.
struct LoadedEdition {
  std::string id;  // "2021"
  int year = 0;    // 2021 (the API speaks numbers)
  core::Edition edition;
  core::Scorecard card;
  const LoadedEdition* previous = nullptr;  // the framework's previous edition, if stored
  std::map<std::string, adapters::StoredProfile> narratives;  // current revision, by ISO3

  // Every measure's ranks in three scopes, worked out on first use (profiles, the
  // what-if and target queries start from them); safe from any thread.
  const core::RankedEdition& Ranked() const {
    std::call_once(ranked_once_, [this] {
      ranked_ = std::make_unique<const core::RankedEdition>(edition, card);
      is_ranked_ = true;
    });
    return *ranked_;
  }
  // Whether Ranked() has its answer already (it would not wait).
  bool is_ranked() const { return is_ranked_; }

 private:
  mutable std::once_flag ranked_once_;
  mutable std::unique_ptr<const core::RankedEdition> ranked_;
  mutable std::atomic<bool> is_ranked_ = false;
};

// Opens the store at `location` (a database path; empty: the default location) as a
// catalog, filling it with the bundled editions and countries on first use. The one
// place that chooses the store.
Result<adapters::Catalog> OpenCatalog(const std::string& location);

class Engine {
 public:
  // OpenCatalog(location), with nothing loaded yet.
  static Result<std::unique_ptr<Engine>> Open(const std::string& location);

  // Loads and scores every stored edition and starts publishing the flows of their
  // narratives (StartFlows). Called again, it picks up what was stored since (a round
  // published through the API): new editions, and new revisions, which replace theirs.
  // Editions and flows already handed out stay valid (replaced ones are kept, not freed:
  // publications are rare), so it is safe beside concurrent reads.
  Status LoadAll();
  // The same for the editions listed when the engine opened, safe while other threads
  // read: a server that listens first loads them meanwhile (a request for one waits).
  // Then it ranks them (LoadedEdition::Ranked), so that a server's first profile does
  // not wait for the ranks of every unit (seconds at 100,000 units).
  Status Warm() const;

  const core::Geography& geography() const { return catalog_.geography(); }
  // Stored edition ids, oldest first (a copy: LoadAll may change them).
  std::vector<std::string> edition_ids() const;
  // The stored editions with their revisions and sources, oldest first.
  Result<std::vector<adapters::EditionInfo>> StoredEditions() const;
  // An edition id, "latest", or "" (also the newest). kNotFound lists the stored ids.
  Result<const LoadedEdition*> Edition(const std::string& id) const;
  // The flows of every stored narrative (waiting for StartFlows' work, or doing it):
  // each narrative revision's extraction as stored, else extracted and then stored.
  Result<const PublishedFlows*> Flows() const;
  // Starts publishing the flows on a thread of their own, unless they are published
  // or being published.
  void StartFlows() const;

  // A country's stored narrative revisions in an edition ("" or "latest": the newest), oldest first.
  Result<std::vector<adapters::ProfileRevisionInfo>> ProfileHistory(const std::string& country,
                                                                    const std::string& edition);
  // Stored expert-level score sets (every revision of every edition), oldest first.
  Result<std::vector<adapters::ExpertScoresInfo>> ExpertScoreSets();
  // One revision (0: the newest) of an edition's expert-level scores.
  Result<adapters::StoredExpertScores> LoadExpertScores(const std::string& edition, int revision);
  // Stores each set as a new revision of its edition; returns the revision numbers.
  Result<std::vector<int>> SaveExpertScores(const std::vector<adapters::ExpertScoresToStore>& sets);

  // The store's backend, location and schema, read anew (never cached): what
  // /api/v1/health reports. An error when the store cannot be reached.
  Result<adapters::StoreSchema> StoreHealth() const;

  // The store itself, for the services that write through the journal (rounds,
  // accounts: app/assessment/). Both backends serve concurrent callers.
  adapters::Store& shared_store() const { return catalog_.store(); }

  // For the commands that work on the catalog directly (imports, profile import and
  // export, narrative extraction). Not for concurrent use.
  adapters::Catalog& catalog() { return catalog_; }

 private:
  Engine(adapters::Catalog catalog, std::string location);
  // Reads the stored editions; drops the flows when they changed.
  Status ListEditions();
  // Holding mutex_: whether the editions or a revision changed.
  Result<bool> ListEditionsLocked();
  Result<const LoadedEdition*> LoadLocked(const std::string& id) const;
  // `chain`: the editions whose previous one is being loaded.
  Result<const LoadedEdition*> LoadLocked(const std::string& id, std::vector<std::string>& chain) const;
  Result<std::unique_ptr<const PublishedFlows>> PublishFlows() const;

  const std::string location_;  // the store's URI or path, as OpenStore takes it
  mutable std::mutex mutex_;  // guards the caches below and the catalog's store
  mutable adapters::Catalog catalog_;
  std::vector<std::string> ids_;
  std::map<std::string, int> revisions_;  // the current revision of each id listed
  mutable std::map<std::string, std::unique_ptr<LoadedEdition>> loaded_;
  mutable std::mutex flows_mutex_;  // guards the three below; never held with mutex_ taken first
  mutable std::future<Result<std::unique_ptr<const PublishedFlows>>> flows_job_;
  mutable std::unique_ptr<const PublishedFlows> flows_;
  // Replaced by LoadAll, kept for the readers that may still hold them.
  std::vector<std::unique_ptr<const PublishedFlows>> retired_flows_;
  std::vector<std::unique_ptr<LoadedEdition>> retired_editions_;  // guarded by mutex_
};

}  // namespace ocindex::app
