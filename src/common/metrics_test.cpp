#include "common/metrics.h"

#include <gtest/gtest.h>

#include <cmath>

namespace myspace::metrics {
namespace {

TEST(Metrics, CounterIsSharedPerNameAndLabels) {
  Registry registry;
  registry.counter("requests_total", "Requests", R"(route="/a")").inc();
  registry.counter("requests_total", "Requests", R"(route="/a")").inc(2);
  registry.counter("requests_total", "Requests", R"(route="/b")").inc();
  EXPECT_EQ(registry.counter("requests_total", "Requests", R"(route="/a")").value(), 3u);
  const std::string text = registry.render();
  EXPECT_NE(text.find("# TYPE requests_total counter"), std::string::npos);
  EXPECT_NE(text.find(R"(requests_total{route="/a"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(requests_total{route="/b"} 1)"), std::string::npos);
}

TEST(Metrics, HistogramBucketsAndQuantiles) {
  Histogram h;
  for (int i = 0; i < 98; ++i) h.observe(0.0003);  // lands in the 0.0005 bucket
  h.observe(0.2);
  h.observe(20);  // past the last bound
  EXPECT_EQ(h.count(), 100u);
  EXPECT_DOUBLE_EQ(h.quantile(0.5), 0.0005);
  EXPECT_DOUBLE_EQ(h.quantile(0.99), 0.25);
  EXPECT_TRUE(std::isinf(h.quantile(1.0)));
  EXPECT_NEAR(h.sum(), 98 * 0.0003 + 20.2, 1e-6);
}

TEST(Metrics, RendersHistogramCumulatively) {
  Registry registry;
  auto& h = registry.histogram("latency_seconds", "Latency", R"(route="/x")");
  h.observe(0.002);
  h.observe(0.002);
  const std::string text = registry.render();
  EXPECT_NE(text.find(R"(latency_seconds_bucket{route="/x",le="0.0025"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(latency_seconds_bucket{route="/x",le="+Inf"} 2)"), std::string::npos);
  EXPECT_NE(text.find(R"(latency_seconds_count{route="/x"} 2)"), std::string::npos);
}

TEST(Metrics, RefusesOneNameWithTwoTypes) {
  Registry registry;
  registry.counter("x", "x");
  EXPECT_THROW(registry.gauge("x", "x"), std::logic_error);
}

}  // namespace
}  // namespace myspace::metrics
