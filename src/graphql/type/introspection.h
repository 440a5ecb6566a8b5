#pragma once
// Introspection (spec section 4): the __Schema, __Type, __Field,
// __InputValue, __EnumValue, __Directive types, defined in SDL and resolved
// from the Schema itself. A __Type value is its printed reference ("[Human!]!"),
// so wrapper types need no objects of their own.

#include <string_view>

namespace myspace::graphql {

class Schema;

// The built-in scalars, directives and introspection types, as SDL.
std::string_view builtin_sdl();
// Binds the introspection types' resolvers (called once by Schema::from_sdl).
void bind_introspection(Schema& schema);

}  // namespace myspace::graphql
