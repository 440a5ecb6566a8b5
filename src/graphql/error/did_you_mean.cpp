#include "graphql/error/did_you_mean.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace myspace::graphql {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Damerau-Levenshtein distance with graphql-js's shortcuts and threshold.
std::optional<std::size_t> lexical_distance(std::string_view input, std::string_view option,
                                            std::size_t threshold) {
  if (input == option) return 0;
  std::string a = lower(input);
  std::string b = lower(option);
  if (a == b) return 1;
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > threshold) return std::nullopt;
  std::vector<std::vector<std::size_t>> rows(3, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t j = 0; j <= b.size(); ++j) rows[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    auto& up = rows[(i - 1) % 3];
    auto& current = rows[i % 3];
    std::size_t smallest = current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t value = std::min({up[j] + 1, current[j - 1] + 1, up[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        value = std::min(value, rows[(i - 2) % 3][j - 2] + 1);
      }
      smallest = std::min(smallest, value);
      current[j] = value;
    }
    if (smallest > threshold) return std::nullopt;
  }
  std::size_t distance = rows[a.size() % 3][b.size()];
  if (distance > threshold) return std::nullopt;
  return distance;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

int natural_compare(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() && j < b.size()) {
    if (is_digit(a[i]) && is_digit(b[j])) {
      // As graphql-js: a number ends at its first digit after a leading zero.
      auto number = [](std::string_view s, std::size_t& k) {
        unsigned long long n = 0;
        do {
          n = n * 10 + static_cast<unsigned>(s[k] - '0');
          ++k;
        } while (k < s.size() && is_digit(s[k]) && n > 0);
        return n;
      };
      const auto x = number(a, i);
      const auto y = number(b, j);
      if (x != y) return x < y ? -1 : 1;
    } else {
      if (a[i] != b[j])
        return static_cast<unsigned char>(a[i]) < static_cast<unsigned char>(b[j]) ? -1 : 1;
      ++i;
      ++j;
    }
  }
  const auto rest_a = a.size() - i;
  const auto rest_b = b.size() - j;
  return rest_a == rest_b ? 0 : (rest_a < rest_b ? -1 : 1);
}

std::vector<std::string> suggestion_list(std::string_view input,
                                         const std::vector<std::string>& options) {
  const std::size_t threshold = input.size() * 4 / 10 + 1;
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& option : options) {
    if (auto d = lexical_distance(input, option, threshold)) scored.emplace_back(*d, option);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& x, const auto& y) {
    if (x.first != y.first) return x.first < y.first;
    return natural_compare(x.second, y.second) < 0;
  });
  std::vector<std::string> out;
  for (auto& [d, option] : scored) out.push_back(std::move(option));
  return out;
}

std::string did_you_mean(const std::vector<std::string>& suggestions,
                         std::string_view sub_message) {
  if (suggestions.empty()) return "";
  std::string message = " Did you mean ";
  if (!sub_message.empty()) message += std::string(sub_message) + " ";
  std::vector<std::string> quoted;
  for (std::size_t i = 0; i < suggestions.size() && i < 5; ++i)
    quoted.push_back("\"" + suggestions[i] + "\"");
  if (quoted.size() == 1) return message + quoted[0] + "?";
  if (quoted.size() == 2) return message + quoted[0] + " or " + quoted[1] + "?";
  std::string last = quoted.back();
  quoted.pop_back();
  for (std::size_t i = 0; i < quoted.size(); ++i) message += quoted[i] + ", ";
  return message + "or " + last + "?";
}

}  // namespace myspace::graphql
