#pragma once
/// @file Plot.hpp
/// PNG plots through gnuplot (Debian package gnuplot-nox, terminal pngcairo). A Plot collects
/// series and renders them in one call; the data are embedded in the gnuplot script, so nothing
/// but the PNG is left behind. Labels should carry units.

#include <filesystem>
#include <string>
#include <vector>

namespace lenu {

struct PlotSeries {
  PlotSeries() = default;
  PlotSeries(std::string l, std::vector<double> xs, std::vector<double> ys, std::string st = "lines")
      : label(std::move(l)), x(std::move(xs)), y(std::move(ys)), style(std::move(st)) {}
  std::string label;
  std::vector<double> x;
  std::vector<double> y;
  std::string style = "lines"; ///< gnuplot style: "lines", "points", "steps", "histeps", "linespoints"
  std::vector<double> yError;  ///< optional: drawn as error bars ("yerrorbars")
};

struct Plot {
  Plot() = default;
  Plot(std::string t, std::string xl, std::string yl)
      : title(std::move(t)), xLabel(std::move(xl)), yLabel(std::move(yl)) {}
  std::string title;
  std::string xLabel;
  std::string yLabel;
  std::string key = "top right"; ///< gnuplot legend position, e.g. "bottom left", "outside"
  bool logX = false;
  bool logY = false;
  std::vector<PlotSeries> series;
  int width = 900;
  int height = 600;

  /// Render to a PNG file (written atomically). Throws Error(IoError) if gnuplot fails or is
  /// missing (install the Debian package gnuplot-nox).
  void render(const std::filesystem::path& png) const;
  /// The gnuplot script that render() runs (for tests and debugging).
  std::string script(const std::filesystem::path& png) const;
};

/// A colour map (heat map) of z[i][j] over x bin edges (i) and y bin edges (j), rendered to PNG.
struct HeatMap {
  std::string title, xLabel, yLabel, zLabel;
  std::vector<double> xEdges, yEdges;
  std::vector<std::vector<double>> z;
  void render(const std::filesystem::path& png) const;
};

} // namespace lenu
