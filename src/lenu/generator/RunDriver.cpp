#include "lenu/generator/RunDriver.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/io/AtomicFile.hpp"

namespace lenu::generator {
namespace {

std::filesystem::path withSuffix(const std::filesystem::path& p, const std::string& s) { return p.string() + s; }

struct Checkpoint {
  std::uint64_t seed = 0, blockSize = 0, events = 0, configHash = 0, blocksDone = 0, bytes = 0, csvBytes = 0;
  std::string text() const {
    return fmt::format("lenu-generate-checkpoint 1\nseed {}\nblock_size {}\nevents {}\nconfig_hash {}\nblocks_done {}\n"
                       "bytes {}\ncsv_bytes {}\n",
                       seed, blockSize, events, configHash, blocksDone, bytes, csvBytes);
  }
  static std::optional<Checkpoint> read(const std::filesystem::path& p) {
    std::ifstream in(p);
    if (!in) {
      return std::nullopt;
    }
    std::string magic;
    int version = 0;
    in >> magic >> version;
    if (magic != "lenu-generate-checkpoint" || version != 1) {
      return std::nullopt;
    }
    Checkpoint c;
    std::string key;
    std::map<std::string, std::uint64_t> kv;
    for (std::uint64_t v = 0; in >> key >> v;) {
      kv[key] = v;
    }
    if (kv.size() != 7) {
      return std::nullopt;
    }
    c.seed = kv["seed"];
    c.blockSize = kv["block_size"];
    c.events = kv["events"];
    c.configHash = kv["config_hash"];
    c.blocksDone = kv["blocks_done"];
    c.bytes = kv["bytes"];
    c.csvBytes = kv["csv_bytes"];
    return c;
  }
};

/// Append-only file with fsync.
class Sink {
public:
  Sink(const std::filesystem::path& p, std::uint64_t truncateTo, bool fresh) : m_path(p) {
    m_fd = ::open(p.c_str(), O_WRONLY | O_CREAT | (fresh ? O_TRUNC : 0), 0644);
    if (m_fd < 0) {
      throw Error(ErrorCode::IoError, fmt::format("cannot open {} for writing", p.string()));
    }
    if (!fresh && ::ftruncate(m_fd, static_cast<off_t>(truncateTo)) != 0) {
      throw Error(ErrorCode::IoError, fmt::format("cannot truncate {} to {} bytes", p.string(), truncateTo));
    }
    m_size = fresh ? 0 : truncateTo;
    if (::lseek(m_fd, static_cast<off_t>(m_size), SEEK_SET) < 0) {
      throw Error(ErrorCode::IoError, fmt::format("cannot seek in {}", p.string()));
    }
  }
  ~Sink() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  void write(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
      const auto n = ::write(m_fd, s.data() + done, s.size() - done);
      if (n < 0) {
        throw Error(ErrorCode::IoError, fmt::format("write to {} failed", m_path.string()));
      }
      done += static_cast<std::size_t>(n);
    }
    m_size += s.size();
  }
  void sync() {
    if (::fsync(m_fd) != 0) {
      throw Error(ErrorCode::IoError, fmt::format("fsync of {} failed", m_path.string()));
    }
  }
  std::uint64_t size() const { return m_size; }

private:
  std::filesystem::path m_path;
  int m_fd = -1;
  std::uint64_t m_size = 0;
};

} // namespace

std::string csvHeader() {
  return "event,process_id,flavour,E_nu_MeV,time_ns,target_Z,target_A,recoil_MeV,excitation_MeV,cos_theta,n_gamma,"
         "E_gamma_sum_MeV\n";
}

std::string formatCsv(std::span<const Event> events) {
  std::string out;
  for (const auto& e : events) {
    int ng = 0;
    double eg = 0.0;
    for (const auto& p : e.particles) {
      if (p.pdg == 22 && p.status == kStatusFinal) {
        ++ng;
        eg += p.p.e;
      }
    }
    out += fmt::format("{},{},{},{:.10g},{:.10g},{},{},{:.10g},{:.10g},{:.10g},{},{:.10g}\n", e.number, e.processId,
                       toString(e.flavour), e.energy, e.time, e.targetZ, e.targetA, e.recoil, e.excitation, e.cosTheta,
                       ng, eg);
  }
  return out;
}

std::pair<std::string, std::string> formatBlock(const EventGenerator& gen, const NuHepMcFormatter& fmtr, std::uint64_t seed,
                                                std::uint64_t b, std::uint64_t blockSize, std::uint64_t events, bool csv) {
  const std::uint64_t first = b * blockSize;
  const std::size_t count = static_cast<std::size_t>(std::min(blockSize, events - first));
  const auto ev = gen.generateBlock(seed, b, first, count);
  return {fmtr.formatEvents(ev), csv ? formatCsv(ev) : std::string()};
}

void mergeShards(const std::vector<std::filesystem::path>& shards, const std::filesystem::path& output) {
  if (shards.empty()) {
    throw Error(ErrorCode::InvalidArgument, "mergeShards: no shard files given");
  }
  const std::string footer = NuHepMcFormatter::footer();
  const auto part = withSuffix(output, ".part");
  std::string header0;
  {
    Sink out(part, 0, true);
    for (std::size_t i = 0; i < shards.size(); ++i) {
      std::ifstream in(shards[i], std::ios::binary);
      if (!in) {
        throw Error(ErrorCode::IoError, fmt::format("mergeShards: cannot read {}", shards[i].string()));
      }
      std::ostringstream os;
      os << in.rdbuf();
      const std::string text = os.str();
      const auto firstEvent = text.find("\nE ");
      const auto foot = text.rfind(footer);
      if (foot == std::string::npos || foot + footer.size() != text.size()) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("mergeShards: {} is not a complete NuHepMC file (no end-of-listing line)", shards[i].string()));
      }
      const std::size_t bodyStart = firstEvent == std::string::npos ? foot : firstEvent + 1;
      const std::string header = text.substr(0, bodyStart);
      if (i == 0) {
        header0 = header;
        out.write(header);
      } else if (header != header0) {
        throw Error(ErrorCode::InvalidArgument,
                    fmt::format("mergeShards: the header of {} differs from that of {} (not the same run)",
                                shards[i].string(), shards[0].string()));
      }
      out.write(text.substr(bodyStart, foot - bodyStart));
    }
    out.write(footer);
    out.sync();
  }
  std::filesystem::rename(part, output);
}

RunResult runGeneration(const EventGenerator& gen, const NuHepMcFormatter& fmtr, const RunOptions& opt) {
  const auto t0 = std::chrono::steady_clock::now();
  if (opt.blockSize == 0 || opt.events == 0 || opt.threads == 0) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("runGeneration: events ({}), block size ({}) and threads ({}) must be >= 1", opt.events,
                            opt.blockSize, opt.threads));
  }
  RunResult res;
  const auto part = withSuffix(opt.output, ".part");
  const auto ckptPath = withSuffix(opt.output, ".ckpt");
  const auto csvPart = opt.csv ? std::optional(withSuffix(*opt.csv, ".part")) : std::nullopt;
  const std::uint64_t nBlocks = (opt.events + opt.blockSize - 1) / opt.blockSize;
  const std::uint64_t begin = std::min(opt.blockBegin, nBlocks);
  const std::uint64_t end = std::min(opt.blockEnd, nBlocks);
  if (begin >= end) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("runGeneration: empty block range [{}, {}) of {} blocks",
                                                        opt.blockBegin, opt.blockEnd, nBlocks));
  }
  Checkpoint ck{opt.seed, opt.blockSize, opt.events, opt.configHash, begin, 0, 0};
  bool fresh = true;
  if (opt.resume && std::filesystem::exists(part)) {
    if (auto old = Checkpoint::read(ckptPath); old && old->seed == ck.seed && old->blockSize == ck.blockSize &&
                                               old->events == ck.events && old->configHash == ck.configHash &&
                                               old->blocksDone >= begin && old->blocksDone <= end &&
                                               std::filesystem::file_size(part) >= old->bytes &&
                                               (!csvPart || (std::filesystem::exists(*csvPart) &&
                                                             std::filesystem::file_size(*csvPart) >= old->csvBytes))) {
      ck = *old;
      fresh = false;
      res.blocksResumed = ck.blocksDone - begin;
    }
  }
  Sink out(part, ck.bytes, fresh);
  std::optional<Sink> csv;
  if (csvPart) {
    csv.emplace(*csvPart, ck.csvBytes, fresh);
  }
  if (fresh) {
    out.write(fmtr.header());
    if (csv) {
      csv->write(csvHeader());
    }
    ck.bytes = out.size();
    ck.csvBytes = csv ? csv->size() : 0;
    writeFileAtomically(ckptPath, ck.text());
  }
  // workers generate blocks; the main thread writes them in order
  std::mutex mu;
  std::condition_variable cv;
  std::map<std::uint64_t, std::pair<std::string, std::string>> ready;
  std::map<int, std::uint64_t> byProcess;
  if (opt.onStart) {
    opt.onStart(ck.blocksDone);
  }
  const auto isLocal = [&opt](std::uint64_t b) { return !opt.localBlock || opt.localBlock(b); };
  std::atomic<std::uint64_t> next{ck.blocksDone};
  std::uint64_t written = ck.blocksDone;
  const std::uint64_t window = 2ULL * opt.threads;
  const std::uint64_t stopAt =
      opt.stopAfterBlocks ? std::min(end, ck.blocksDone + *opt.stopAfterBlocks) : end;
  bool abort = false;
  std::exception_ptr failure;
  auto lastCheckpoint = std::chrono::steady_clock::now();
  auto worker = [&]() {
    try {
      for (;;) {
        const std::uint64_t b = next.fetch_add(1);
        if (b >= stopAt) {
          return;
        }
        if (!isLocal(b)) {
          continue;
        }
        {
          std::unique_lock lk(mu);
          cv.wait(lk, [&] { return abort || b < written + window; });
          if (abort) {
            return;
          }
        }
        const std::uint64_t first = b * opt.blockSize;
        const std::size_t count = static_cast<std::size_t>(std::min(opt.blockSize, opt.events - first));
        const auto events = gen.generateBlock(opt.seed, b, first, count);
        std::string text = fmtr.formatEvents(events);
        std::string rows = csvPart ? formatCsv(events) : std::string();
        std::map<int, std::uint64_t> local;
        for (const auto& e : events) {
          ++local[e.processId];
        }
        std::lock_guard lk(mu);
        for (auto [k, v] : local) {
          byProcess[k] += v;
        }
        ready.emplace(b, std::make_pair(std::move(text), std::move(rows)));
        cv.notify_all();
      }
    } catch (...) {
      std::lock_guard lk(mu);
      if (!failure) {
        failure = std::current_exception();
      }
      abort = true;
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < opt.threads; ++t) {
    pool.emplace_back(worker);
  }
  try {
    while (written < stopAt) {
      std::pair<std::string, std::string> blk;
      if (!isLocal(written)) {
        blk = opt.fetchBlock(written);
      } else {
        std::unique_lock lk(mu);
        cv.wait(lk, [&] { return failure != nullptr || ready.count(written) != 0U; });
        if (failure) {
          break;
        }
        blk = std::move(ready[written]);
        ready.erase(written);
      }
      out.write(blk.first);
      if (csv) {
        csv->write(blk.second);
      }
      {
        std::lock_guard lk(mu);
        ++written;
        cv.notify_all();
      }
      // checkpoint (data synced first, then the checkpoint replaced atomically) at most every
      // opt.checkpointSeconds, and after the last block
      const auto now = std::chrono::steady_clock::now();
      if (written == stopAt || std::chrono::duration<double>(now - lastCheckpoint).count() >= opt.checkpointSeconds) {
        out.sync();
        if (csv) {
          csv->sync();
        }
        ck.blocksDone = written;
        ck.bytes = out.size();
        ck.csvBytes = csv ? csv->size() : 0;
        writeFileAtomically(ckptPath, ck.text());
        lastCheckpoint = now;
      }
      if (opt.progress) {
        opt.progress(std::min(written * opt.blockSize, opt.events) - begin * opt.blockSize,
                     std::min(end * opt.blockSize, opt.events) - begin * opt.blockSize);
      }
    }
  } catch (...) {
    {
      std::lock_guard lk(mu);
      abort = true;
      cv.notify_all();
    }
    for (auto& t : pool) {
      t.join();
    }
    throw;
  }
  for (auto& t : pool) {
    t.join();
  }
  if (failure) {
    std::rethrow_exception(failure);
  }
  res.eventsByProcess = byProcess;
  res.eventsWritten = std::min(written * opt.blockSize, opt.events) - begin * opt.blockSize;
  if (written == end) {
    out.write(NuHepMcFormatter::footer());
    out.sync();
    std::filesystem::rename(part, opt.output);
    if (csv) {
      csv->sync();
      std::filesystem::rename(*csvPart, *opt.csv);
    }
    std::filesystem::remove(ckptPath);
    res.completed = true;
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

} // namespace lenu::generator
