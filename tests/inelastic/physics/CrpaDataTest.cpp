// Continuum-RPA inelastic cross sections next to measured DAR nu_e flux averages (issue 8):
//  56Fe: KARMEN, B.E. Bodmann et al. / R. Maschuw, Prog. Part. Nucl. Phys. 40 (1998) 183:
//        <sigma> = 2.56 +- 1.08 (stat) +- 0.43 (syst) e-40 cm^2 (the value quoted in the issue);
//  127I: COHERENT, PRL 131 (2023) 221801: 9.2 +2.1 -1.8 e-40 cm^2 (inclusive 127I(nu_e, e-)127Xe).
// No quenching of g_A (InelasticModelOptions default, the --ga-quenching option is off). 56Fe and
// 127I are open-shell: lenu's CRPA uses filling (fractional) occupations of the open HF shells
// (see CrpaResponse.hpp), an approximation stated with the result.
// Numerical settings (stated, cheaper than the CLI defaults; checked against them in the closing
// note): J <= 4, 8 flux energy nodes, 24 momentum-transfer nodes.
#include <cmath>
#include <cstdio>
#include <memory>

#include <gtest/gtest.h>

#include "lenu/core/Nuclide.hpp"
#include "lenu/core/Units.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/source/EnergySpectrum.hpp"

using namespace lenu;
using namespace lenu::inelastic;

namespace {
double darNueAverage(const char* target, const char* model) {
  const NuclideTable table = NuclideTable::load();
  InelasticCrossSectionConfig xc;
  xc.fluxQNodes = 24;
  xc.fluxEnergyNodes = 8;
  InelasticModelOptions mo;
  mo.model = model;
  mo.maxJ = 4;
  const auto r = makeInelasticResponse(target, ResponseMode::ChargedCurrentNu, mo, table);
  const InelasticCrossSection xs(r, Flavour::NuE, xc);
  return xs.fluxAveraged(EnergySpectrum::continuous(std::make_shared<MichelNuE>())) / units::cm2;
}
} // namespace

// 56Fe: the CRPA result lies within 2 sigma (total uncertainty, stat and syst in quadrature) of
// KARMEN, and below the mean-field one.
TEST(CrpaData, DarNueOn56FeWithinTwoSigmaOfKarmen) {
  const double hf = darNueAverage("Fe56", "hf");
  const double crpa = darNueAverage("Fe56", "crpa");
  const double meas = 2.56e-40, err = std::hypot(1.08e-40, 0.43e-40);
  std::printf("56Fe DAR nu_e <sigma>: HF %.3e, CRPA %.3e cm^2; KARMEN %.2e +- %.2e cm^2 (CRPA %+.2f sigma)\n", hf,
              crpa, meas, err, (crpa - meas) / err);
  EXPECT_LT(crpa, 0.9 * hf);
  EXPECT_LT(std::abs(crpa - meas), 2.0 * err);
}
