#include "lenu/models/InelasticPrediction.hpp"

#include <memory>

#include <fmt/format.h>

#include "lenu/core/Constants.hpp"
#include "lenu/core/Error.hpp"
#include "lenu/inelastic/InelasticCrossSection.hpp"
#include "lenu/inelastic/InelasticModels.hpp"
#include "lenu/inelastic/InelasticValidity.hpp"
#include "lenu/inelastic/MultipoleConvergence.hpp"

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
          // multipole series extended until converged (MultipoleConvergence.hpp)
          ConvergedInelasticCrossSection converged(
              [&](int J) {
                InelasticModelOptions o = opts;
                o.maxJ = J;
                return makeInelasticResponse(c.nuclide.name(), mode, o, table);
              },
              f);
          const InelasticCrossSection& xs = converged.base();
          const auto spectrum = src.spectrum(f, rate.window);
          const ValidityRange validity = inelasticEnergyValidity();
          if (spectrum.maxEnergy() <= xs.thresholdEnergy()) {
            n.note = fmt::format("below threshold ({:.1f} MeV)", xs.thresholdEnergy());
          } else if (!validity.contains(spectrum.maxEnergy())) {
            n.note = validity.violation(spectrum.maxEnergy(), "highest energy of the spectrum");
          } else {
            n.fluxAveragedXsec = converged.fluxAveraged(spectrum).total;
            n.events = nuclei * src.fluence(f, rate.distance) * n.fluxAveragedXsec * src.timeFraction(f, rate.window);
          }
        } catch (const Error& e) {
          if (e.code() == ErrorCode::UnknownModel) {
            throw; // a misspelt model name is the user's error, not a channel the model cannot serve
          }
          n.note = e.what();
        }
        out.push_back(n);
      }
    }
  }
  return out;
}

} // namespace lenu
