#include "lenu/io/Plot.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "lenu/core/Error.hpp"

namespace lenu {
namespace {

std::string quote(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return "\"" + out + "\"";
}

void runGnuplot(const std::string& script, const std::filesystem::path& png) {
  const auto tmpScript = std::filesystem::temp_directory_path() / fmt::format("lenu-plot-{}.gp", ::getpid());
  {
    std::ofstream out(tmpScript);
    out << script;
  }
  const std::string cmd = fmt::format("gnuplot {} 2>&1", quote(tmpScript.string()));
  FILE* pipe = ::popen(cmd.c_str(), "r");
  std::string output;
  if (pipe != nullptr) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr) {
      output += buf;
    }
  }
  const int status = pipe != nullptr ? ::pclose(pipe) : -1;
  std::filesystem::remove(tmpScript);
  if (status != 0) {
    throw Error(ErrorCode::IoError,
                fmt::format("plot '{}' failed (is gnuplot installed? Debian: apt-get install gnuplot-nox): {}",
                            png.string(), output));
  }
}

} // namespace

std::string Plot::script(const std::filesystem::path& png) const {
  std::string s;
  s += fmt::format("set terminal pngcairo size {},{} enhanced font 'Sans,11'\n", width, height);
  s += fmt::format("set output {}\n", quote(png.string()));
  s += fmt::format("set title {} noenhanced\nset xlabel {} noenhanced\nset ylabel {} noenhanced\n", quote(title),
                   quote(xLabel), quote(yLabel));
  s += fmt::format("set grid\nset key {} noenhanced\n", key);
  if (logX) {
    s += "set logscale x\n";
  }
  if (logY) {
    s += "set logscale y\n";
  }
  for (std::size_t k = 0; k < series.size(); ++k) {
    s += fmt::format("$D{} << EOD\n", k);
    const auto& se = series[k];
    for (std::size_t i = 0; i < se.x.size(); ++i) {
      if (se.yError.empty()) {
        s += fmt::format("{:.10g} {:.10g}\n", se.x[i], se.y[i]);
      } else {
        s += fmt::format("{:.10g} {:.10g} {:.10g}\n", se.x[i], se.y[i], se.yError[i]);
      }
    }
    s += "EOD\n";
  }
  s += "plot ";
  for (std::size_t k = 0; k < series.size(); ++k) {
    const auto& se = series[k];
    const std::string style = se.yError.empty() ? se.style : "yerrorbars";
    s += fmt::format("{}$D{} using 1:2{} with {} lw 2 title {}", k == 0 ? "" : ", ", k,
                     se.yError.empty() ? "" : ":3", style, quote(se.label));
  }
  s += "\n";
  return s;
}

void Plot::render(const std::filesystem::path& png) const {
  if (series.empty()) {
    throw Error(ErrorCode::InvalidArgument, fmt::format("plot '{}' has no data", png.string()));
  }
  auto tmp = png;
  tmp += ".tmp.png";
  runGnuplot(script(tmp), png);
  std::filesystem::rename(tmp, png);
}

void HeatMap::render(const std::filesystem::path& png) const {
  auto tmp = png;
  tmp += ".tmp.png";
  std::string s;
  s += "set terminal pngcairo size 900,650 enhanced font 'Sans,11'\n";
  s += fmt::format("set output {}\n", quote(tmp.string()));
  s += fmt::format("set title {} noenhanced\nset xlabel {} noenhanced\nset ylabel {} noenhanced\n", quote(title),
                   quote(xLabel), quote(yLabel));
  s += fmt::format("set cblabel {} noenhanced\nset view map\nset palette rgb 33,13,10\n", quote(zLabel));
  s += fmt::format("set xrange [{}:{}]\nset yrange [{}:{}]\n", xEdges.front(), xEdges.back(), yEdges.front(), yEdges.back());
  s += "$M << EOD\n";
  for (std::size_t i = 0; i + 1 < xEdges.size(); ++i) {
    for (std::size_t j = 0; j + 1 < yEdges.size(); ++j) {
      s += fmt::format("{:.8g} {:.8g} {:.8g} {:.8g} {:.8g}\n", 0.5 * (xEdges[i] + xEdges[i + 1]),
                       0.5 * (yEdges[j] + yEdges[j + 1]), z[i][j], xEdges[i + 1] - xEdges[i],
                       yEdges[j + 1] - yEdges[j]);
    }
  }
  s += "EOD\nplot $M using 1:2:($4/2):($5/2):3 with boxxyerror fs solid 1.0 noborder lc palette notitle\n";
  runGnuplot(s, png);
  std::filesystem::rename(tmp, png);
}

} // namespace lenu
