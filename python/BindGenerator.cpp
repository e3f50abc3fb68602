/// Python bindings of the generator layer (src/lenu/generator/): a generator built once from a
/// `lenu generate` TOML configuration (a file, or a dict with the same sections and keys), events
/// as numpy structured arrays (one row per event, one row per particle, offsets between them),
/// and NuHepMC 1.0 output through the same run driver as the CLI (same seed: the same events).
/// Units: energies and four-momenta MeV, times ns, cross sections fm^2 (lenu.units.cm2).

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "Bindings.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/RunDriver.hpp"

namespace lenu::python {

/// One row of GeneratedEvents.events (numpy structured dtype; field names are the Python ones).
struct EventRow {
  std::uint64_t number;    // global event number in the run
  std::int32_t process_id; // NuHepMC E.C.1 process id
  std::int32_t nu_pdg;     // PDG code of the incoming neutrino
  double E_nu;             // neutrino energy [MeV]
  double time;             // emission (= interaction) time [ns]
  double weight;           // event weight (1: unweighted events, NuHepMC weight "CV")
  double excitation;       // final-nucleus excitation energy [MeV]
  double recoil;           // nuclear recoil kinetic energy [MeV] (CEvNS)
  double cos_theta;        // cosine of the outgoing-lepton angle to the beam (+z)
  std::int32_t target_Z;
  std::int32_t target_A;
  double total_xs;             // sigma_tot(E_nu) of all processes on this target [fm^2]
  double process_xs;           // sigma of the sampled process at E_nu [fm^2]
  std::int64_t first_particle; // index of the event's first row in .particles
  std::int32_t n_particles;
};

/// One row of GeneratedEvents.particles.
struct ParticleRow {
  std::int64_t event;   // index of the event (row of .events)
  std::int32_t pdg;     // PDG Monte Carlo number (nuclei 10LZZZAAAI)
  std::int32_t status;  // NuHepMC P.R.1: 4 beam, 20 target, 1 final state, 2 decayed
  double px, py, pz, E; // four-momentum in the lab frame (neutrino along +z) [MeV]
  double mass;          // generated mass [MeV]
  double time;          // emission time relative to the interaction [ns]
  std::int32_t origin;  // vertex producing it (-1: incoming)
  std::int32_t end;     // vertex it enters (-1: leaves the event)
};

} // namespace lenu::python

namespace lenu::python {
namespace {

using namespace lenu::generator;

// ---------------------------------------------------------------------------------------------
// dict -> TOML text

std::string tomlString(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

std::string tomlValue(const py::handle& v, const std::string& key) {
  if (py::isinstance<py::bool_>(v)) {
    return v.cast<bool>() ? "true" : "false";
  }
  if (py::isinstance<py::int_>(v)) {
    return std::to_string(v.cast<long long>());
  }
  if (py::isinstance<py::float_>(v)) {
    const double d = v.cast<double>();
    if (!std::isfinite(d)) {
      throw Error(ErrorCode::ConfigError,
                  "config dict: key '" + key + "': value " + std::to_string(d) + " is not a finite number");
    }
    std::ostringstream s;
    s.precision(17);
    s << d;
    std::string t = s.str();
    if (t.find_first_of(".eE") == std::string::npos) {
      t += ".0";
    }
    return t;
  }
  if (py::isinstance<py::str>(v)) {
    return tomlString(v.cast<std::string>());
  }
  if (py::isinstance<py::list>(v) || py::isinstance<py::tuple>(v)) {
    std::string out = "[";
    bool first = true;
    for (const auto& x : v) {
      out += (first ? "" : ", ") + tomlValue(x, key);
      first = false;
    }
    return out + "]";
  }
  throw Error(ErrorCode::ConfigError, "config dict: key '" + key + "': unsupported value type '" +
                                          std::string(py::str(v.get_type().attr("__name__"))) +
                                          "' (accepted: bool, int, float, str, list, dict)");
}

/// Keys whose values are paths that the TOML reader resolves against the config file's folder:
/// relative ones in a dict are made absolute against the current directory.
bool isPathKey(const std::string& path) {
  return path == "generator.experiment" || path == "source.model";
}

void tomlTable(const py::dict& d, const std::string& prefix, std::string& out) {
  std::vector<std::pair<std::string, py::dict>> subtables;
  for (const auto& [k, v] : d) {
    const std::string key = py::str(k);
    const std::string full = prefix.empty() ? key : prefix + "." + key;
    if (py::isinstance<py::dict>(v)) {
      subtables.emplace_back(full, v.cast<py::dict>());
      continue;
    }
    if (isPathKey(full) && py::isinstance<py::str>(v)) {
      const std::string s = v.cast<std::string>();
      const std::filesystem::path p(s);
      const bool looksLikePath =
          s.find('/') != std::string::npos || p.extension() == ".toml" || p.extension() == ".txt";
      if (looksLikePath && p.is_relative()) {
        out += key + " = " + tomlString(std::filesystem::absolute(p).string()) + "\n";
        continue;
      }
    }
    if (prefix.empty()) {
      throw Error(ErrorCode::ConfigError, "config dict: top-level key '" + key +
                                              "' must be a table (dict), e.g. {'generator': {...}, 'source': {...}}");
    }
    out += key + " = " + tomlValue(v, full) + "\n";
  }
  for (const auto& [name, sub] : subtables) {
    out += "\n[" + name + "]\n";
    tomlTable(sub, name, out);
  }
}

/// Settings from a path (str / os.PathLike) or a dict of tables.
GeneratorSettings settingsFrom(const py::object& config) {
  if (py::isinstance<py::dict>(config)) {
    std::string text = "# lenu generator configuration from a Python dict\n";
    tomlTable(config.cast<py::dict>(), "", text);
    static std::atomic<unsigned> counter{0};
    std::random_device rd;
    const auto dir = std::filesystem::temp_directory_path();
    const auto file = dir / ("lenu-config-" + std::to_string(rd()) + "-" + std::to_string(counter++) + ".toml");
    {
      std::ofstream f(file);
      if (!f) {
        throw Error(ErrorCode::IoError, "cannot write the temporary config file " + file.string());
      }
      f << text;
    }
    try {
      auto s = readGeneratorSettings(file);
      std::filesystem::remove(file);
      s.file = "<dict>";
      return s;
    } catch (const Error& e) {
      std::error_code ec;
      std::filesystem::remove(file, ec);
      // name the dict, not the temporary file, in the message (line numbers refer to the TOML
      // text made from the dict)
      std::string msg = e.what();
      for (auto pos = msg.find(file.string()); pos != std::string::npos; pos = msg.find(file.string())) {
        msg.replace(pos, file.string().size(), "<config dict>");
      }
      throw Error(e.code(), msg);
    } catch (...) {
      std::error_code ec;
      std::filesystem::remove(file, ec);
      throw;
    }
  }
  const std::string path = py::str(py::module_::import("os").attr("fspath")(config));
  if (!std::filesystem::exists(path)) {
    throw Error(ErrorCode::IoError, "generator config file '" + path + "' does not exist");
  }
  return readGeneratorSettings(path);
}

// ---------------------------------------------------------------------------------------------

/// Events of a run as flat arrays.
struct GeneratedEvents {
  std::vector<EventRow> events;
  std::vector<ParticleRow> particles;
  double fluxAveraged = 0.0;
  std::uint64_t seed = 0;
};

class PyGenerator {
public:
  explicit PyGenerator(const py::object& config) {
    const auto settings = settingsFrom(config);
    py::gil_scoped_release nogil;
    const auto table = NuclideTable::load();
    m_setup = buildGenerator(settings, table);
  }

  const GeneratorSetup& setup() const { return m_setup; }
  std::uint64_t blockSize() const { return m_setup.settings.blockSize; }

  GeneratedEvents generate(std::uint64_t n, std::uint64_t seed, unsigned threads) const {
    checkRun(n, threads);
    const std::uint64_t bs = blockSize();
    const std::uint64_t nBlocks = (n + bs - 1) / bs;
    std::vector<std::vector<Event>> blocks(nBlocks);
    {
      py::gil_scoped_release nogil;
      std::atomic<std::uint64_t> next{0};
      std::exception_ptr failure;
      std::mutex failMutex;
      auto worker = [&]() {
        for (std::uint64_t b = next++; b < nBlocks; b = next++) {
          try {
            const std::uint64_t first = b * bs;
            blocks[b] =
                m_setup.generator->generateBlock(seed, b, first, static_cast<std::size_t>(std::min(bs, n - first)));
          } catch (...) {
            const std::lock_guard<std::mutex> lock(failMutex);
            failure = std::current_exception();
            next = nBlocks;
          }
        }
      };
      const unsigned nt = static_cast<unsigned>(std::min<std::uint64_t>(threads, nBlocks));
      std::vector<std::thread> pool;
      for (unsigned t = 1; t < nt; ++t) {
        pool.emplace_back(worker);
      }
      worker();
      for (auto& t : pool) {
        t.join();
      }
      if (failure) {
        std::rethrow_exception(failure);
      }
    }
    GeneratedEvents out;
    out.seed = seed;
    out.fluxAveraged = m_setup.generator->fluxAveragedSigma();
    out.events.reserve(n);
    for (const auto& block : blocks) {
      for (const auto& e : block) {
        EventRow r{};
        r.number = e.number;
        r.process_id = e.processId;
        r.nu_pdg = neutrinoPdg(e.flavour);
        r.E_nu = e.energy;
        r.time = e.time;
        r.weight = 1.0;
        r.excitation = e.excitation;
        r.recoil = e.recoil;
        r.cos_theta = e.cosTheta;
        r.target_Z = e.targetZ;
        r.target_A = e.targetA;
        r.total_xs = e.totalXs;
        r.process_xs = e.processXs;
        r.first_particle = static_cast<std::int64_t>(out.particles.size());
        r.n_particles = static_cast<std::int32_t>(e.particles.size());
        const auto index = static_cast<std::int64_t>(out.events.size());
        for (const auto& p : e.particles) {
          out.particles.push_back(
              ParticleRow{index, p.pdg, p.status, p.p.px, p.p.py, p.p.pz, p.p.e, p.mass, p.time, p.origin, p.end});
        }
        out.events.push_back(r);
      }
    }
    return out;
  }

  py::dict write(const std::string& output, std::uint64_t n, std::uint64_t seed, unsigned threads,
                 const py::object& csv, bool resume, const std::string& commandLine) const {
    checkRun(n, threads);
    auto meta = m_setup.metadata;
    meta.seed = seed;
    meta.blockSize = blockSize();
    meta.commandLine = commandLine.empty()
                           ? "lenu.Generator('" + m_setup.settings.file.string() + "').write(n=" + std::to_string(n) +
                                 ", seed=" + std::to_string(seed) + ") (Python)"
                           : commandLine;
    RunOptions r;
    r.output = output;
    if (!csv.is_none()) {
      r.csv = std::string(py::str(py::module_::import("os").attr("fspath")(csv)));
    }
    r.events = n;
    r.seed = seed;
    r.blockSize = blockSize();
    r.threads = threads;
    r.resume = resume;
    r.configHash = fnv1a(m_setup.settings.text + "|" + std::to_string(r.blockSize) + "|" +
                         std::to_string(r.blockBegin) + "|" + std::to_string(r.blockEnd));
    RunResult res;
    {
      py::gil_scoped_release nogil;
      const NuHepMcFormatter formatter(meta);
      res = runGeneration(*m_setup.generator, formatter, r);
    }
    py::dict d;
    d["output"] = output;
    d["events"] = res.eventsWritten;
    d["completed"] = res.completed;
    d["blocks_resumed"] = res.blocksResumed;
    d["seconds_wall"] = res.seconds;
    d["flux_averaged_sigma_fm2"] = m_setup.generator->fluxAveragedSigma();
    d["flux_averaged_sigma_cm2"] = m_setup.generator->fluxAveragedSigma() / units::cm2;
    py::dict byProcess;
    for (const auto& [id, count] : res.eventsByProcess) {
      byProcess[py::int_(id)] = count;
    }
    d["events_by_process_id"] = byProcess;
    return d;
  }

private:
  static void checkRun(std::uint64_t n, unsigned threads) {
    if (n < 1 || n > 2147483647ULL) {
      throw Error(ErrorCode::InvalidArgument,
                  "number of events n = " + std::to_string(n) + " out of range: accepted range is [1, 2^31 - 1]");
    }
    if (threads < 1 || threads > 256) {
      throw Error(ErrorCode::InvalidArgument,
                  "threads = " + std::to_string(threads) + " out of range: accepted range is [1, 256]");
    }
  }
  GeneratorSetup m_setup;
};

template <class T> py::array_t<T> rows(const std::vector<T>& v) {
  py::array_t<T> a(static_cast<py::ssize_t>(v.size()));
  std::copy(v.begin(), v.end(), a.mutable_data());
  return a;
}

const char* kEventsDoc = R"(Events generated by lenu (unweighted; NuHepMC conventions).

Attributes (numpy arrays, one row per event or per particle):
  events     structured array, one row per event: number, process_id (NuHepMC E.C.1), nu_pdg,
             E_nu [MeV], time [ns] (neutrino emission = interaction time), weight (1),
             excitation [MeV], recoil [MeV] (nuclear kinetic energy, CEvNS), cos_theta (lepton),
             target_Z, target_A, total_xs [fm^2] (sigma_tot(E_nu) on this target), process_xs
             [fm^2], first_particle, n_particles
  particles  structured array, one row per particle: event (row of .events), pdg, status
             (4 beam, 20 target, 1 final state, 2 decayed), px, py, pz, E [MeV] (lab frame,
             neutrino along +z), mass [MeV], time [ns] (emission relative to the interaction),
             origin / end (vertex indices, -1 = none)
  offsets    int64 [n_events + 1]: particles of event i are rows offsets[i]:offsets[i+1]
  p4         float [n_particles, 4]: (px, py, pz, E) [MeV]
  flux_averaged_sigma  flux-averaged total cross section per target atom [fm^2]
len(ev) is the number of events; ev[i] is a dict of event i (scalars and its particle arrays).)";

} // namespace

void bindGenerator(py::module_& m) {
  PYBIND11_NUMPY_DTYPE(EventRow, number, process_id, nu_pdg, E_nu, time, weight, excitation, recoil, cos_theta,
                       target_Z, target_A, total_xs, process_xs, first_particle, n_particles);
  PYBIND11_NUMPY_DTYPE(ParticleRow, event, pdg, status, px, py, pz, E, mass, time, origin, end);
  py::class_<GeneratedEvents>(m, "GeneratedEvents", kEventsDoc)
      .def("__len__", [](const GeneratedEvents& g) { return g.events.size(); })
      .def_property_readonly(
          "events", [](const GeneratedEvents& g) { return rows(g.events); },
          "structured array, one row per event (fields and units: see the class doc)")
      .def_property_readonly(
          "particles", [](const GeneratedEvents& g) { return rows(g.particles); },
          "structured array, one row per particle (four-momenta [MeV])")
      .def_property_readonly(
          "offsets",
          [](const GeneratedEvents& g) {
            py::array_t<std::int64_t> a(static_cast<py::ssize_t>(g.events.size() + 1));
            auto* o = a.mutable_data();
            for (std::size_t i = 0; i < g.events.size(); ++i) {
              o[i] = g.events[i].first_particle;
            }
            o[g.events.size()] = static_cast<std::int64_t>(g.particles.size());
            return a;
          },
          "int64 [n_events + 1]: the particles of event i are rows offsets[i]:offsets[i+1]")
      .def_property_readonly(
          "p4",
          [](const GeneratedEvents& g) {
            py::array_t<double> a({static_cast<py::ssize_t>(g.particles.size()), py::ssize_t{4}});
            auto w = a.mutable_unchecked<2>();
            for (std::size_t i = 0; i < g.particles.size(); ++i) {
              const auto& p = g.particles[i];
              const auto k = static_cast<py::ssize_t>(i);
              w(k, 0) = p.px;
              w(k, 1) = p.py;
              w(k, 2) = p.pz;
              w(k, 3) = p.E;
            }
            return a;
          },
          "float [n_particles, 4]: four-momenta (px, py, pz, E) [MeV]")
      .def_property_readonly(
          "flux_averaged_sigma", [](const GeneratedEvents& g) { return g.fluxAveraged; },
          "flux-averaged total cross section per target atom [fm^2] (NuHepMC G.C.2)")
      .def_property_readonly("seed", [](const GeneratedEvents& g) { return g.seed; })
      .def(
          "__getitem__",
          [](const GeneratedEvents& g, py::ssize_t i) {
            const auto n = static_cast<py::ssize_t>(g.events.size());
            if (i < 0) {
              i += n;
            }
            if (i < 0 || i >= n) {
              throw py::index_error("event index " + std::to_string(i) + " out of range [0, " + std::to_string(n) +
                                    ")");
            }
            const auto& e = g.events[static_cast<std::size_t>(i)];
            py::dict d;
            d["number"] = e.number;
            d["process_id"] = e.process_id;
            d["nu_pdg"] = e.nu_pdg;
            d["E_nu"] = e.E_nu;
            d["time"] = e.time;
            d["weight"] = e.weight;
            d["excitation"] = e.excitation;
            d["recoil"] = e.recoil;
            d["cos_theta"] = e.cos_theta;
            d["target_Z"] = e.target_Z;
            d["target_A"] = e.target_A;
            d["total_xs"] = e.total_xs;
            d["process_xs"] = e.process_xs;
            const auto b = static_cast<std::size_t>(e.first_particle);
            const auto k = static_cast<std::size_t>(e.n_particles);
            const std::vector<ParticleRow> part(g.particles.begin() + static_cast<std::ptrdiff_t>(b),
                                                g.particles.begin() + static_cast<std::ptrdiff_t>(b + k));
            const auto pa = rows(part);
            d["pdg"] = pa[py::str("pdg")];
            d["status"] = pa[py::str("status")];
            py::array_t<double> p4({static_cast<py::ssize_t>(k), py::ssize_t{4}});
            auto w = p4.mutable_unchecked<2>();
            for (std::size_t j = 0; j < k; ++j) {
              const auto jj = static_cast<py::ssize_t>(j);
              w(jj, 0) = part[j].px;
              w(jj, 1) = part[j].py;
              w(jj, 2) = part[j].pz;
              w(jj, 3) = part[j].E;
            }
            d["p4"] = p4;
            return d;
          },
          "event i as a dict: the event fields and its particles' pdg, status, p4 [MeV] ([k, 4]: px, py, pz, E)");

  py::class_<PyGenerator, std::shared_ptr<PyGenerator>>(
      m, "Generator",
      "Event generator of `lenu generate` (src/lenu/generator/), built once from a configuration: a TOML file\n"
      "path or a dict of the same tables, e.g. {'generator': {'experiment': 'coherent-csi-2017', 'process':\n"
      "'cevns'}} (format: docs/generator.md; relative paths in a dict are taken from the current directory).\n"
      "Events come in reproducible blocks of block_size: the same seed gives the same events for any thread\n"
      "count, and the same events as `lenu generate CONFIG --seed SEED`. Bad configurations raise\n"
      "lenu.Error (code ConfigError, message naming file, line and key).")
      .def(py::init<const py::object&>(), py::arg("config"))
      .def("generate", &PyGenerator::generate, py::arg("n"), py::arg("seed") = 1, py::arg("threads") = 1,
           "Generate n events [1, 2^31) with the random seed (64-bit) on threads [1, 256] workers -> GeneratedEvents "
           "(four-momenta [MeV], times [ns], cross sections [fm^2]).")
      .def("write", &PyGenerator::write, py::arg("output"), py::arg("n"), py::arg("seed") = 1, py::arg("threads") = 1,
           py::arg("csv") = py::none(), py::arg("resume") = true, py::arg("command_line") = "",
           "Write n events to the NuHepMC 1.0 file `output` (as OUTPUT.part, renamed when complete; resumable from "
           "OUTPUT.ckpt) and optionally a per-event CSV. File units: MeV, cm, lab_pos time in s, cross sections in pb "
           "per target atom. Returns a dict summary (events, seconds_wall, flux_averaged_sigma_fm2 / _cm2, "
           "events_by_process_id).")
      .def_property_readonly(
          "flux_averaged_sigma", [](const PyGenerator& g) { return g.setup().generator->fluxAveragedSigma(); },
          "flux-averaged total cross section per target atom [fm^2] (NuHepMC G.C.2)")
      .def(
          "flux_averaged_sigma_of",
          [](const PyGenerator& g, const std::string& f) {
            return g.setup().generator->fluxAveragedSigma(flavourOf(f));
          },
          py::arg("flavour"), "flux-averaged cross section per target atom of one flavour [fm^2] (0 if not simulated)")
      .def_property_readonly(
          "expected_events", [](const PyGenerator& g) { return g.setup().expectedEvents; },
          "interactions expected in the detector over the experiment's exposure")
      .def_property_readonly("block_size", &PyGenerator::blockSize, "events per reproducible block")
      .def_property_readonly(
          "summary", [](const PyGenerator& g) { return g.setup().summary; },
          "human-readable description of the run (with units)")
      .def_property_readonly(
          "config_text", [](const PyGenerator& g) { return g.setup().settings.text; },
          "the TOML text the generator was built from")
      .def_property_readonly(
          "channels",
          [](const PyGenerator& g) {
            py::list out;
            for (const auto& c : g.setup().generator->channels()) {
              py::dict d;
              d["flavour"] = nameOf(c.flavour);
              d["process"] = c.process->description();
              d["atoms"] = c.atoms;
              d["mean_sigma"] = c.meanSigma;
              d["fraction"] = c.probability;
              out.append(d);
            }
            return out;
          },
          "list of dicts per channel: flavour, process (description), atoms per formula unit, mean_sigma [fm^2] "
          "(<sigma> over the flavour's spectrum), fraction (of events)");

  m.def(
      "generate",
      [](const py::object& config, std::uint64_t n, std::uint64_t seed, unsigned threads) {
        return PyGenerator(config).generate(n, seed, threads);
      },
      py::arg("config"), py::arg("n") = 1000, py::arg("seed") = 1, py::arg("threads") = 1,
      "lenu.Generator(config).generate(n, seed, threads): n unweighted events -> GeneratedEvents (numpy "
      "structured arrays; four-momenta [MeV], times [ns], cross sections [fm^2]). config: TOML path or dict.");
  m.def(
      "write_nuhepmc",
      [](const py::object& config, const std::string& output, std::uint64_t n, std::uint64_t seed, unsigned threads,
         const py::object& csv) { return PyGenerator(config).write(output, n, seed, threads, csv, true, ""); },
      py::arg("config"), py::arg("output"), py::arg("n") = 1000, py::arg("seed") = 1, py::arg("threads") = 1,
      py::arg("csv") = py::none(),
      "lenu.Generator(config).write(output, n, seed, threads, csv): NuHepMC 1.0 file (MeV, cm, pb per atom).");
  m.def(
      "pdg_charge", [](int pdg) { return pdgCharge(pdg); }, py::arg("pdg"),
      "electric charge [e] of a PDG code (leptons, photon, nucleons, nuclei); lenu.Error(InvalidArgument) otherwise");
}

} // namespace lenu::python
