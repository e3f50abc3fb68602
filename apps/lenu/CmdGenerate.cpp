/// `lenu generate CONFIG.toml -n N -o events.hepmc3`: unweighted CEvNS / CC / NC events with
/// nuclear de-excitation in NuHepMC 1.0 (src/lenu/generator/), in reproducible blocks on many
/// threads, resumable, with a JSON run summary and an optional per-event CSV.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>

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
  std::string commandLine;
};

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

void runGenerate(const GenerateOptions& o) {
  using namespace lenu::generator;
  const auto table = NuclideTable::load();
  const auto settings = readGeneratorSettings(o.config);
  auto setup = buildGenerator(settings, table);
  setup.metadata.seed = o.seed;
  setup.metadata.blockSize = o.blockSize > 0 ? o.blockSize : settings.blockSize;
  setup.metadata.commandLine = o.commandLine;
  if (!o.quiet) {
    std::fprintf(stderr, "%s", setup.summary.c_str());
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
  r.configHash = fnv1a(settings.text + "|" + std::to_string(r.blockSize));
  ProgressBar bar(!o.quiet);
  r.progress = [&bar](std::uint64_t d, std::uint64_t t) { bar(d, t); };
  const auto res = runGeneration(*setup.generator, formatter, r);
  if (res.blocksResumed > 0 && !o.quiet) {
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
  const std::string summaryPath = o.summary.empty() ? o.output + ".summary.json" : o.summary;
  writeFileAtomically(summaryPath, j.dump(2) + "\n");
  if (!o.quiet) {
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
      "Units in the file: MeV, cm, lab_pos time in s, cross sections in pb per target atom.");
  cmd->add_option("config", o->config, "generator TOML file (e.g. examples/cevns-csi-sns.toml)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-n,--events", o->events, "number of events to generate [1, 2^31)")->check(CLI::Range(1ULL, 2147483647ULL));
  cmd->add_option("-o,--output", o->output, "NuHepMC output file (written as OUTPUT.part, renamed when complete)");
  cmd->add_option("--seed", o->seed, "random seed (64-bit); block b uses the stream of (seed, b)");
  cmd->add_option("--threads", o->threads, "worker threads [1, 256]")->check(CLI::Range(1U, 256U));
  cmd->add_option("--csv", o->csv, "also write a per-event CSV summary (one row per event, units in the header)");
  cmd->add_option("--summary", o->summary, "JSON run summary (default OUTPUT.summary.json)");
  cmd->add_option("--block-size", o->blockSize, "events per block (overrides the config's block_size) [1, 10^7]")
      ->check(CLI::Range(0ULL, 10000000ULL));
  cmd->add_flag("--no-resume", o->noResume, "ignore an existing checkpoint and start again");
  cmd->add_flag("-q,--quiet", o->quiet, "no progress bar or summary on stderr");
  cmd->callback([o]() {
    // provenance (G.S.1): only what determines the events (not --threads, output paths or -q),
    // so that the file is byte-identical for any thread count
    o->commandLine = fmt::format("lenu generate {} -n {} --seed {}{}", o->config, o->events, o->seed,
                                 o->blockSize > 0 ? fmt::format(" --block-size {}", o->blockSize) : std::string());
    runGenerate(*o);
  });
}

} // namespace lenu::cli
