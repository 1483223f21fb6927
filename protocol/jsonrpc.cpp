#include "protocol/jsonrpc.h"

#include <climits>  // INT_MIN, INT_MAX

namespace perfhint::protocol {

namespace {

/// Whether brackets outside strings nest deeper than `limit`. Text that is not JSON is left for
/// the parser to reject; this only has to be right for text that is.
bool nestsDeeperThan(std::string_view text, size_t limit) {
  size_t depth = 0;
  bool inString = false;
  for (size_t at = 0; at < text.size(); ++at) {
    const char c = text[at];
    if (inString) {
      if (c == '\\') {
        ++at;  // the escaped character cannot end the string
      } else if (c == '"') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > limit) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

/// LSP request ids are integers or strings (JSON-RPC's null and fractions are not used).
bool isRequestId(const json& id) {
  return id.is_string() || id.is_number_integer();
}

std::optional<int> asInt(const json& value) {
  if (value.is_number_unsigned()) {
    auto number = value.get<uint64_t>();
    if (number <= static_cast<uint64_t>(INT_MAX)) return static_cast<int>(number);
  } else if (value.is_number_integer()) {
    auto number = value.get<int64_t>();
    if (number >= INT_MIN && number <= INT_MAX) return static_cast<int>(number);
  }
  return std::nullopt;
}

std::optional<ResponseError> readResponseError(const json& error) {
  if (!error.is_object()) return std::nullopt;
  auto code = error.find("code");
  auto message = error.find("message");
  if (code == error.end() || message == error.end() || !message->is_string()) return std::nullopt;
  std::optional<int> number = asInt(*code);
  if (!number) return std::nullopt;
  ResponseError result;
  result.code = *number;
  result.message = message->get<std::string>();
  if (auto data = error.find("data"); data != error.end()) result.data = *data;
  return result;
}

InvalidMessage invalid(ErrorCode code, std::string message, json id = nullptr) {
  return InvalidMessage{ResponseError(code, std::move(message)), std::move(id), false};
}

ParsedMessage classifyResponse(json& message, json::iterator id) {
  const bool hasResult = message.contains("result");
  const auto error = message.find("error");
  if (id == message.end() || !(isRequestId(*id) || id->is_null())) {
    return InvalidMessage{ResponseError(ErrorCode::InvalidRequest, "response without a valid id"),
                          nullptr, true};
  }
  if (hasResult && error != message.end()) {
    return InvalidMessage{
        ResponseError(ErrorCode::InvalidRequest, "response with both result and error"), *id, true};
  }
  Response response{std::move(*id), nullptr, std::nullopt};
  if (error == message.end()) {
    response.result = std::move(message["result"]);
  } else {
    response.error = readResponseError(*error);
    if (!response.error) {
      response.error = ResponseError(ErrorCode::InvalidRequest, "malformed error in response");
    }
  }
  return response;
}

}  // namespace

ParsedMessage parseMessage(std::string_view body) {
  if (nestsDeeperThan(body, kMaxJsonNesting)) {
    return invalid(ErrorCode::ParseError,
                   "JSON nested deeper than " + std::to_string(kMaxJsonNesting) + " levels");
  }
  json message = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (message.is_discarded()) return invalid(ErrorCode::ParseError, "invalid JSON");
  if (message.is_array()) return invalid(ErrorCode::InvalidRequest, "batches are not supported");
  if (!message.is_object()) {
    return invalid(ErrorCode::InvalidRequest, "a message must be a JSON object");
  }

  const auto id = message.find("id");
  const bool hasId = id != message.end();
  json replyId = hasId && isRequestId(*id) ? *id : json(nullptr);

  const auto version = message.find("jsonrpc");
  if (version == message.end() || *version != "2.0") {
    return invalid(ErrorCode::InvalidRequest, R"(missing or wrong "jsonrpc": "2.0")", replyId);
  }

  const auto method = message.find("method");
  if (method == message.end()) {
    if (message.contains("result") || message.contains("error")) {
      return classifyResponse(message, id);
    }
    return invalid(ErrorCode::InvalidRequest, "neither a request, a notification nor a response",
                   replyId);
  }
  if (!method->is_string()) {
    return invalid(ErrorCode::InvalidRequest, R"("method" must be a string)", replyId);
  }
  json params = nullptr;
  // `"params": null` counts as absent: eglot sends it with shutdown and exit.
  if (auto found = message.find("params"); found != message.end() && !found->is_null()) {
    if (!found->is_object() && !found->is_array()) {
      return invalid(ErrorCode::InvalidRequest, R"("params" must be an object or an array)",
                     replyId);
    }
    params = std::move(*found);
  }
  if (!hasId) return Notification{method->get<std::string>(), std::move(params)};
  if (replyId.is_null()) {
    return invalid(ErrorCode::InvalidRequest, R"("id" must be an integer or a string)");
  }
  return Request{std::move(replyId), method->get<std::string>(), std::move(params)};
}

json toJson(const ResponseError& error) {
  json object = {{"code", error.code}, {"message", error.message}};
  if (!error.data.is_null()) object["data"] = error.data;
  return object;
}

std::string serializeJson(const json& value) {
  return value.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

std::string serializeResult(const json& id, json result) {
  json message = {{"jsonrpc", "2.0"}, {"id", id}};
  message["result"] = std::move(result);
  return serializeJson(message);
}

std::string serializeError(const json& id, const ResponseError& error) {
  return serializeJson({{"jsonrpc", "2.0"}, {"id", id}, {"error", toJson(error)}});
}

std::string serializeNotification(std::string_view method, json params) {
  json message = {{"jsonrpc", "2.0"}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  return serializeJson(message);
}

std::string serializeRequest(const json& id, std::string_view method, json params) {
  json message = {{"jsonrpc", "2.0"}, {"id", id}, {"method", method}};
  if (!params.is_null()) message["params"] = std::move(params);
  return serializeJson(message);
}

}  // namespace perfhint::protocol
