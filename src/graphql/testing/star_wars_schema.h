#pragma once
// The Star Wars schema of graphql-js's tests, extended with the features our
// tests need (a union, an input type, a oneOf input type, mutations, custom
// scalars, deprecation of fields, enum values and directives).
// Test-only; never linked into production targets.

#include <string_view>

namespace myspace::graphql::testing {

inline constexpr std::string_view kStarWarsSdl = R"GRAPHQL(
"The Star Wars API"
schema {
  query: Query
  mutation: Mutation
}

"One of the films in the Star Wars Trilogy"
enum Episode {
  "Released in 1977."
  NEWHOPE
  "Released in 1980."
  EMPIRE
  "Released in 1983."
  JEDI
  OLD @deprecated(reason: "Use NEWHOPE")
}

"An ISO-8601 date and time."
scalar DateTime @specifiedBy(url: "https://tools.ietf.org/html/rfc3339")

"A decimal amount of money, serialized as a string."
scalar Money

interface Node {
  id: ID!
}

"A character in the Star Wars Trilogy"
interface Character implements Node {
  id: ID!
  name: String
  friends: [Character]
  appearsIn: [Episode]
  secretBackstory: String
}

type Human implements Character & Node {
  id: ID!
  name: String
  friends: [Character]
  appearsIn: [Episode]
  homePlanet: String
  secretBackstory: String
  mass(unit: String = "KG"): Float @deprecated
}

type Droid implements Character & Node {
  id: ID!
  name: String
  friends: [Character]
  appearsIn: [Episode]
  secretBackstory: String
  primaryFunction: String
}

type Starship {
  id: ID!
  name: String!
  length: Float
}

union SearchResult = Human | Droid | Starship

input ReviewInput {
  stars: Int!
  commentary: String
  tags: [String!] = []
  rating: Float = 0.5
}

"""
A probe droid's report. Its non-null fields have asynchronous resolvers that
throw, after suspending, for a probe that was lost: the error must reach the
response and the null propagate exactly as for synchronous resolvers.
"""
type Probe {
  id: ID!
  status: String!
  "The probe itself, while it is in contact."
  relay: Probe!
}

"Exactly one way to name a character."
input CharacterBy @oneOf {
  id: ID
  name: String
  episode: Episode
  review: ReviewInput
  old: String @deprecated(reason: "Use name.")
}

"Caches the field's value."
directive @cached(seconds: Int = 60) @deprecated(reason: "Use @cacheControl.") on FIELD

"How long a field's value may be cached."
directive @cacheControl(maxAge: Int!) on FIELD | QUERY

directive @legacy @deprecated repeatable on FIELD | FRAGMENT_SPREAD

type Review {
  episode: Episode
  stars: Int!
  commentary: String
}

type Query {
  hero(episode: Episode): Character
  human(id: ID!): Human
  droid(id: ID!): Droid
  search(text: String!, first: Int = 10): [SearchResult!]!
  reviews(episode: Episode!): [Review!]!
  now: DateTime
  price: Money
  slow(ms: Int!, tag: String!): String
  failing: String
  failingNonNull: String!
  "Throws asynchronously."
  failingAsyncNonNull: String!
  "A probe that was lost."
  lostProbe: Probe
  "Two probes; the second one was lost."
  probes: [Probe!]
  echo(
    value: String
    int: Int
    float: Float
    list: [Int]
    review: ReviewInput
    by: CharacterBy
    bys: [CharacterBy]
  ): String
  "The oneOf value it was given, as JSON."
  pick(by: CharacterBy!): String
}

type Mutation {
  createReview(episode: Episode!, review: ReviewInput!): Review
  appendLog(entry: String!): [String!]!
}
)GRAPHQL";

}  // namespace myspace::graphql::testing
