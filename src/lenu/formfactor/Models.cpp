#include "lenu/formfactor/Models.hpp"

#include <cmath>
#include <memory>

#include "lenu/core/Error.hpp"
#include "lenu/formfactor/Phenomenological.hpp"

namespace lenu {

HelmModel::HelmModel(Config cfg) : m_cfg(cfg) {
  requirePositive(m_cfg.s, "Helm surface thickness s", "fm");
  if (m_cfg.neutronRms) {
    requirePositive(*m_cfg.neutronRms, "neutron rms radius", "fm");
  }
}

NucleonFormFactors HelmModel::forNuclide(const Nuclide& nuclide) const {
  auto ls = HelmFormFactor::lewinSmith(nuclide.A);
  auto proton = std::make_shared<HelmFormFactor>(ls.r0(), m_cfg.s);
  if (!m_cfg.neutronRms) {
    return {proton, proton};
  }
  return {proton, std::make_shared<HelmFormFactor>(HelmFormFactor::fromRmsRadius(*m_cfg.neutronRms, m_cfg.s))};
}

NucleonFormFactors KleinNystrandModel::forNuclide(const Nuclide& nuclide) const {
  auto ff = std::make_shared<KleinNystrandFormFactor>(KleinNystrandFormFactor::coherent(nuclide.A));
  return {ff, ff};
}

NucleonFormFactors SymmetrizedFermiModel::forNuclide(const Nuclide& nuclide) const {
  const double c = 1.23 * std::cbrt(static_cast<double>(nuclide.A)) - 0.60;
  auto ff = std::make_shared<SymmetrizedFermiFormFactor>(c, 0.52);
  return {ff, ff};
}

NucleonFormFactors FourierBesselModel::forNuclide(const Nuclide& nuclide) const {
  auto ff = std::make_shared<FourierBesselFormFactor>(loadFourierBesselDensity(nuclide));
  return {ff, ff};
}

namespace {
class Unit final : public FormFactor {
public:
  double operator()(double) const override { return 1.0; }
  std::string description() const override { return "point nucleus (F = 1)"; }
};
} // namespace

NucleonFormFactors UnitModel::forNuclide(const Nuclide&) const {
  auto ff = std::make_shared<Unit>();
  return {ff, ff};
}

} // namespace lenu
