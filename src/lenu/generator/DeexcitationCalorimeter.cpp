#include "lenu/generator/DeexcitationCalorimeter.hpp"

#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"
#include "lenu/generator/GeneratorSetup.hpp"
#include "lenu/generator/Random.hpp"

namespace lenu::generator {

namespace {
constexpr int kPdgGamma = 22;
constexpr int kPdgNeutron = 2112;
constexpr int kPdgProton = 2212;
constexpr int kPdgAlpha = 1000020040;
constexpr int kPdgDeuteron = 1000010020;
constexpr int kPdgTriton = 1000010030;
constexpr int kPdgHelion = 1000020030;
} // namespace

DeexcitationCalorimeter::DeexcitationCalorimeter(std::shared_ptr<const Deexcitation> model,
                                                 DeexcitationCalorimeterConfig cfg)
    : m_model(std::move(model)), m_cfg(cfg) {
  if (!m_model) {
    throw Error(ErrorCode::InvalidArgument, "DeexcitationCalorimeter: no de-excitation model");
  }
  if (m_cfg.samples < 10 || m_cfg.samples > 10000000) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("DeexcitationCalorimeter: samples = {} outside [10, 1e7]", m_cfg.samples));
  }
  if (!(m_cfg.binWidth >= 1e-4 && m_cfg.binWidth <= 1.0)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("DeexcitationCalorimeter: bin width {} MeV outside [1e-4, 1] MeV", m_cfg.binWidth));
  }
  if (!(m_cfg.chargedVisibleFraction >= 0.0 && m_cfg.chargedVisibleFraction <= 1.0)) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("DeexcitationCalorimeter: charged visible fraction {} outside [0, 1]",
                                                        m_cfg.chargedVisibleFraction));
  }
}

supernova::VisibleEnergyDistribution DeexcitationCalorimeter::visibleEnergy(int Z, int A, double excitation) const {
  if (!(excitation >= 0.0) || !std::isfinite(excitation)) {
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("excitation energy {} MeV of Z = {}, A = {}: must be finite and >= 0", excitation, Z, A));
  }
  const auto ground = m_model->groundMass(Z, A);
  if (!ground) {
    throw Error(ErrorCode::UnknownNuclide,
                fmt::format("DeexcitationCalorimeter: no ground-state mass for Z = {}, A = {}", Z, A));
  }
  const auto key = std::make_tuple(Z, A, static_cast<std::int64_t>(std::llround(excitation * 1e6)));
  {
    const std::lock_guard<std::mutex> lock(m_mutex);
    if (auto it = m_cache.find(key); it != m_cache.end()) {
      return it->second;
    }
  }
  supernova::VisibleEnergyDistribution out;
  if (excitation <= 0.0) {
    out = {{0.0}, {1.0}};
  } else {
    Engine engine = blockEngine(m_cfg.seed, static_cast<std::uint64_t>(std::get<2>(key)) * 1315423911ULL +
                                                static_cast<std::uint64_t>(1000 * Z + A));
    const double mass = *ground + excitation;
    std::map<std::int64_t, double> hist;
    Event ev;
    for (std::size_t n = 0; n < m_cfg.samples; ++n) {
      ev.clear();
      ev.vertices.push_back({kVertexPrimary});
      ev.particles.push_back({nucleusPdg(Z, A), kStatusFinal, {0.0, 0.0, 0.0, mass}, mass, 0, -1, 0.0});
      m_model->decay(0, engine, ev);
      double visible = 0.0;
      for (const auto& p : ev.particles) {
        if (p.status != kStatusFinal) {
          continue;
        }
        const double kinetic = p.p.e - p.mass;
        if (p.pdg == kPdgGamma) {
          visible += p.p.e;
        } else if (p.pdg == kPdgProton || p.pdg == kPdgAlpha || p.pdg == kPdgDeuteron || p.pdg == kPdgTriton ||
                   p.pdg == kPdgHelion) {
          visible += m_cfg.chargedVisibleFraction * kinetic;
        } else if (p.pdg == kPdgNeutron && m_cfg.neutronsVisible) {
          visible += kinetic;
        }
      }
      hist[static_cast<std::int64_t>(std::floor(visible / m_cfg.binWidth))] += 1.0;
    }
    for (const auto& [bin, count] : hist) {
      out.energy.push_back((static_cast<double>(bin) + 0.5) * m_cfg.binWidth);
      out.weight.push_back(count / static_cast<double>(m_cfg.samples));
    }
  }
  const std::lock_guard<std::mutex> lock(m_mutex);
  m_cache.emplace(key, out);
  return out;
}

std::string DeexcitationCalorimeter::description() const {
  return fmt::format("visible de-excitation energy from lenu's de-excitation model ({} decays per E_x): gammas, "
                     "{} x proton/d/t/3He/alpha kinetic energy, neutrons {}",
                     m_cfg.samples, m_cfg.chargedVisibleFraction, m_cfg.neutronsVisible ? "visible" : "invisible");
}

SupernovaCalorimetry makeSupernovaCalorimetry(const std::string& nc, const std::string& cc, const NuclideTable& table) {
  std::shared_ptr<const supernova::DeexcitationCalorimetry> gen;
  auto pick = [&](const std::string& name,
                  bool chargedCurrent) -> std::shared_ptr<const supernova::DeexcitationCalorimetry> {
    if (name == "generator") {
      if (!gen) {
        gen = std::make_shared<DeexcitationCalorimeter>(loadDeexcitation(table));
      }
      return gen;
    }
    if (name == "full") {
      return std::make_shared<supernova::FullCalorimetry>();
    }
    if (chargedCurrent && name == "lepton") {
      return std::make_shared<supernova::InvisibleDeexcitation>();
    }
    if (name == "none") {
      return nullptr;
    }
    throw Error(ErrorCode::InvalidArgument,
                fmt::format("{} de-excitation model '{}': accepted values are generator, full, {}none",
                            chargedCurrent ? "CC" : "NC", name, chargedCurrent ? "lepton, " : ""));
  };
  SupernovaCalorimetry out;
  out.nc = pick(nc, false);
  out.cc = pick(cc, true);
  return out;
}

} // namespace lenu::generator
