// JSON-RPC 2.0 as the LSP uses it: classify an incoming message body, serialise outgoing ones.
// Batches are not part of the LSP and are rejected.
#pragma once

#include <nlohmann/json.hpp>  // message values

#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace perfhint::protocol {

using json = nlohmann::json;

/// Error codes of JSON-RPC and the LSP.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  InternalError = -32603,
  ServerNotInitialized = -32002,
  UnknownErrorCode = -32001,
  RequestFailed = -32803,
  ServerCancelled = -32802,
  ContentModified = -32801,
  RequestCancelled = -32800,
};

/// The `error` member of a response. `code` is an int because a peer may send any code.
struct ResponseError {
  int code = static_cast<int>(ErrorCode::InternalError);
  std::string message;
  json data;  ///< null when absent

  ResponseError() = default;
  ResponseError(ErrorCode errorCode, std::string text, json extra = nullptr)
      : code(static_cast<int>(errorCode)), message(std::move(text)), data(std::move(extra)) {}
};

/// A call that expects a response.
struct Request {
  json id;  ///< an integer or a string
  std::string method;
  json params;  ///< an object or an array; null when absent
};

/// A call without a response.
struct Notification {
  std::string method;
  json params;  ///< an object or an array; null when absent
};

/// The peer's answer to a request we sent. Exactly one of result and error is meaningful.
struct Response {
  json id;  ///< an integer, a string, or null (the peer could not read our id)
  json result;
  std::optional<ResponseError> error;
};

/// A body that is not a valid message.
struct InvalidMessage {
  ResponseError error;  ///< ParseError for bad JSON, otherwise InvalidRequest
  json id;              ///< the message's id when it had a usable one, otherwise null
  /// True when the body was meant as a response (it has "result" or "error" but no "method").
  /// JSON-RPC never answers a response: log it. Otherwise answer with `error` and `id`.
  bool isResponse = false;
};

using ParsedMessage = std::variant<Request, Notification, Response, InvalidMessage>;

/// JSON nested deeper than this is refused with ParseError: deep values would exhaust the stack
/// when copied or serialised, and no LSP message comes close.
inline constexpr size_t kMaxJsonNesting = 256;

/// Classifies one message body:
/// - not JSON (invalid UTF-8 included) or nested too deep -> InvalidMessage, ParseError, id null;
/// - an array (a batch), a non-object, "jsonrpc" not exactly "2.0", "method" not a string,
///   "params" neither object nor array, a request id that is not an integer or a string, or none
///   of method/result/error -> InvalidMessage, InvalidRequest, with the id when it is usable;
/// - "method" and an "id" -> Request; "method" without "id" -> Notification;
/// - "result" or "error" without "method" -> Response. Its id may be null. Without a usable id, or
///   with both members, it is an InvalidMessage with isResponse set. A malformed "error" member
///   (not an object with an integer code and a string message) still yields a Response, whose
///   error is InvalidRequest "malformed error in response", so the pending request completes.
ParsedMessage parseMessage(std::string_view body);

/// `{"jsonrpc":"2.0","id":id,"result":result}` (result may be null: it is always written).
std::string serializeResult(const json& id, json result);

/// `{"jsonrpc":"2.0","id":id,"error":{code, message[, data]}}`; id is null when unknown.
std::string serializeError(const json& id, const ResponseError& error);

/// `{"jsonrpc":"2.0","method":method[,"params":params]}`; null params are left out.
std::string serializeNotification(std::string_view method, json params);

/// A request from the server to the client, e.g. workspace/applyEdit; null params are left out.
std::string serializeRequest(const json& id, std::string_view method, json params);

/// The error object of a response.
json toJson(const ResponseError& error);

/// Text of a JSON value as sent on the wire. Never throws: invalid UTF-8 in strings is replaced
/// with U+FFFD.
std::string serializeJson(const json& value);

}  // namespace perfhint::protocol
