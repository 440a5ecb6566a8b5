#include "api/jobs/job_json.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/json_fields.h"

namespace myspace::api {
namespace json = boost::json;

namespace {

using json_fields::integer;
using json_fields::MalformedEntry;
using json_fields::optional_text;
using json_fields::optional_text_value;
using json_fields::text;
using json_fields::texts;

market::Job decode(const json::value& value) {
  if (!value.is_object()) throw MalformedEntry{};
  const auto& object = value.get_object();
  market::Job job;
  job.id = integer(object, "id");
  job.public_id = text(object, "publicId");
  job.client_id = integer(object, "clientId");
  job.title = text(object, "title");
  job.description = text(object, "description");
  job.category = text(object, "category");
  job.budget_min = optional_text(object, "budgetMin");
  job.budget_max = optional_text(object, "budgetMax");
  job.status = text(object, "status");
  job.skills_required = texts(object, "skillsRequired");
  job.created_at = text(object, "createdAt");
  return job;
}

json::object encode(const market::Job& job) {
  return json::object{
      {"id", job.id},
      {"publicId", job.public_id},
      {"clientId", job.client_id},
      {"title", job.title},
      {"description", job.description},
      {"category", job.category},
      {"budgetMin", optional_text_value(job.budget_min)},
      {"budgetMax", optional_text_value(job.budget_max)},
      {"status", job.status},
      {"skillsRequired", json::array(job.skills_required.begin(), job.skills_required.end())},
      {"createdAt", job.created_at},
  };
}

}  // namespace

std::string jobs_to_json(const std::vector<market::Job>& jobs) {
  json::array array;
  array.reserve(jobs.size());
  for (const auto& job : jobs) array.emplace_back(encode(job));
  return json::serialize(array);
}

std::optional<std::vector<market::Job>> jobs_from_json(std::string_view text) {
  boost::system::error_code ec;
  const auto value = json::parse(text, ec);
  if (ec || !value.is_array()) return std::nullopt;
  std::vector<market::Job> jobs;
  jobs.reserve(value.get_array().size());
  try {
    for (const auto& item : value.get_array()) jobs.push_back(decode(item));
  } catch (const MalformedEntry&) {
    return std::nullopt;
  }
  return jobs;
}

}  // namespace myspace::api
