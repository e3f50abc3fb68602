#include "lenu/generator/NuHepMcWriter.hpp"

#include <memory>
#include <charconv>
#include <cstdio>
#include <sstream>

#include <fmt/format.h>
#include <HepMC3/GenEvent.h>
#include <HepMC3/GenParticle.h>
#include <HepMC3/GenRunInfo.h>
#include <HepMC3/GenVertex.h>
#include <HepMC3/WriterAscii.h>

#include "lenu/core/Units.hpp"
#include "lenu/generator/InteractionProcess.hpp"
#include "lenu/generator/VectorAttributes.hpp"

namespace lenu::generator {

struct NuHepMcFormatter::Impl {
  std::shared_ptr<HepMC3::GenRunInfo> run;
  std::string header;
};

namespace {

using HepMC3::DoubleAttribute;
using HepMC3::IntAttribute;
using HepMC3::StringAttribute;

std::string writeWith(const std::shared_ptr<HepMC3::GenRunInfo>& run, const std::vector<HepMC3::GenEvent>& events) {
  std::ostringstream os;
  {
    HepMC3::WriterAscii w(os, run);
    for (const auto& e : events) {
      w.write_event(e);
    }
    w.close();
  }
  return os.str();
}

constexpr const char* kFooter = "HepMC::Asciiv3-END_EVENT_LISTING";

} // namespace

NuHepMcFormatter::NuHepMcFormatter(RunMetadata meta) : m_impl(std::make_unique<Impl>()) {
  auto run = std::make_shared<HepMC3::GenRunInfo>();
  run->tools().push_back({"lenu", "0.1.0", "low-energy neutrino-nucleus toolkit: event generator (issue 9)"});
  run->set_weight_names({"CV"});
  auto addS = [&](const std::string& k, const std::string& v) { run->add_attribute(k, std::make_shared<StringAttribute>(v)); };
  auto addI = [&](const std::string& k, int v) { run->add_attribute(k, std::make_shared<IntAttribute>(v)); };
  auto addD = [&](const std::string& k, double v) { run->add_attribute(k, std::make_shared<DoubleAttribute>(v)); };
  addI("NuHepMC.Version.Major", 1);
  addI("NuHepMC.Version.Minor", 0);
  addI("NuHepMC.Version.Patch", 0);
  std::vector<std::string> conv{"G.C.2", "G.C.4", "E.C.1", "E.C.2", "E.C.3", "E.C.5", "G.S.1", "G.S.2"};
  if (meta.pot || meta.livetimeS) {
    conv.insert(conv.begin(), "G.C.1");
  }
  if (!meta.targetAbundance.empty()) {
    conv.push_back("G.S.3");
  }
  run->add_attribute("NuHepMC.Conventions", std::make_shared<VectorStringAttribute>(conv));
  addS("NuHepMC.Units.CrossSection.Unit", "pb");
  addS("NuHepMC.Units.CrossSection.TargetScale", "PerAtom");
  addD("NuHepMC.FluxAveragedTotalCrossSection", meta.fluxAveragedPb);
  if (meta.pot) {
    addD("NuHepMC.Exposure.POT", *meta.pot);
  }
  if (meta.livetimeS) {
    addD("NuHepMC.Exposure.Livetime", *meta.livetimeS);
  }
  std::vector<int> ids;
  for (const auto& p : processInfos()) {
    ids.push_back(p.id);
    addS(fmt::format("NuHepMC.ProcessInfo[{}].Name", p.id), p.name);
    addS(fmt::format("NuHepMC.ProcessInfo[{}].Description", p.id), p.description);
  }
  run->add_attribute("NuHepMC.ProcessIDs", std::make_shared<VectorIntAttribute>(ids));
  run->add_attribute("NuHepMC.VertexStatusIDs", std::make_shared<VectorIntAttribute>(std::vector<int>{kVertexPrimary, kVertexDeexcitation}));
  addS("NuHepMC.VertexStatusInfo[1].Name", "PrimaryVertex");
  addS("NuHepMC.VertexStatusInfo[1].Description", "The neutrino-nucleus interaction vertex");
  addS("NuHepMC.VertexStatusInfo[21].Name", "NuclearDeexcitation");
  addS("NuHepMC.VertexStatusInfo[21].Description",
       "Emission of one gamma (or particle) by an excited nucleus; the vertex time is c t after the interaction");
  run->add_attribute("NuHepMC.ParticleStatusIDs", std::make_shared<VectorIntAttribute>(std::vector<int>{
                                                      kStatusFinal, kStatusDecayed, kStatusBeam, kStatusTarget}));
  addS("NuHepMC.ParticleStatusInfo[1].Name", "UndecayedPhysicalParticle");
  addS("NuHepMC.ParticleStatusInfo[1].Description", "Final-state particle");
  addS("NuHepMC.ParticleStatusInfo[2].Name", "DecayedPhysical");
  addS("NuHepMC.ParticleStatusInfo[2].Description", "Excited nucleus that de-excited in the simulation");
  addS("NuHepMC.ParticleStatusInfo[4].Name", "IncomingBeamParticle");
  addS("NuHepMC.ParticleStatusInfo[4].Description", "Incoming neutrino");
  addS("NuHepMC.ParticleStatusInfo[20].Name", "TargetParticle");
  addS("NuHepMC.ParticleStatusInfo[20].Description", "Target nucleus at rest");
  run->add_attribute("NuHepMC.AdditionalParticleNumbers", std::make_shared<VectorIntAttribute>(std::vector<int>{}));
  addS("NuHepMC.Beam.EnergyUnit", "MEV");
  addS("NuHepMC.Beam.FluxUnit", "neutrinos per bin over the exposure");
  for (const auto& b : meta.beams) {
    addS(fmt::format("NuHepMC.Beam[{}].Type", b.pdg), "Histogram");
    run->add_attribute(fmt::format("NuHepMC.Beam[{}].Histogram.BinEdges", b.pdg), std::make_shared<VectorDoubleAttribute>(b.edges));
    run->add_attribute(fmt::format("NuHepMC.Beam[{}].Histogram.BinContent", b.pdg), std::make_shared<VectorDoubleAttribute>(b.content));
    run->add_attribute(fmt::format("NuHepMC.Beam[{}].Histogram.ContentIsPerWidth", b.pdg), std::make_shared<HepMC3::BoolAttribute>(false));
  }
  if (!meta.targetAbundance.empty()) {
    run->add_attribute("NuHepMC.TargetMaterialRelativeAtomicAbundance", std::make_shared<VectorStringAttribute>(meta.targetAbundance));
  }
  addS("NuHepMC.Provenance.lenu.Version", "0.1.0");
  addS("NuHepMC.Provenance.lenu.Seed", std::to_string(meta.seed));
  addS("NuHepMC.Provenance.lenu.RandomEngine",
       "std::mt19937_64 per block, seeded from SplitMix64(seed, block index) (src/lenu/generator/Random.hpp)");
  addS("NuHepMC.Provenance.lenu.BlockSize", std::to_string(meta.blockSize));
  addS("NuHepMC.Provenance.lenu.ConfigFile", meta.configFile);
  addS("NuHepMC.Provenance.lenu.ConfigText", meta.configText); // HepMC3 escapes newlines itself
  addS("NuHepMC.Provenance.lenu.CommandLine", meta.commandLine);
  addS("NuHepMC.Provenance.lenu.Description", meta.description);
  for (std::size_t i = 0; i < meta.citations.size(); ++i) {
    addS(fmt::format("lenu.Citation[{}]", i), meta.citations[i]);
  }
  m_impl->run = run;
  std::string h = writeWith(run, {});
  const auto f = h.find(kFooter);
  m_impl->header = f == std::string::npos ? h : h.substr(0, f);
}

NuHepMcFormatter::~NuHepMcFormatter() = default;

std::string NuHepMcFormatter::header() const { return m_impl->header; }

std::string NuHepMcFormatter::footer() { return std::string(kFooter) + "\n\n"; }

std::string NuHepMcFormatter::formatEventsHepMC3(std::span<const Event> events) const {
  std::vector<HepMC3::GenEvent> out;
  out.reserve(events.size());
  constexpr double toPb = 1.0 / (1.0e-36 * units::cm2);
  for (const auto& ev : events) {
    HepMC3::GenEvent g(m_impl->run, HepMC3::Units::MEV, HepMC3::Units::CM);
    g.set_event_number(static_cast<int>(ev.number));
    g.weights() = {1.0};
    std::vector<HepMC3::GenParticlePtr> parts;
    for (const auto& p : ev.particles) {
      auto gp = std::make_shared<HepMC3::GenParticle>(HepMC3::FourVector(p.p.px, p.p.py, p.p.pz, p.p.e), p.pdg, p.status);
      gp->set_generated_mass(p.mass);
      parts.push_back(gp);
    }
    for (std::size_t v = 0; v < ev.vertices.size(); ++v) {
      double t = 0.0;
      for (std::size_t k = 0; k < ev.particles.size(); ++k) {
        if (ev.particles[k].origin == static_cast<int>(v)) {
          t = ev.particles[k].time;
        }
      }
      auto gv = std::make_shared<HepMC3::GenVertex>(HepMC3::FourVector(0.0, 0.0, 0.0, t * kSpeedOfLightCmPerNs));
      gv->set_status(ev.vertices[v].status);
      for (std::size_t k = 0; k < ev.particles.size(); ++k) {
        if (ev.particles[k].end == static_cast<int>(v)) {
          gv->add_particle_in(parts[k]);
        }
      }
      for (std::size_t k = 0; k < ev.particles.size(); ++k) {
        if (ev.particles[k].origin == static_cast<int>(v)) {
          gv->add_particle_out(parts[k]);
        }
      }
      g.add_vertex(gv);
    }
    g.add_attribute("signal_process_id", std::make_shared<IntAttribute>(ev.processId));
    g.add_attribute("lab_pos", std::make_shared<VectorDoubleAttribute>(std::vector<double>{0.0, 0.0, 0.0, ev.time / units::s}));
    g.add_attribute("tot_xs", std::make_shared<DoubleAttribute>(ev.totalXs * toPb));
    g.add_attribute("proc_xs", std::make_shared<DoubleAttribute>(ev.processXs * toPb));
    out.push_back(std::move(g));
  }
  std::string s = writeWith(m_impl->run, out);
  const auto first = s.find("\nE ");
  const auto f = s.find(kFooter);
  if (first == std::string::npos) {
    return {};
  }
  return s.substr(first + 1, (f == std::string::npos ? s.size() : f) - first - 1);
}

namespace {

/// " %.16e" (HepMC3's momentum format) through std::to_chars, which the standard defines to give
/// printf's result for a given format and precision.
void appendE16(std::string& out, double v) {
  char buf[64];
  buf[0] = ' ';
  const auto r = std::to_chars(buf + 1, buf + sizeof(buf), v, std::chars_format::scientific, 16);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void appendInt(std::string& out, long long v) {
  char buf[32];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

/// HepMC3 DoubleAttribute::to_string: ostream with precision digits10 = 15 (== "%.15g").
void appendDoubleAttribute(std::string& out, double v) {
  char buf[64];
  const auto r = std::to_chars(buf, buf + sizeof(buf), v, std::chars_format::general, 15);
  out.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

} // namespace

std::string NuHepMcFormatter::formatEvents(std::span<const Event> events) const {
  constexpr double toPb = 1.0 / (1.0e-36 * units::cm2);
  std::string out;
  out.reserve(events.size() * 900);
  std::vector<int> id;
  std::vector<std::size_t> order;
  for (const auto& ev : events) {
    const std::size_t np = ev.particles.size();
    const std::size_t nv = ev.vertices.size();
    // HepMC3 numbering: vertices in order; each vertex adds its new incoming, then its outgoing particles
    id.assign(np, 0);
    order.clear();
    int next = 1;
    for (std::size_t v = 0; v < nv; ++v) {
      for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t k = 0; k < np; ++k) {
          const auto& p = ev.particles[k];
          const bool hit = pass == 0 ? (p.end == static_cast<int>(v)) : (p.origin == static_cast<int>(v));
          if (hit && id[k] == 0) {
            id[k] = next++;
            order.push_back(k);
          }
        }
      }
    }
    out += "E ";
    appendInt(out, static_cast<long long>(static_cast<int>(ev.number)));
    out += ' ';
    appendInt(out, static_cast<long long>(nv));
    out += ' ';
    appendInt(out, static_cast<long long>(order.size()));
    out += "\nU MEV CM\nW";
    out += " 1.0000000000000000000000e+00"; // the unit weight, "%.22e"
    out += "\nA 0 lab_pos 0 0 0 ";
    out += formatDoubleExact(ev.time / units::s);
    out += "\nA 0 proc_xs ";
    appendDoubleAttribute(out, ev.processXs * toPb);
    out += "\nA 0 signal_process_id ";
    appendInt(out, ev.processId);
    out += "\nA 0 tot_xs ";
    appendDoubleAttribute(out, ev.totalXs * toPb);
    out += '\n';
    std::vector<bool> vertexWritten(nv, false);
    std::vector<double> vertexTime(nv, 0.0); // as the reference: time of the last particle it produced
    for (const auto& p : ev.particles) {
      if (p.origin >= 0) {
        vertexTime[static_cast<std::size_t>(p.origin)] = p.time;
      }
    }
    for (std::size_t k : order) {
      const auto& p = ev.particles[k];
      int parent = 0;
      if (p.origin >= 0) {
        const auto v = static_cast<std::size_t>(p.origin);
        parent = -static_cast<int>(v) - 1; // every lenu vertex has a non-zero status: written as a vertex
        if (!vertexWritten[v]) {
          vertexWritten[v] = true;
          out += "V ";
          appendInt(out, parent);
          out += ' ';
          appendInt(out, ev.vertices[v].status);
          out += " [";
          bool first = true;
          for (std::size_t q : order) {
            if (ev.particles[q].end == static_cast<int>(v)) {
              if (!first) {
                out += ',';
              }
              first = false;
              appendInt(out, id[q]);
            }
          }
          out += ']';
          const double ct = vertexTime[v] * kSpeedOfLightCmPerNs;
          if (ct != 0.0) {
            out += " @";
            appendE16(out, 0.0);
            appendE16(out, 0.0);
            appendE16(out, 0.0);
            appendE16(out, ct);
          }
          out += '\n';
        }
      }
      out += "P ";
      appendInt(out, id[k]);
      out += ' ';
      appendInt(out, parent);
      out += ' ';
      appendInt(out, p.pdg);
      appendE16(out, p.p.px);
      appendE16(out, p.p.py);
      appendE16(out, p.p.pz);
      appendE16(out, p.p.e);
      appendE16(out, p.mass);
      out += ' ';
      appendInt(out, p.status);
      out += '\n';
    }
  }
  return out;
}

} // namespace lenu::generator
