// file: URIs <-> filesystem paths (RFC 8089 on a POSIX system). Every other scheme (untitled:,
// vscode-notebook-cell:, ...) has no path: the server keeps such URIs as opaque strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace perfhint::protocol {

/// The path named by a `file:` URI, percent-decoded, or nullopt when `uri` is not a local file
/// URI. The scheme is matched case-insensitively; "file:///p", "file://localhost/p" and "file:/p"
/// are accepted; a query or fragment ('?' or '#') ends the path and is dropped. Returns nullopt for
/// another scheme, another host (UNC-style "file://server/share"), a malformed escape ("%4",
/// "%zz"), or an escape that decodes to a NUL byte. Decoded bytes are returned as they are (a POSIX
/// path is bytes, not necessarily UTF-8).
std::optional<std::string> fileUriToPath(std::string_view uri);

/// The `file:` URI of an absolute path: "file://" followed by the path with every byte except
/// unreserved characters (A-Z a-z 0-9 - . _ ~) and '/' percent-encoded with upper-case hex (the
/// form VS Code produces). Returns nullopt when `path` is not absolute or contains a NUL byte.
std::optional<std::string> pathToFileUri(std::string_view path);

/// Percent-encodes every byte of `text` except unreserved characters and '/'.
std::string percentEncodePath(std::string_view text);

/// Decodes %XX escapes (hex digits in either case); nullopt for a truncated or non-hex escape.
/// Other bytes, '+' included, are kept as they are.
std::optional<std::string> percentDecode(std::string_view text);

}  // namespace perfhint::protocol
