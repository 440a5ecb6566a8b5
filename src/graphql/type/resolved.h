#pragma once
// What a resolver returns, and what the fields below it see as their parent
// (graphql-js's "source"). Resolvers hand typed application values down, as
// graphql-js resolvers hand JavaScript objects down, instead of converting
// every row to JSON and smuggling what child fields need in hidden members.
//
// A Resolved is one of:
//   JSON     a boost::json value: leaves, lists and plain objects — owned, or
//            borrowed from something that outlives the request (the schema)
//   text     a view of a string that lives as long as the parent value does
//            (a member of a typed parent): leaves without a copy
//   texts    a view of a list of strings, likewise
//   object   a typed application object (a market::Job, say), shared; the
//            fields of its GraphQL type read it with as<T>() / get_if<T>()
//   objects  a shared std::vector of typed objects, for list fields
// The engine never looks inside a typed object: it only hands it to the
// resolvers below, so it stays independent of any application.

#include <boost/json/value.hpp>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

namespace myspace::graphql {

using Value = boost::json::value;

class Resolved {
 public:
  enum class Kind : unsigned char { kJson, kText, kTexts, kObject, kObjects };

  Resolved() noexcept = default;  // null
  // Anything a JSON value is made from: nullptr, numbers, strings (copied),
  // json::object / json::array / json::value.
  template <typename T>
  requires(!std::is_same_v<std::remove_cvref_t<T>, Resolved> && std::is_constructible_v<Value, T&&>)
      Resolved(T&& json)
      : json_(std::forward<T>(json)) {}  // NOLINT(google-explicit-constructor)

  // JSON that outlives the request (owned by the schema, say): not copied.
  static Resolved borrow(const Value& json) noexcept {
    Resolved r;
    r.borrowed_ = &json;
    return r;
  }
  // A string that lives as long as the parent value: copied only into the response.
  static Resolved text(std::string_view text) noexcept {
    Resolved r;
    r.kind_ = Kind::kText;
    r.text_ = text;
    return r;
  }
  static Resolved maybe_text(const std::optional<std::string>& text) noexcept {
    return text ? Resolved::text(std::string_view(*text)) : Resolved();
  }
  static Resolved texts(std::span<const std::string> texts) noexcept {
    Resolved r;
    r.kind_ = Kind::kTexts;
    r.texts_ = texts;
    return r;
  }
  // A typed object; null when `object` is.
  template <typename T>
  static Resolved object(std::shared_ptr<const T> object) {
    Resolved r;
    if (!object) return r;
    r.kind_ = Kind::kObject;
    r.data_ = object.get();
    r.type_ = &typeid(T);
    r.keep_ = std::move(object);
    return r;
  }
  // `member`, a part of the typed object `owner`, as a typed object that
  // keeps its owner alive (a Profile's User, say).
  template <typename T, typename Owner>
  static Resolved part_of(const std::shared_ptr<const Owner>& owner, const T& member) {
    return object(std::shared_ptr<const T>(owner, &member));
  }
  // A list of typed objects (each item is an object() sharing the vector).
  template <typename T>
  static Resolved objects(std::shared_ptr<const std::vector<T>> items) {
    Resolved r;
    if (!items) return r;
    r.kind_ = Kind::kObjects;
    r.data_ = items->data();
    r.size_ = items->size();
    r.stride_ = sizeof(T);
    r.type_ = &typeid(T);
    r.keep_ = std::move(items);
    return r;
  }

  Kind kind() const noexcept { return kind_; }
  bool is_json() const noexcept { return kind_ == Kind::kJson; }
  bool is_null() const noexcept { return kind_ == Kind::kJson && json().is_null(); }
  bool is_list() const noexcept {
    return kind_ == Kind::kTexts || kind_ == Kind::kObjects ||
           (kind_ == Kind::kJson && json().is_array());
  }
  // The JSON value (null for the other kinds).
  const Value& json() const noexcept { return borrowed_ != nullptr ? *borrowed_ : json_; }
  std::string_view text_view() const noexcept { return text_; }
  std::span<const std::string> texts_view() const noexcept { return texts_; }

  // The number of items of a typed list and one of them, as an object.
  std::size_t size() const noexcept { return size_; }
  Resolved item(std::size_t index) const {
    Resolved r;
    r.kind_ = Kind::kObject;
    r.data_ = static_cast<const char*>(data_) + index * stride_;
    r.type_ = type_;
    r.keep_ = std::shared_ptr<const void>(keep_, r.data_);
    return r;
  }

  // The typed object, or nullptr when this is something else.
  template <typename T>
  const T* get_if() const noexcept {
    if (kind_ != Kind::kObject || *type_ != typeid(T)) return nullptr;
    return static_cast<const T*>(data_);
  }
  // The typed object; a resolver bound to the wrong type is a programming
  // error, reported as the field's internal error.
  template <typename T>
  const T& as() const {
    if (const T* object = get_if<T>()) return *object;
    throw std::logic_error(std::string("parent value is not a ") + typeid(T).name());
  }
  // The shared owner of a typed object (to hand a part of it down).
  template <typename T>
  std::shared_ptr<const T> shared() const {
    if (get_if<T>() == nullptr) return nullptr;
    return std::shared_ptr<const T>(keep_, static_cast<const T*>(data_));
  }

 private:
  Kind kind_ = Kind::kJson;
  Value json_;                       // kJson, owned
  const Value* borrowed_ = nullptr;  // kJson, borrowed (then json_ is unused)
  std::string_view text_;
  std::span<const std::string> texts_;
  std::shared_ptr<const void> keep_;      // kObject, kObjects: keeps the data alive
  const void* data_ = nullptr;            // the object, or the first item
  std::size_t size_ = 0;                  // kObjects
  std::size_t stride_ = 0;                // kObjects: sizeof(item)
  const std::type_info* type_ = nullptr;  // kObject, kObjects: the (item) type
};

// A member of a typed parent as a field's value, without copying text:
// strings and string lists are viewed, numbers and booleans become JSON.
inline Resolved view_of(const std::string& text) noexcept {
  return Resolved::text(std::string_view(text));
}
inline Resolved view_of(const std::optional<std::string>& text) noexcept {
  return Resolved::maybe_text(text);
}
inline Resolved view_of(const std::vector<std::string>& texts) noexcept {
  return Resolved::texts(texts);
}
template <typename T>
requires std::is_arithmetic_v<T> Resolved view_of(T number) {
  return Resolved(number);
}

}  // namespace myspace::graphql
