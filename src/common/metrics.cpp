#include "common/metrics.h"

#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace myspace::metrics {

void Histogram::observe(double seconds) noexcept {
  std::size_t i = 0;
  while (i < kBounds.size() && seconds > kBounds[i]) ++i;
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  const double nanos = seconds < 0 ? 0 : seconds * 1e9;
  sum_nanos_.fetch_add(static_cast<std::uint64_t>(nanos), std::memory_order_relaxed);
}

double Histogram::sum() const noexcept {
  return static_cast<double>(sum_nanos_.load(std::memory_order_relaxed)) / 1e9;
}

double Histogram::quantile(double q) const noexcept {
  const std::uint64_t total = count();
  if (total == 0) return 0;
  const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(total)));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBounds.size(); ++i) {
    seen += bucket(i);
    if (seen >= rank) return kBounds[i];
  }
  return std::numeric_limits<double>::infinity();
}

Registry::Family& Registry::family(std::string_view name, std::string_view help,
                                   std::string_view type) {
  auto it = families_.find(name);
  if (it == families_.end()) {
    it = families_
             .emplace(std::string(name), Family{std::string(help), std::string(type), {}, {}, {}})
             .first;
  } else if (it->second.type != type) {
    throw std::logic_error("metric " + std::string(name) + " registered with two types");
  }
  return it->second;
}

Counter& Registry::counter(std::string_view name, std::string_view help, std::string_view labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, help, "counter").counters[std::string(labels)];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Gauge& Registry::gauge(std::string_view name, std::string_view help, std::string_view labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, help, "gauge").gauges[std::string(labels)];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

Histogram& Registry::histogram(std::string_view name, std::string_view help,
                               std::string_view labels) {
  std::lock_guard lock(mutex_);
  auto& slot = family(name, help, "histogram").histograms[std::string(labels)];
  if (!slot) slot = std::make_unique<Histogram>();
  return *slot;
}

namespace {
std::string series(const std::string& name, const std::string& labels,
                   std::string_view extra = {}) {
  std::string all = labels;
  if (!extra.empty()) all += (all.empty() ? "" : ",") + std::string(extra);
  return all.empty() ? name : name + "{" + all + "}";
}
}  // namespace

std::string Registry::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  for (const auto& [name, fam] : families_) {
    out << "# HELP " << name << ' ' << fam.help << "\n# TYPE " << name << ' ' << fam.type << '\n';
    for (const auto& [labels, c] : fam.counters)
      out << series(name, labels) << ' ' << c->value() << '\n';
    for (const auto& [labels, g] : fam.gauges)
      out << series(name, labels) << ' ' << g->value() << '\n';
    for (const auto& [labels, h] : fam.histograms) {
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < Histogram::kBounds.size(); ++i) {
        cumulative += h->bucket(i);
        std::ostringstream le;
        le << "le=\"" << Histogram::kBounds[i] << '"';
        out << series(name + "_bucket", labels, le.str()) << ' ' << cumulative << '\n';
      }
      out << series(name + "_bucket", labels, "le=\"+Inf\"") << ' ' << h->count() << '\n';
      out << series(name + "_sum", labels) << ' ' << h->sum() << '\n';
      out << series(name + "_count", labels) << ' ' << h->count() << '\n';
    }
  }
  return out.str();
}

Registry& Registry::global() {
  static Registry registry;
  return registry;
}

std::string escape_label_value(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (const char c : value) {
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string label(std::string_view name, std::string_view value) {
  return std::string(name) + "=\"" + escape_label_value(value) + "\"";
}

}  // namespace myspace::metrics
