#include "lenu/models/InelasticPrediction.hpp"

#include <memory>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"

namespace lenu {

std::vector<InelasticCount> predictInelastic(const CevnsRateConfig& rate, const std::string& model,
                                             const NuclideTable& table) {
  using namespace inelastic;
  std::vector<InelasticCount> out;
  const auto& src = *rate.source;
  InelasticModelOptions opts;
  opts.model = model;
  const auto& comps = rate.target.components();
  double atoms = 0.0;
  for (const auto& c : comps) {
    atoms += c.atomsPerFormulaUnit;
  }
  for (std::size_t i = 0; i < comps.size(); ++i) {
    const auto& c = comps[i];
    if (c.atomsPerFormulaUnit / atoms < 0.01) {
      continue; // trace isotopes: below the model's accuracy
    }
    const double nuclei = rate.target.nucleiOf(i, rate.targetMass);
    for (bool cc : {true, false}) {
      for (Flavour f : src.flavours()) {
        InelasticCount n{c.nuclide.name(), cc ? "CC" : "NC", f, 0.0, 0.0, ""};
        const bool muonType = f == Flavour::NuMu || f == Flavour::NuMuBar;
        const bool tauType = f == Flavour::NuTau || f == Flavour::NuTauBar;
        if (cc && (muonType || tauType) && src.spectrum(f, rate.window).maxEnergy() < constants::kMassMuon) {
          n.note = "below the charged-lepton production threshold";
          out.push_back(n);
          continue;
        }
        try {
          const auto mode = responseMode(cc, f);
          const auto response = makeInelasticResponse(c.nuclide.name(), mode, opts, table);
          const InelasticCrossSection xs(response, f);
          const auto spectrum = src.spectrum(f, rate.window);
          if (spectrum.maxEnergy() <= xs.thresholdEnergy()) {
            n.note = fmt::format("below threshold ({:.1f} MeV)", xs.thresholdEnergy());
          } else {
            n.fluxAveragedXsec = xs.fluxAveraged(spectrum);
            n.events = nuclei * src.fluence(f, rate.distance) * n.fluxAveragedXsec * src.timeFraction(f, rate.window);
          }
        } catch (const Error& e) {
          n.note = e.what();
        }
        out.push_back(n);
      }
    }
  }
  return out;
}

} // namespace lenu
