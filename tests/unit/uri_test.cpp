// file: URIs and paths, percent-encoding, and schemes that have no path.
#include "protocol/uri.h"

#include <doctest/doctest.h>

using namespace perfhint::protocol;

TEST_CASE("file URIs decode to paths") {
  CHECK(fileUriToPath("file:///home/user/a.py") == "/home/user/a.py");
  CHECK(fileUriToPath("file:///tmp/my%20dir/a%20b.py") == "/tmp/my dir/a b.py");
  CHECK(fileUriToPath("file:///tmp/%C3%A9t%C3%A9.py") == "/tmp/\xC3\xA9t\xC3\xA9.py");
  CHECK(fileUriToPath("file:///tmp/%c3%a9.py") == "/tmp/\xC3\xA9.py");
  CHECK(fileUriToPath("file:///tmp/\xC3\xA9.py") == "/tmp/\xC3\xA9.py");  // unencoded UTF-8
  CHECK(fileUriToPath("file:///c%3A/x.py") == "/c:/x.py");
  CHECK(fileUriToPath("file:///a+b.py") == "/a+b.py");  // '+' is not a space in a path
  CHECK(fileUriToPath("file:///") == "/");
}

TEST_CASE("file URI variants naming this machine") {
  CHECK(fileUriToPath("file://localhost/etc/x") == "/etc/x");
  CHECK(fileUriToPath("file://LocalHost/etc/x") == "/etc/x");
  CHECK(fileUriToPath("FILE:///etc/x") == "/etc/x");
  CHECK(fileUriToPath("file:/etc/x") == "/etc/x");
}

TEST_CASE("query and fragment end the path") {
  CHECK(fileUriToPath("file:///a.py?line=3") == "/a.py");
  CHECK(fileUriToPath("file:///a.py#L3") == "/a.py");
  CHECK(fileUriToPath("file:///a%23b%3F.py") == "/a#b?.py");
}

TEST_CASE("URIs without a local path give nullopt") {
  CHECK_FALSE(fileUriToPath("untitled:Untitled-1"));
  CHECK_FALSE(fileUriToPath("vscode-notebook-cell:/a.ipynb#cell1"));
  CHECK_FALSE(fileUriToPath("https://example.com/a.py"));
  CHECK_FALSE(fileUriToPath("file://server/share/a.py"));
  CHECK_FALSE(fileUriToPath("file://localhostx/a.py"));
  CHECK_FALSE(fileUriToPath("file:"));
  CHECK_FALSE(fileUriToPath("file://"));
  CHECK_FALSE(fileUriToPath("file://localhost"));
  CHECK_FALSE(fileUriToPath("file:relative/a.py"));
  CHECK_FALSE(fileUriToPath(""));
  CHECK_FALSE(fileUriToPath("fil"));
}

TEST_CASE("malformed escapes and NUL bytes are refused") {
  CHECK_FALSE(fileUriToPath("file:///a%2"));
  CHECK_FALSE(fileUriToPath("file:///a%"));
  CHECK_FALSE(fileUriToPath("file:///a%zz"));
  CHECK_FALSE(fileUriToPath("file:///a%00b"));
  CHECK_FALSE(percentDecode("%G0"));
  CHECK(percentDecode("%41%2f") == "A/");
}

TEST_CASE("paths encode to file URIs") {
  CHECK(pathToFileUri("/tmp/a.py") == "file:///tmp/a.py");
  CHECK(pathToFileUri("/tmp/my dir/\xC3\xA9t\xC3\xA9.py") ==
        "file:///tmp/my%20dir/%C3%A9t%C3%A9.py");
  CHECK(pathToFileUri("/a#b?c%d:e@f+g") == "file:///a%23b%3Fc%25d%3Ae%40f%2Bg");
  CHECK(pathToFileUri("/A-Z_a.z~0") == "file:///A-Z_a.z~0");
  CHECK_FALSE(pathToFileUri("relative/a.py"));
  CHECK_FALSE(pathToFileUri(""));
  CHECK_FALSE(pathToFileUri(std::string_view("/a\0b", 4)));
}

TEST_CASE("every byte survives a path -> URI -> path round trip") {
  std::string path = "/";
  for (int byte = 1; byte < 256; ++byte) path += static_cast<char>(byte);
  std::optional<std::string> uri = pathToFileUri(path);
  REQUIRE(uri);
  CHECK(uri->find_first_not_of(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/%:") ==
        std::string::npos);
  CHECK(fileUriToPath(*uri) == path);
}
