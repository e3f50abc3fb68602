#include "lenu/generator/EventGenerator.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "lenu/core/Error.hpp"

namespace lenu::generator {

EventGenerator::EventGenerator(std::shared_ptr<const NeutrinoSource> source, std::vector<Flavour> flavours,
                               std::vector<ProcessEntry> processes, Config cfg)
    : m_source(std::move(source)), m_flavours(std::move(flavours)), m_processes(std::move(processes)) {
  if (!m_source || m_flavours.empty() || m_processes.empty()) {
    throw Error(ErrorCode::InvalidArgument, "EventGenerator: needs a source, at least one flavour and one process");
  }
  if (cfg.timeNodes < 3) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("EventGenerator: timeNodes = {} must be >= 3", cfg.timeNodes));
  }
  const auto emitted = m_source->flavours();
  const TimeWindow range = m_source->timeRange();
  if (!std::isfinite(range.begin) || !std::isfinite(range.end) || !(range.end > range.begin)) {
    throw Error(ErrorCode::InvalidArgument, "EventGenerator: the source's timeRange() must be finite");
  }
  // Time windows: one (the whole range) for a separable source; for a non-separable source
  // (supernova) cfg.timeWindows windows holding about equal numbers of emitted neutrinos, each
  // with its own energy spectrum spectrum(f, window) and time table (time x energy table).
  std::vector<TimeWindow> windows;
  if (m_source->separable()) {
    windows.push_back(range);
  } else {
    if (cfg.timeWindows < 1 || cfg.windowTimeNodes < 3) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("EventGenerator: timeWindows = {} must be >= 1 and windowTimeNodes = {} >= 3",
                              cfg.timeWindows, cfg.windowTimeNodes));
    }
    // fine grid, uniform plus logarithmic in t - t_begin (resolves a ms burst in a 10 s signal)
    const double span = range.end - range.begin;
    std::vector<double> g;
    const std::size_t ng = 1000;
    for (std::size_t k = 0; k < ng; ++k) {
      const double u = static_cast<double>(k) / static_cast<double>(ng - 1);
      g.push_back(range.begin + span * u);
      g.push_back(range.begin + span * std::pow(10.0, -7.0 * (1.0 - u)));
    }
    std::sort(g.begin(), g.end());
    g.erase(std::unique(g.begin(), g.end()), g.end());
    std::vector<double> rate(g.size(), 0.0), cum(g.size(), 0.0);
    for (Flavour f : m_flavours) {
      const double nf = m_source->totalNeutrinos(f);
      for (std::size_t k = 0; k < g.size(); ++k) {
        rate[k] += nf * std::max(0.0, m_source->timePdf(f, g[k]));
      }
    }
    for (std::size_t k = 1; k < g.size(); ++k) {
      cum[k] = cum[k - 1] + 0.5 * (rate[k] + rate[k - 1]) * (g[k] - g[k - 1]);
    }
    double t0 = range.begin;
    std::size_t k = 1;
    for (std::size_t w = 1; w <= cfg.timeWindows && cum.back() > 0.0; ++w) {
      double t1 = range.end;
      if (w < cfg.timeWindows) {
        const double target = cum.back() * static_cast<double>(w) / static_cast<double>(cfg.timeWindows);
        while (k < g.size() && cum[k] < target) {
          ++k;
        }
        if (k >= g.size()) {
          continue;
        }
        const double d = cum[k] - cum[k - 1];
        t1 = d > 0.0 ? g[k - 1] + (g[k] - g[k - 1]) * (target - cum[k - 1]) / d : g[k];
      }
      if (t1 > t0) {
        windows.push_back({t0, t1});
        t0 = t1;
      }
    }
    if (windows.empty()) {
      windows.push_back(range);
    }
  }
  std::vector<double> weights;
  double sumNu = 0.0;
  for (Flavour f : m_flavours) {
    if (std::find(emitted.begin(), emitted.end(), f) == emitted.end()) {
      throw Error(ErrorCode::InvalidArgument,
                  fmt::format("EventGenerator: the source does not emit {} ({})", toString(f), m_source->description()));
    }
    const double nf = m_source->totalNeutrinos(f);
    sumNu += nf;
    std::vector<std::size_t> infoIndex;
    for (const auto& pe : m_processes) {
      infoIndex.push_back(m_info.size());
      if (pe.process->flavour() == f) {
        m_info.push_back({f, pe.process.get(), pe.atoms, 0.0, 0.0});
      }
    }
    for (const TimeWindow& win : windows) {
      const bool whole = windows.size() == 1;
      const double frac = whole ? 1.0 : m_source->timeFraction(f, win);
      if (!(frac > 0.0)) {
        continue;
      }
      const std::size_t nodes = whole ? cfg.timeNodes : cfg.windowTimeNodes;
      std::vector<double> tx(nodes), tf(nodes);
      double tsum = 0.0;
      for (std::size_t k = 0; k < nodes; ++k) {
        tx[k] = win.begin + (win.end - win.begin) * static_cast<double>(k) / static_cast<double>(nodes - 1);
        tf[k] = std::max(0.0, m_source->timePdf(f, tx[k]));
        tsum += tf[k];
      }
      if (!(tsum > 0.0)) {
        std::fill(tf.begin(), tf.end(), 1.0); // emission (e.g. all at one instant) unresolved: uniform
      }
      const std::size_t timeIndex = m_time.size();
      m_time.emplace_back(std::move(tx), std::move(tf));
      const EnergySpectrum spec = whole ? m_source->spectrum(f) : m_source->spectrum(f, win);
      for (std::size_t pi = 0; pi < m_processes.size(); ++pi) {
        const auto& pe = m_processes[pi];
        if (pe.process->flavour() != f) {
          continue;
        }
        Channel ch;
        ch.process = pe.process.get();
        ch.flavour = f;
        ch.timeIndex = timeIndex;
        std::vector<double> parts;
        double mean = 0.0;
        for (const auto& l : spec.lines()) {
          const double w = l.weight * pe.process->sigma(l.energy);
          ch.lineEnergies.push_back(l.energy);
          parts.push_back(w);
          mean += w;
        }
        double contPart = 0.0;
        if (const ContinuousSpectrum* c = spec.continuousPart(); c != nullptr && spec.continuousWeight() > 0.0) {
          std::vector<double> x, y;
          const double lo = std::max(c->eMin(), pe.process->thresholdEnergy());
          const double hi = c->eMax();
          if (hi > lo) {
            x.push_back(lo);
            for (double e : pe.process->energyNodes()) {
              if (e > lo && e < hi) {
                x.push_back(e);
              }
            }
            x.push_back(hi);
            for (double e : x) {
              y.push_back(c->pdf(e) * pe.process->sigma(e));
            }
            double integral = 0.0;
            for (std::size_t k = 1; k < x.size(); ++k) {
              integral += 0.5 * (y[k] + y[k - 1]) * (x[k] - x[k - 1]);
            }
            if (integral > 0.0) {
              ch.continuous = TabulatedSampler(std::move(x), std::move(y));
              contPart = spec.continuousWeight() * integral;
            }
          }
        }
        parts.push_back(contPart);
        mean += contPart;
        if (!(mean > 0.0)) {
          continue; // closed for this spectrum
        }
        ch.part = DiscreteSampler(parts);
        ch.info = infoIndex[pi];
        m_info[ch.info].meanSigma += frac * mean;
        weights.push_back(nf * pe.atoms * frac * mean);
        m_channels.push_back(std::move(ch));
      }
    }
  }
  // drop processes closed for the whole spectrum
  {
    std::vector<std::size_t> remap(m_info.size(), 0);
    std::vector<ChannelInfo> kept;
    for (std::size_t i = 0; i < m_info.size(); ++i) {
      remap[i] = kept.size();
      if (m_info[i].meanSigma > 0.0) {
        kept.push_back(m_info[i]);
      }
    }
    for (auto& ch : m_channels) {
      ch.info = remap[ch.info];
    }
    m_info = std::move(kept);
  }
  for (const auto& pe : m_processes) {
    m_atoms += pe.atoms; // one entry per (nucleus, flavour): count each nucleus once below
  }
  // atoms per formula unit: sum over distinct (Z, A)
  {
    std::vector<std::pair<int, int>> seen;
    m_atoms = 0.0;
    for (const auto& pe : m_processes) {
      const std::pair<int, int> za{pe.process->targetZ(), pe.process->targetA()};
      if (std::find(seen.begin(), seen.end(), za) == seen.end()) {
        seen.push_back(za);
        m_atoms += pe.atoms;
      }
    }
  }
  if (m_channels.empty()) {
    throw Error(ErrorCode::BelowThreshold, "EventGenerator: no process is open for the source's spectra");
  }
  m_channelChoice = DiscreteSampler(weights);
  m_totalNeutrinos = sumNu;
  m_fluxAveraged = m_channelChoice.total() / (sumNu * m_atoms);
  for (std::size_t c = 0; c < m_channels.size(); ++c) {
    m_info[m_channels[c].info].probability += m_channelChoice.probability(c);
  }
}

double EventGenerator::fluxAveragedSigma(Flavour f) const {
  double s = 0.0;
  for (const auto& i : m_info) {
    if (i.flavour == f) {
      s += i.atoms * i.meanSigma;
    }
  }
  return s / m_atoms;
}

void EventGenerator::generate(Engine& engine, Event& ev) const {
  const Channel& ch = m_channels[m_channelChoice.sample(engine)];
  const std::size_t part = ch.part.sample(engine);
  const double E = part < ch.lineEnergies.size() ? ch.lineEnergies[part] : ch.continuous.sample(engine);
  ev.clear();
  ev.flavour = ch.flavour;
  ev.energy = E;
  ev.time = m_time[ch.timeIndex].sample(engine);
  ch.process->generate(E, engine, ev);
  if (ev.processXs == 0.0) {
    ev.processXs = ch.process->sigma(E);
  }
  double tot = 0.0;
  for (const auto& pe : m_processes) {
    if (pe.process->flavour() == ch.flavour && pe.process->targetZ() == ch.process->targetZ() &&
        pe.process->targetA() == ch.process->targetA()) {
      tot += pe.process->sigma(E);
    }
  }
  if (ev.totalXs == 0.0) {
    ev.totalXs = tot;
  }
}

std::vector<Event> EventGenerator::generateBlock(std::uint64_t seed, std::uint64_t block, std::uint64_t first,
                                                 std::size_t count) const {
  Engine engine = blockEngine(seed, block);
  std::vector<Event> out(count);
  for (std::size_t k = 0; k < count; ++k) {
    generate(engine, out[k]);
    out[k].number = first + k;
  }
  return out;
}

} // namespace lenu::generator
