#include "cache/hiredis_reply.h"

namespace myspace::cache::detail {

Reply from_hiredis(const redisReply& reply) {
  switch (reply.type) {
    case REDIS_REPLY_NIL:
      return Reply{Nil{}};
    case REDIS_REPLY_INTEGER:
      return Reply{static_cast<std::int64_t>(reply.integer)};
    case REDIS_REPLY_STRING:
      return Reply{std::string(reply.str, reply.len)};
    case REDIS_REPLY_STATUS:
      return Reply{Status{std::string(reply.str, reply.len)}};
    case REDIS_REPLY_ERROR:
      return Reply{ErrorReply{std::string(reply.str, reply.len)}};
    case REDIS_REPLY_ARRAY: {
      Reply::Array elements;
      elements.reserve(reply.elements);
      for (std::size_t i = 0; i < reply.elements; ++i) {
        elements.push_back(from_hiredis(*reply.element[i]));
      }
      return Reply{std::move(elements)};
    }
    default:
      throw Error(ErrorCode::kInternal, "unexpected cache reply",
                  "unknown hiredis reply type " + std::to_string(reply.type));
  }
}

}  // namespace myspace::cache::detail
