#pragma once
/// @file SnowglobesExport.hpp
/// Text in the table layouts of SNOwGLoBES (https://github.com/SNOwGLoBES/snowglobes), for users
/// who compare with it (layouts read from the repository at commit 522aa7c; described in
/// docs/supernova-formats.md):
///  - flux (fluxes/*.dat): 501 rows E = 0, 0.2, ..., 100 MeV, 7 columns: E [GeV], then the fluence
///    per 0.2 MeV bin [1/cm^2] of nue numu nutau nuebar numubar nutaubar; no header;
///  - cross section (xscns/xs_*.dat): 3 comment lines, then 1001 rows log10(E/GeV) from
///    log10(0.0005) to -1 (0.5 to 100 MeV) and sigma/E [1e-38 cm^2/GeV] for the six flavours;
///  - event rates: "energy_GeV events" per bin, one file per channel (as SNOwGLoBES' *_events.dat
///    outputs: observed energy for the smeared ones, neutrino energy for the unsmeared ones).

#include <string>

#include "lenu/supernova/SupernovaRate.hpp"

namespace lenu::supernova {

/// The fluence at the detector of a prediction (after flavour transformation).
std::string snowglobesFluxText(const SupernovaPrediction& p);
/// sigma/E of a channel per target (interactions, no detector response).
std::string snowglobesCrossSectionText(const ChannelTable& ch, const EnergyGrid& grid);
/// Events of channel c per observed-energy bin (`smeared`) or per neutrino-energy bin.
std::string snowglobesRateText(const SupernovaPrediction& p, std::size_t c, bool smeared);

} // namespace lenu::supernova
