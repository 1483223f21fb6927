// JSON-RPC message classification and serialisation.
#include "protocol/jsonrpc.h"

#include <doctest/doctest.h>

using namespace perfhint::protocol;

namespace {

InvalidMessage invalidOf(std::string_view body) {
  ParsedMessage parsed = parseMessage(body);
  REQUIRE(std::holds_alternative<InvalidMessage>(parsed));
  return std::get<InvalidMessage>(parsed);
}

int codeOf(ErrorCode code) {
  return static_cast<int>(code);
}

}  // namespace

TEST_CASE("error codes have the values of the specifications") {
  CHECK(codeOf(ErrorCode::ParseError) == -32700);
  CHECK(codeOf(ErrorCode::InvalidRequest) == -32600);
  CHECK(codeOf(ErrorCode::MethodNotFound) == -32601);
  CHECK(codeOf(ErrorCode::InvalidParams) == -32602);
  CHECK(codeOf(ErrorCode::InternalError) == -32603);
  CHECK(codeOf(ErrorCode::ServerNotInitialized) == -32002);
  CHECK(codeOf(ErrorCode::UnknownErrorCode) == -32001);
  CHECK(codeOf(ErrorCode::RequestFailed) == -32803);
  CHECK(codeOf(ErrorCode::ServerCancelled) == -32802);
  CHECK(codeOf(ErrorCode::ContentModified) == -32801);
  CHECK(codeOf(ErrorCode::RequestCancelled) == -32800);
}

TEST_CASE("requests with integer and string ids") {
  ParsedMessage parsed =
      parseMessage(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"a":1}})");
  REQUIRE(std::holds_alternative<Request>(parsed));
  const auto& request = std::get<Request>(parsed);
  CHECK(request.id == 1);
  CHECK(request.method == "textDocument/hover");
  CHECK(request.params == json{{"a", 1}});

  parsed = parseMessage(R"({"jsonrpc":"2.0","id":"abc","method":"shutdown"})");
  REQUIRE(std::holds_alternative<Request>(parsed));
  CHECK(std::get<Request>(parsed).id == "abc");
  CHECK(std::get<Request>(parsed).params.is_null());

  // eglot sends shutdown with "params": null.
  parsed = parseMessage(R"({"jsonrpc":"2.0","id":6,"method":"shutdown","params":null})");
  REQUIRE(std::holds_alternative<Request>(parsed));
  CHECK(std::get<Request>(parsed).params.is_null());

  parsed = parseMessage(R"({"jsonrpc":"2.0","id":-7,"method":"m","params":[1,2]})");
  REQUIRE(std::holds_alternative<Request>(parsed));
  CHECK(std::get<Request>(parsed).id == -7);
  CHECK(std::get<Request>(parsed).params == json::array({1, 2}));
}

TEST_CASE("notifications have no id") {
  ParsedMessage parsed = parseMessage(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
  REQUIRE(std::holds_alternative<Notification>(parsed));
  CHECK(std::get<Notification>(parsed).method == "initialized");
  CHECK(std::get<Notification>(parsed).params == json::object());
  parsed = parseMessage(R"({"method":"exit","jsonrpc":"2.0"})");
  REQUIRE(std::holds_alternative<Notification>(parsed));
  CHECK(std::get<Notification>(parsed).params.is_null());
}

TEST_CASE("responses carry a result or an error") {
  ParsedMessage parsed = parseMessage(R"({"jsonrpc":"2.0","id":3,"result":null})");
  REQUIRE(std::holds_alternative<Response>(parsed));
  CHECK(std::get<Response>(parsed).id == 3);
  CHECK(std::get<Response>(parsed).result.is_null());
  CHECK_FALSE(std::get<Response>(parsed).error);

  parsed = parseMessage(
      R"({"jsonrpc":"2.0","id":"s1","error":{"code":-32601,"message":"no","data":[1]}})");
  REQUIRE(std::holds_alternative<Response>(parsed));
  const auto& error = std::get<Response>(parsed).error;
  REQUIRE(error);
  CHECK(error->code == -32601);
  CHECK(error->message == "no");
  CHECK(error->data == json::array({1}));

  // A peer that could not read our request answers with a null id.
  parsed = parseMessage(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"x"}})");
  REQUIRE(std::holds_alternative<Response>(parsed));
  CHECK(std::get<Response>(parsed).id.is_null());
}

TEST_CASE("a malformed error member still completes the request") {
  for (const char* body :
       {R"({"jsonrpc":"2.0","id":4,"error":"bad"})",
        R"({"jsonrpc":"2.0","id":4,"error":{"code":"x","message":"m"}})",
        R"({"jsonrpc":"2.0","id":4,"error":{"code":1.5,"message":"m"}})",
        R"({"jsonrpc":"2.0","id":4,"error":{"code":1}})",
        R"({"jsonrpc":"2.0","id":4,"error":{"code":99999999999,"message":"m"}})"}) {
    CAPTURE(body);
    ParsedMessage parsed = parseMessage(body);
    REQUIRE(std::holds_alternative<Response>(parsed));
    REQUIRE(std::get<Response>(parsed).error);
    CHECK(std::get<Response>(parsed).error->code == codeOf(ErrorCode::InvalidRequest));
  }
}

TEST_CASE("malformed responses are not to be answered") {
  InvalidMessage invalid = invalidOf(R"({"jsonrpc":"2.0","result":1})");
  CHECK(invalid.isResponse);
  CHECK(invalid.id.is_null());
  invalid = invalidOf(R"({"jsonrpc":"2.0","id":{"x":1},"result":1})");
  CHECK(invalid.isResponse);
  invalid = invalidOf(R"({"jsonrpc":"2.0","id":5,"result":1,"error":{"code":1,"message":"m"}})");
  CHECK(invalid.isResponse);
  CHECK(invalid.id == 5);
}

TEST_CASE("text that is not JSON is a parse error with a null id") {
  for (const char* body : {"", "{", "{\"jsonrpc\":\"2.0\",", "nul", "{\"a\":1}}",
                           "{\"a\":\"\xFF\"}", "{\"a\":\"\\ud800\"}", "{'a':1}"}) {
    CAPTURE(body);
    InvalidMessage invalid = invalidOf(body);
    CHECK(invalid.error.code == codeOf(ErrorCode::ParseError));
    CHECK(invalid.id.is_null());
    CHECK_FALSE(invalid.isResponse);
  }
}

TEST_CASE("deep nesting is refused before it can exhaust the stack") {
  std::string deep(1'000'000, '[');
  deep += std::string(1'000'000, ']');
  CHECK(invalidOf(deep).error.code == codeOf(ErrorCode::ParseError));
  std::string params = R"({"jsonrpc":"2.0","id":1,"method":"m","params":)" + std::string(200, '[') +
                       std::string(200, ']') + "}";
  CHECK(std::holds_alternative<Request>(parseMessage(params)));
  // Brackets inside strings do not count.
  std::string inString =
      R"({"jsonrpc":"2.0","method":"m","params":{"s":")" + std::string(1000, '[') + R"(\"}"}})";
  CHECK(std::holds_alternative<Notification>(parseMessage(inString)));
}

TEST_CASE("valid JSON that is not a valid message is an invalid request") {
  struct Case {
    const char* body;
    json id;
  };
  const Case cases[] = {
      {R"([{"jsonrpc":"2.0","id":1,"method":"m"}])", nullptr},  // batch
      {"42", nullptr},
      {R"("text")", nullptr},
      {"null", nullptr},
      {R"({"id":1,"method":"m"})", 1},  // no jsonrpc member
      {R"({"jsonrpc":"1.0","id":1,"method":"m"})", 1},
      {R"({"jsonrpc":2.0,"id":"a","method":"m"})", "a"},
      {R"({"jsonrpc":"2.0","id":1,"method":5})", 1},
      {R"({"jsonrpc":"2.0","id":1,"method":"m","params":"p"})", 1},
      {R"({"jsonrpc":"2.0","id":1,"method":"m","params":3})", 1},
      {R"({"jsonrpc":"2.0","id":1.5,"method":"m"})", nullptr},
      {R"({"jsonrpc":"2.0","id":true,"method":"m"})", nullptr},
      {R"({"jsonrpc":"2.0","id":null,"method":"m"})", nullptr},
      {R"({"jsonrpc":"2.0","id":[1],"method":"m"})", nullptr},
      {R"({"jsonrpc":"2.0","id":7})", 7},  // neither call nor response
      {R"({"jsonrpc":"2.0","method":"m","params":true})", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    InvalidMessage invalid = invalidOf(c.body);
    CHECK(invalid.error.code == codeOf(ErrorCode::InvalidRequest));
    CHECK(invalid.id == c.id);
    CHECK_FALSE(invalid.isResponse);
    CHECK_FALSE(invalid.error.message.empty());
  }
}

TEST_CASE("serialised messages") {
  CHECK(serializeResult(1, json{{"a", 1}}) == R"({"id":1,"jsonrpc":"2.0","result":{"a":1}})");
  CHECK(serializeResult("x", nullptr) == R"({"id":"x","jsonrpc":"2.0","result":null})");
  CHECK(serializeError(nullptr, ResponseError(ErrorCode::ParseError, "bad")) ==
        R"({"error":{"code":-32700,"message":"bad"},"id":null,"jsonrpc":"2.0"})");
  CHECK(serializeError(2, ResponseError(ErrorCode::InvalidParams, "p", json{{"k", 1}})) ==
        R"({"error":{"code":-32602,"data":{"k":1},"message":"p"},"id":2,"jsonrpc":"2.0"})");
  CHECK(serializeNotification("exit", nullptr) == R"({"jsonrpc":"2.0","method":"exit"})");
  CHECK(serializeNotification("window/logMessage", json{{"type", 3}}) ==
        R"({"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3}})");
  CHECK(serializeRequest(9, "workspace/configuration", json{{"items", json::array()}}) ==
        R"({"id":9,"jsonrpc":"2.0","method":"workspace/configuration","params":{"items":[]}})");
  CHECK(serializeJson("\xC3\xA9") == "\"\xC3\xA9\"");  // UTF-8 stays as it is
}

TEST_CASE("serialising invalid UTF-8 replaces it instead of throwing") {
  CHECK(serializeNotification("m", json{{"s", "a\xFF"}}) ==
        "{\"jsonrpc\":\"2.0\",\"method\":\"m\",\"params\":{\"s\":\"a\xEF\xBF\xBD\"}}");
}

TEST_CASE("serialised messages parse back") {
  ParsedMessage parsed =
      parseMessage(serializeRequest("r1", "workspace/applyEdit", json::object()));
  REQUIRE(std::holds_alternative<Request>(parsed));
  CHECK(std::get<Request>(parsed).id == "r1");
  parsed = parseMessage(serializeError(3, ResponseError(ErrorCode::RequestCancelled, "c")));
  REQUIRE(std::holds_alternative<Response>(parsed));
  CHECK(std::get<Response>(parsed).error->code == codeOf(ErrorCode::RequestCancelled));
}
