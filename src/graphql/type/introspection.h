#pragma once
// Introspection (spec section 4): the __Schema, __Type, __Field,
// __InputValue, __EnumValue, __Directive types, defined in SDL and resolved
// from the Schema itself, once per schema (introspection.cpp's cache). A
// __Type value is a small object {kind, name, "$type": index of its cached
// entry}, one per type reference ("Human", "Human!", "[Human!]!").

#include <string_view>

namespace myspace::graphql {

class Schema;
struct Field;

// The built-in scalars, directives and introspection types, as SDL.
std::string_view builtin_sdl();
// Binds the introspection types' resolvers and the __type meta-field's
// (called once by Schema::from_sdl).
void bind_introspection(Schema& schema, Field& type_field);

}  // namespace myspace::graphql
