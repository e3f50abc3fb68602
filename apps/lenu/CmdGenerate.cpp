/// `lenu generate CONFIG.toml -n N -o events.hepmc3`: unweighted CEvNS / CC / NC events with
/// nuclear de-excitation in NuHepMC 1.0 (src/lenu/generator/), in reproducible blocks on many
/// threads, resumable, with a JSON run summary and an optional per-event CSV.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <thread>
#include <tuple>
#include <vector>
#include <filesystem>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "Commands.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/RunDriver.hpp"
#include "lenu/io/AtomicFile.hpp"

#ifdef LENU_HAVE_MPI
#include <mpi.h>
#endif

namespace lenu::cli {
namespace {

struct GenerateOptions {
  std::string config;
  std::uint64_t events = 1000;
  std::string output = "events.hepmc3";
  std::uint64_t seed = 1;
  unsigned threads = 1;
  std::string csv;
  std::string summary;
  std::uint64_t blockSize = 0;
  bool noResume = false;
  bool quiet = false;
  std::string shard; // "I/N"
  std::string commandLine;
};

/// Block range of shard "I/N" (contiguous chunks of ceil(nBlocks / N) blocks).
std::pair<std::uint64_t, std::uint64_t> shardRange(const std::string& spec, std::uint64_t nBlocks) {
  unsigned long long i = 0, n = 0;
  char slash = 0;
  if (std::sscanf(spec.c_str(), "%llu%c%llu", &i, &slash, &n) != 3 || slash != '/' || n == 0 || i >= n) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--shard '{}' must be I/N with 0 <= I < N (e.g. 3/16 for the fourth of 16 job-array tasks)", spec));
  }
  const std::uint64_t per = (nBlocks + n - 1) / n;
  const std::uint64_t b = i * per, e = std::min<std::uint64_t>(nBlocks, (i + 1) * per);
  if (b >= e) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("--shard {}: no blocks left for this shard ({} blocks of the run, {} per shard)", spec, nBlocks, per));
  }
  return {b, e};
}

class ProgressBar {
public:
  explicit ProgressBar(bool enabled) : m_on(enabled), m_t0(std::chrono::steady_clock::now()) {}
  void operator()(std::uint64_t done, std::uint64_t total) {
    if (!m_on) {
      return;
    }
    const auto now = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(now - m_t0).count();
    if (done < total && std::chrono::duration<double>(now - m_last).count() < 0.25) {
      return;
    }
    m_last = now;
    if (m_first == UINT64_MAX) {
      m_first = done; // resumed runs: rate over this call's events only
      m_tFirst = dt;
    }
    const double frac = static_cast<double>(done) / static_cast<double>(total);
    const double rate = dt > m_tFirst ? static_cast<double>(done - m_first) / (dt - m_tFirst) : 0.0;
    const double eta = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
    const int width = 30;
    const int filled = static_cast<int>(frac * width);
    std::fprintf(stderr, "\r[%s%s] %5.1f%% %llu/%llu events  %.3g events/s  ETA %.1f s   ",
                 std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(width - filled), ' ').c_str(), 100.0 * frac,
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(total), rate, eta);
    if (done >= total) {
      std::fprintf(stderr, "\n");
    }
  }

private:
  bool m_on;
  std::chrono::steady_clock::time_point m_t0, m_last{};
  std::uint64_t m_first = UINT64_MAX;
  double m_tFirst = 0.0;
};

/// MPI context: rank and size (1 process without mpirun or without MPI support).
struct Ranks {
  int rank = 0;
  int size = 1;
};

#ifdef LENU_HAVE_MPI
bool launchedByMpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") != nullptr || std::getenv("PMIX_RANK") != nullptr ||
         std::getenv("PMI_SIZE") != nullptr;
}

/// Non-root ranks: generate the blocks b = rank (mod size) from `first` on and send them to rank 0
/// in increasing order (MPI keeps the order of messages between two ranks).
void serveBlocks(const lenu::generator::EventGenerator& gen, const lenu::generator::NuHepMcFormatter& fmtr,
                 const lenu::generator::RunOptions& r, const Ranks& rk) {
  std::uint64_t first = 0;
  MPI_Bcast(&first, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  const std::uint64_t nBlocks = (r.events + r.blockSize - 1) / r.blockSize;
  for (std::uint64_t b = first; b < nBlocks; ++b) {
    if (static_cast<int>(b % static_cast<std::uint64_t>(rk.size)) != rk.rank) {
      continue;
    }
    const auto [text, rows] = lenu::generator::formatBlock(gen, fmtr, r.seed, b, r.blockSize, r.events, r.csv.has_value());
    const std::uint64_t len[2] = {text.size(), rows.size()};
    MPI_Send(len, 2, MPI_UINT64_T, 0, 0, MPI_COMM_WORLD);
    MPI_Send(text.data(), static_cast<int>(text.size()), MPI_CHAR, 0, 0, MPI_COMM_WORLD);
    MPI_Send(rows.data(), static_cast<int>(rows.size()), MPI_CHAR, 0, 0, MPI_COMM_WORLD);
  }
}

std::pair<std::string, std::string> receiveBlock(int from) {
  std::uint64_t len[2] = {0, 0};
  MPI_Recv(len, 2, MPI_UINT64_T, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  std::string text(len[0], '\0'), rows(len[1], '\0');
  MPI_Recv(text.data(), static_cast<int>(len[0]), MPI_CHAR, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  MPI_Recv(rows.data(), static_cast<int>(len[1]), MPI_CHAR, from, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  return {std::move(text), std::move(rows)};
}
#endif

void runGenerate(const GenerateOptions& o, const Ranks& rk) {
  using namespace lenu::generator;
  const auto table = NuclideTable::load();
  const auto settings = readGeneratorSettings(o.config);
  auto setup = buildGenerator(settings, table);
  setup.metadata.seed = o.seed;
  setup.metadata.blockSize = o.blockSize > 0 ? o.blockSize : settings.blockSize;
  setup.metadata.commandLine = o.commandLine;
  const bool quiet = o.quiet || rk.rank != 0;
  if (!quiet) {
    std::fprintf(stderr, "%s", setup.summary.c_str());
    if (rk.size > 1) {
      std::fprintf(stderr, "MPI: %d ranks, block b generated by rank b mod %d, merged in block order by rank 0\n",
                   rk.size, rk.size);
    }
  }
  NuHepMcFormatter formatter(setup.metadata);
  RunOptions r;
  r.output = o.output;
  if (!o.csv.empty()) {
    r.csv = o.csv;
  }
  r.events = o.events;
  r.seed = o.seed;
  r.blockSize = setup.metadata.blockSize;
  r.threads = o.threads;
  r.resume = !o.noResume;
  if (!o.shard.empty()) {
    std::tie(r.blockBegin, r.blockEnd) = shardRange(o.shard, (r.events + r.blockSize - 1) / r.blockSize);
  }
  r.configHash = fnv1a(settings.text + "|" + std::to_string(r.blockSize) + "|" + std::to_string(r.blockBegin) + "|" +
                       std::to_string(r.blockEnd));
  ProgressBar bar(!quiet);
  r.progress = [&bar](std::uint64_t d, std::uint64_t t) { bar(d, t); };
#ifdef LENU_HAVE_MPI
  if (rk.size > 1) {
    const auto size = static_cast<std::uint64_t>(rk.size);
    if (rk.rank != 0) {
      serveBlocks(*setup.generator, formatter, r, rk);
      return;
    }
    r.localBlock = [size](std::uint64_t b) { return b % size == 0; };
    r.fetchBlock = [size](std::uint64_t b) { return receiveBlock(static_cast<int>(b % size)); };
    r.onStart = [](std::uint64_t first) { MPI_Bcast(&first, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD); };
  }
#endif
  const auto res = runGeneration(*setup.generator, formatter, r);
  if (res.blocksResumed > 0 && !quiet) {
    std::fprintf(stderr, "resumed after %llu complete blocks found in %s.ckpt\n",
                 static_cast<unsigned long long>(res.blocksResumed), o.output.c_str());
  }
  nlohmann::json j;
  j["config"] = o.config;
  j["output"] = o.output;
  j["events"] = o.events;
  j["seed"] = o.seed;
  j["block_size"] = r.blockSize;
  j["threads"] = o.threads;
  j["mpi_ranks"] = rk.size;
  j["blocks"] = {r.blockBegin, std::min(r.blockEnd, (r.events + r.blockSize - 1) / r.blockSize)};
  j["flux_averaged_xsec_per_atom_cm2"] = setup.generator->fluxAveragedSigma() / units::cm2;
  j["expected_interactions_in_detector"] = setup.expectedEvents;
  j["blocks_resumed"] = res.blocksResumed;
  j["seconds_wall"] = res.seconds;
  j["events_per_second"] = res.seconds > 0.0 ? static_cast<double>(o.events - res.blocksResumed * r.blockSize) / res.seconds : 0.0;
  nlohmann::json ch = nlohmann::json::array();
  for (const auto& c : setup.generator->channels()) {
    ch.push_back({{"flavour", std::string(toString(c.flavour))},
                  {"process", c.process->description()},
                  {"mean_xsec_cm2", c.meanSigma / units::cm2},
                  {"fraction", c.probability}});
  }
  j["channels"] = ch;
  nlohmann::json bp = nlohmann::json::object();
  for (const auto& [id, n] : res.eventsByProcess) {
    bp[std::to_string(id)] = n;
  }
  j["events_by_process_id_this_call"] = bp;
  // model warnings of this process (e.g. de-excitation channels without a mass), sorted: the order
  // they arose in depends on thread timing
  auto warnings = setup.diagnostics ? setup.diagnostics->warnings() : std::vector<std::string>{};
  std::sort(warnings.begin(), warnings.end());
  j["warnings"] = warnings;
  if (!quiet) {
    for (const auto& w : warnings) {
      std::fprintf(stderr, "lenu: warning: %s\n", w.c_str());
    }
  }
  const std::string summaryPath = o.summary.empty() ? o.output + ".summary.json" : o.summary;
  writeFileAtomically(summaryPath, j.dump(2) + "\n");
  if (!quiet) {
    std::fprintf(stderr, "wrote %s (%llu events, %.2f s wall), summary %s\n", o.output.c_str(),
                 static_cast<unsigned long long>(o.events), res.seconds, summaryPath.c_str());
  }
}

} // namespace

void registerGenerateCommand(CLI::App& app) {
  auto o = std::make_shared<GenerateOptions>();
  auto* cmd = app.add_subcommand(
      "generate",
      "Event generator: unweighted CEvNS, CC and NC events (with gamma de-excitation) in NuHepMC 1.0.\n"
      "CONFIG.toml names an experiment (source, detector) and a process; see docs/generator.md and examples/.\n"
      "Events come in reproducible blocks: the same --seed gives a byte-identical file for any --threads.\n"
      "A killed run continues from OUTPUT.ckpt when re-run with the same arguments; OUTPUT appears only when complete.\n"
      "Units in the file: MeV, cm, lab_pos time in s, cross sections in pb per target atom.\n"
      "MPI (if built with it): mpirun -n N lenu generate ... -> one merged file, byte-identical to the serial run.");
  cmd->add_option("config", o->config, "generator TOML file (e.g. examples/cevns-csi-sns.toml)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-n,--events", o->events, "number of events to generate [1, 2^31)")->check(CLI::Range(1ULL, 2147483647ULL));
  cmd->add_option("-o,--output", o->output, "NuHepMC output file (written as OUTPUT.part, renamed when complete)");
  cmd->add_option("--seed", o->seed, "random seed (64-bit, default 1); block b uses the stream of (seed, b)");
  cmd->add_option("--threads", o->threads, "worker threads [1, 256]")->check(CLI::Range(1U, 256U));
  cmd->add_option("--csv", o->csv, "also write a per-event CSV summary (one row per event, units in the header)");
  cmd->add_option("--summary", o->summary, "JSON run summary (default OUTPUT.summary.json)");
  cmd->add_option("--block-size", o->blockSize, "events per block (overrides the config's block_size) [1, 10^7]")
      ->check(CLI::Range(0ULL, 10000000ULL));
  cmd->add_flag("--no-resume", o->noResume, "ignore an existing checkpoint and start again");
  cmd->add_option("--shard", o->shard,
                  "I/N: generate only the I-th of N contiguous block ranges (Slurm job arrays without MPI; "
                  "join the shard files in order with `lenu merge-shards`)");
  cmd->add_flag("-q,--quiet", o->quiet, "no progress bar or summary on stderr");
  cmd->callback([o]() {
    // provenance (G.S.1): only what determines the events (not --threads, output paths or -q),
    // so that the file is byte-identical for any thread count
    o->commandLine = fmt::format("lenu generate {} -n {} --seed {}{}", o->config, o->events, o->seed,
                                 o->blockSize > 0 ? fmt::format(" --block-size {}", o->blockSize) : std::string());
    Ranks rk;
#ifdef LENU_HAVE_MPI
    const bool mpi = launchedByMpirun();
    if (mpi) {
      MPI_Init(nullptr, nullptr);
      MPI_Comm_rank(MPI_COMM_WORLD, &rk.rank);
      MPI_Comm_size(MPI_COMM_WORLD, &rk.size);
    }
    try {
      runGenerate(*o, rk);
    } catch (const std::exception& e) {
      if (mpi && rk.size > 1) {
        std::fprintf(stderr, "lenu: error on MPI rank %d: %s\n", rk.rank, e.what());
        MPI_Abort(MPI_COMM_WORLD, 2);
      }
      if (mpi) {
        MPI_Finalize();
      }
      throw;
    }
    if (mpi) {
      MPI_Finalize();
    }
#else
    runGenerate(*o, rk);
#endif
  });
}

void registerMergeShardsCommand(CLI::App& app) {
  struct MergeOptions {
    std::vector<std::string> shards;
    std::string output;
  };
  auto o = std::make_shared<MergeOptions>();
  auto* cmd = app.add_subcommand("merge-shards",
                                 "Join the shard files of `lenu generate --shard I/N` (given in order I = 0..N-1) into one "
                                 "NuHepMC file, byte-identical to the unsharded run. Output written atomically.");
  cmd->add_option("shards", o->shards, "shard files in shard order")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", o->output, "merged NuHepMC file")->required();
  cmd->callback([o]() {
    std::vector<std::filesystem::path> p(o->shards.begin(), o->shards.end());
    lenu::generator::mergeShards(p, o->output);
  });
}

} // namespace lenu::cli
