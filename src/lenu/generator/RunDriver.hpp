#pragma once
/// @file RunDriver.hpp
/// Runs a generator into a NuHepMC file: events in deterministic blocks of fixed size, block b
/// generated with the engine of (seed, b) (Random.hpp) by any of `threads` workers and written in
/// block order, so the file is byte-identical for a fixed seed whatever the thread count (or MPI
/// rank count: blocks are assigned round-robin to ranks and merged in order).
/// Safety: the output is written to OUTPUT.part and renamed to OUTPUT only after the footer is
/// written and flushed, so a complete-looking file is always complete. At most every checkpointSeconds (after an fsync of the data) the
/// checkpoint OUTPUT.ckpt (seed, block size, events, config hash, blocks done, byte size of the
/// .part file) is rewritten atomically; a restarted run with the same inputs truncates the .part
/// file to the recorded size and continues with the next block: no event is lost or duplicated.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <span>
#include <optional>
#include <string>
#include <vector>

#include "lenu/generator/EventGenerator.hpp"
#include "lenu/generator/NuHepMcWriter.hpp"

namespace lenu::generator {

struct RunOptions {
  std::filesystem::path output;            ///< NuHepMC file
  std::optional<std::filesystem::path> csv; ///< optional per-event CSV summary
  std::uint64_t events = 1000;             ///< total events
  std::uint64_t seed = 1;
  std::uint64_t blockSize = 10000;
  unsigned threads = 1;
  /// Generate only blocks [blockBegin, blockEnd) (a shard of a job array; the file is a complete
  /// NuHepMC file of those events; mergeShards() concatenates shards into the full run).
  std::uint64_t blockBegin = 0;
  std::uint64_t blockEnd = UINT64_MAX;
  std::uint64_t configHash = 0;            ///< identity of the configuration (checkpoint check)
  bool resume = true;                      ///< continue from OUTPUT.ckpt if it matches
  double checkpointSeconds = 2.0;          ///< fsync + checkpoint at most this often [s] (0: every block)
  /// Stop (as if killed) after writing this many blocks in this call (tests of resumption).
  std::optional<std::uint64_t> stopAfterBlocks;
  /// Called after each written block with (events written, total).
  std::function<void(std::uint64_t, std::uint64_t)> progress;
  /// Distributed runs (MPI ranks): which blocks this process generates itself (default: all),
  /// how the writer obtains the others (blocking, in block order), and a hook called once with
  /// the first block to generate (after the checkpoint is read), e.g. to broadcast it.
  std::function<bool(std::uint64_t)> localBlock;
  std::function<std::pair<std::string, std::string>(std::uint64_t)> fetchBlock;
  std::function<void(std::uint64_t)> onStart;
};

/// The NuHepMC text and CSV rows of block `block` of a run (what a remote rank sends).
std::pair<std::string, std::string> formatBlock(const EventGenerator& generator, const NuHepMcFormatter& formatter,
                                                std::uint64_t seed, std::uint64_t block, std::uint64_t blockSize,
                                                std::uint64_t events, bool csv);

struct RunResult {
  std::uint64_t eventsWritten = 0;  ///< in the final file (or so far, if stopped)
  std::uint64_t blocksResumed = 0;  ///< blocks found complete in a checkpoint
  bool completed = false;           ///< OUTPUT exists and is complete
  double seconds = 0.0;             ///< wall time of this call
  std::map<int, std::uint64_t> eventsByProcess; ///< generated in this call
};

/// CSV header and rows of the per-event summary.
std::string csvHeader();
std::string formatCsv(std::span<const Event> events);

/// Merge shard files (each a complete NuHepMC file of consecutive blocks, in order) into `output`:
/// the header of the first, the events of all, one footer; written to OUTPUT.part and renamed.
/// Throws Error(InvalidArgument) if the shards' headers differ (different runs).
void mergeShards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& output);

RunResult runGeneration(const EventGenerator& generator, const NuHepMcFormatter& formatter, const RunOptions& options);

} // namespace lenu::generator
