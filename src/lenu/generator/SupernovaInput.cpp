#include "lenu/generator/SupernovaInput.hpp"

#include <array>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

std::shared_ptr<const supernova::SupernovaSource> transformSupernova(const supernova::SupernovaSource& src,
                                                                     const supernova::FlavourTransformation& ft) {
  // index as kAllFlavours: nue numu nutau nuebar numubar nutaubar; coefficient c[k][j] of F0_j in F_k
  std::array<std::array<double, 6>, 6> c{};
  for (int anti = 0; anti < 2; ++anti) {
    const double p = anti == 0 ? ft.pee() : ft.peeBar();
    const std::size_t e = 3U * static_cast<std::size_t>(anti), mu = e + 1, tau = e + 2;
    c[e][e] = p;
    c[e][mu] = c[e][tau] = 0.5 * (1.0 - p);
    for (std::size_t x : {mu, tau}) {
      c[x][e] = 0.5 * (1.0 - p);
      c[x][mu] = c[x][tau] = 0.25 * (1.0 + p);
    }
  }
  supernova::SupernovaSource::Components out;
  for (std::size_t k = 0; k < 6; ++k) {
    for (std::size_t j = 0; j < 6; ++j) {
      if (!(c[k][j] > 0.0)) {
        continue;
      }
      for (const auto& comp : src.components(kAllFlavours[j])) {
        auto s = std::make_shared<supernova::EmissionSeries>(*comp);
        for (double& l : s->luminosity) {
          l *= c[k][j];
        }
        out[kAllFlavours[k]].push_back(std::move(s));
      }
    }
  }
  return std::make_shared<supernova::SupernovaSource>(std::move(out),
                                                      src.description() + "; flavour transformation: " + ft.description());
}

std::shared_ptr<const NeutrinoSource> makeSupernovaSource(const SupernovaSourceSettings& s) {
  const supernova::FlavourTransformation ft(supernova::parseOrdering(s.ordering));
  std::shared_ptr<const NeutrinoSource> base;
  if (s.model == "pinched") {
    base = supernova::makePinchedSupernova(s.pinched);
  } else {
    base = supernova::readSupernovaModel(s.model);
  }
  if (ft.config().scheme == supernova::FlavourScheme::None) {
    return base;
  }
  const auto* sn = dynamic_cast<const supernova::SupernovaSource*>(base.get());
  if (sn == nullptr) {
    throw Error(ErrorCode::ConfigError,
                fmt::format("supernova model '{}' is a time-integrated fluence: flavour transformation '{}' "
                            "needs a time-resolved model (accepted here: ordering = \"none\")",
                            s.model, s.ordering));
  }
  return transformSupernova(*sn, ft);
}

} // namespace lenu::generator
