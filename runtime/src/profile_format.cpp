// The profile file's reader and writer (format: docs/profile.md).
//
// The reader is a small strict JSON parser (RFC 8259) into a tree, then a
// schema check. It is fed files written by other processes and possibly by
// hand, so every malformed input ends in one error line, never a crash:
// nesting is capped, numbers are range-checked, strings validated.
#include <vt/detail/profile_format.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <tuple>
#include <utility>

namespace vt::detail {
namespace {

struct JsonMember;

struct JsonValue {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool boolean = false;
  std::string text; // a string's value, or a number's literal
  std::vector<JsonValue> items;
  std::vector<JsonMember> members; // in document order

  const JsonValue *find(std::string_view key) const;
};

struct JsonMember {
  std::string name;
  JsonValue value;
};

const JsonValue *JsonValue::find(std::string_view key) const {
  for (const JsonMember &member : members)
    if (member.name == key)
      return &member.value;
  return nullptr;
}

class JsonReader {
public:
  explicit JsonReader(std::string_view text) : text_(text) {}

  bool read_document(JsonValue &out, std::string &error) {
    skip_space();
    if (!read_value(out, 0))
      return fail_into(error);
    skip_space();
    if (pos_ != text_.size()) {
      problem_ = "unexpected text after the JSON document";
      return fail_into(error);
    }
    return true;
  }

private:
  static constexpr int max_depth = 32;

  bool fail(const char *what) {
    if (problem_.empty())
      problem_ = what;
    return false;
  }
  bool fail_into(std::string &error) {
    std::size_t line = 1 + std::count(text_.begin(), text_.begin() + std::min(pos_, text_.size()), '\n');
    error = "line " + std::to_string(line) + ": " + problem_;
    return false;
  }
  bool at_end() const { return pos_ >= text_.size(); }
  char peek() const { return at_end() ? '\0' : text_[pos_]; }
  void skip_space() {
    while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
      ++pos_;
  }
  bool consume_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word)
      return fail("invalid literal");
    pos_ += word.size();
    return true;
  }

  bool read_value(JsonValue &out, int depth) {
    if (depth > max_depth)
      return fail("nested too deeply");
    switch (peek()) {
    case '{':
      return read_object(out, depth);
    case '[':
      return read_array(out, depth);
    case '"':
      out.type = JsonValue::Type::string;
      return read_string(out.text);
    case 't':
      out.type = JsonValue::Type::boolean;
      out.boolean = true;
      return consume_word("true");
    case 'f':
      out.type = JsonValue::Type::boolean;
      return consume_word("false");
    case 'n':
      return consume_word("null");
    default:
      return read_number(out);
    }
  }

  bool read_object(JsonValue &out, int depth) {
    out.type = JsonValue::Type::object;
    ++pos_;
    skip_space();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      std::string key;
      if (peek() != '"')
        return fail("expected a string key");
      if (!read_string(key))
        return false;
      skip_space();
      if (peek() != ':')
        return fail("expected ':' after a key");
      ++pos_;
      skip_space();
      JsonValue value;
      if (!read_value(value, depth + 1))
        return false;
      out.members.push_back({std::move(key), std::move(value)});
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == '}') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or '}' in an object");
    }
  }

  bool read_array(JsonValue &out, int depth) {
    out.type = JsonValue::Type::array;
    ++pos_;
    skip_space();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      skip_space();
      JsonValue item;
      if (!read_value(item, depth + 1))
        return false;
      out.items.push_back(std::move(item));
      skip_space();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return fail("expected ',' or ']' in an array");
    }
  }

  static void append_utf8(std::string &out, unsigned code) {
    if (code < 0x80) {
      out += static_cast<char>(code);
    } else if (code < 0x800) {
      out += static_cast<char>(0xC0 | (code >> 6));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else if (code < 0x10000) {
      out += static_cast<char>(0xE0 | (code >> 12));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (code >> 18));
      out += static_cast<char>(0x80 | ((code >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (code & 0x3F));
    }
  }

  bool read_hex4(unsigned &code) {
    if (text_.size() - pos_ < 4)
      return fail("truncated \\u escape");
    code = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      code <<= 4;
      if (c >= '0' && c <= '9')
        code |= static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f')
        code |= static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        code |= static_cast<unsigned>(c - 'A' + 10);
      else
        return fail("bad \\u escape");
    }
    return true;
  }

  bool read_string(std::string &out) {
    ++pos_; // the opening quote
    while (true) {
      if (at_end())
        return fail("unterminated string");
      char c = text_[pos_++];
      if (c == '"')
        return true;
      if (static_cast<unsigned char>(c) < 0x20)
        return fail("control character in a string");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_end())
        return fail("unterminated string");
      char escaped = text_[pos_++];
      switch (escaped) {
      case '"': case '\\': case '/': out += escaped; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'u': {
        unsigned code = 0;
        if (!read_hex4(code))
          return false;
        if (code >= 0xD800 && code < 0xDC00) { // a surrogate pair
          unsigned low = 0;
          if (text_.substr(pos_, 2) != "\\u")
            return fail("unpaired surrogate in a \\u escape");
          pos_ += 2;
          if (!read_hex4(low) || low < 0xDC00 || low > 0xDFFF)
            return fail("unpaired surrogate in a \\u escape");
          code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
        } else if (code >= 0xDC00 && code < 0xE000) {
          return fail("unpaired surrogate in a \\u escape");
        }
        append_utf8(out, code);
        break;
      }
      default:
        return fail("bad escape in a string");
      }
    }
  }

  bool read_number(JsonValue &out) {
    std::size_t start = pos_;
    auto digits = [&] {
      std::size_t before = pos_;
      while (!at_end() && peek() >= '0' && peek() <= '9')
        ++pos_;
      return pos_ > before;
    };
    if (peek() == '-')
      ++pos_;
    if (peek() == '0')
      ++pos_;
    else if (!digits())
      return fail("expected a value");
    if (peek() == '.') {
      ++pos_;
      if (!digits())
        return fail("bad number");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-')
        ++pos_;
      if (!digits())
        return fail("bad number");
    }
    out.type = JsonValue::Type::number;
    out.text = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string problem_;
};

/// A count: a JSON number that is a non-negative integer fitting 64 bits.
bool read_count(const JsonValue *value, std::uint64_t &out) {
  if (!value || value->type != JsonValue::Type::number)
    return false;
  const std::string &text = value->text;
  auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), out);
  return status == std::errc() && end == text.data() + text.size();
}

bool read_text(const JsonValue *value, std::string &out) {
  if (!value || value->type != JsonValue::Type::string)
    return false;
  out = value->text;
  return true;
}

bool read_entry(const JsonValue &item, std::size_t index, ProfileEntry &entry, std::string &error) {
  auto bad = [&](const char *what) {
    error = "functions[" + std::to_string(index) + "]: " + what;
    return false;
  };
  if (item.type != JsonValue::Type::object)
    return bad("expected an object");
  if (!read_text(item.find("function"), entry.function) || entry.function.empty())
    return bad("\"function\" must be a non-empty string");
  if (!read_text(item.find("signature"), entry.signature))
    return bad("\"signature\" must be a string");
  if (!read_text(item.find("file"), entry.file) || entry.file.empty())
    return bad("\"file\" must be a non-empty string");
  std::uint64_t line = 0;
  if (!read_count(item.find("line"), line) || line > UINT32_MAX)
    return bad("\"line\" must be a line number");
  entry.line = static_cast<std::uint32_t>(line);
  std::string kind;
  if (!read_text(item.find("returns"), kind) || (kind != "Task" && kind != "ValueTask"))
    return bad("\"returns\" must be \"Task\" or \"ValueTask\"");
  entry.kind = kind == "Task" ? ProfiledKind::task : ProfiledKind::value_task;
  if (!read_count(item.find("calls"), entry.calls))
    return bad("\"calls\" must be a non-negative integer");
  if (!read_count(item.find("sync"), entry.sync))
    return bad("\"sync\" must be a non-negative integer");
  if (entry.sync > entry.calls)
    return bad("\"sync\" is greater than \"calls\"");
  return true;
}

void append_json_string(std::string &out, std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    unsigned char byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20) {
      out += "\\u00";
      out += hex[byte >> 4];
      out += hex[byte & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

using EntryKey = std::tuple<const std::string &, const std::string &, const ProfiledKind &, std::uint32_t>;

EntryKey entry_key(const ProfileEntry &entry) {
  return EntryKey(entry.signature, entry.file, entry.kind, key_line(entry.signature, entry.line));
}

} // namespace

unsigned lambda_depth(std::string_view signature) noexcept {
  unsigned depth = 0;
  for (std::string_view marker : {std::string_view("(anonymous class)::operator()"), std::string_view("<lambda")})
    for (auto at = signature.find(marker); at != std::string_view::npos; at = signature.find(marker, at + 1))
      ++depth;
  return depth;
}

bool parse_profile(std::string_view text, std::vector<ProfileEntry> &entries, std::string &error) {
  JsonValue document;
  if (!JsonReader(text).read_document(document, error))
    return false;
  if (document.type != JsonValue::Type::object) {
    error = "a profile is a JSON object";
    return false;
  }
  std::string format;
  if (!read_text(document.find("format"), format) || format != profile_format_name) {
    error = "not a vt profile (\"format\" must be \"vt-profile\")";
    return false;
  }
  std::uint64_t version = 0;
  if (!read_count(document.find("version"), version)) {
    error = "\"version\" must be a number";
    return false;
  }
  if (version != static_cast<std::uint64_t>(profile_format_version)) {
    error = "unsupported profile version " + std::to_string(version) + " (this build reads version " +
            std::to_string(profile_format_version) + ")";
    return false;
  }
  const JsonValue *functions = document.find("functions");
  if (!functions || functions->type != JsonValue::Type::array) {
    error = "\"functions\" must be an array";
    return false;
  }
  std::vector<ProfileEntry> read;
  for (std::size_t i = 0; i < functions->items.size(); ++i) {
    ProfileEntry entry;
    if (!read_entry(functions->items[i], i, entry, error))
      return false;
    read.push_back(std::move(entry));
  }
  entries.clear();
  merge_profile(entries, read);
  return true;
}

void merge_profile(std::vector<ProfileEntry> &into, const std::vector<ProfileEntry> &more) {
  // The index refers into `into` by position: keys are references to the
  // entries' own strings, so reserve first (no reallocation afterwards).
  into.reserve(into.size() + more.size());
  std::map<EntryKey, std::size_t> index;
  for (std::size_t i = 0; i < into.size(); ++i)
    index.emplace(entry_key(into[i]), i);
  for (const ProfileEntry &entry : more) {
    auto found = index.find(entry_key(entry));
    if (found == index.end()) {
      into.push_back(entry);
      index.emplace(entry_key(into.back()), into.size() - 1);
      continue;
    }
    ProfileEntry &kept = into[found->second];
    // Saturate rather than wrap: a counter that has run for ages stays
    // plausible instead of becoming tiny.
    kept.calls = kept.calls + entry.calls < kept.calls ? UINT64_MAX : kept.calls + entry.calls;
    kept.sync = std::min(kept.calls, kept.sync + entry.sync < kept.sync ? UINT64_MAX : kept.sync + entry.sync);
    if (entry.line != 0 && (kept.line == 0 || entry.line < kept.line))
      kept.line = entry.line;
  }
}

std::string format_profile(std::vector<ProfileEntry> entries) {
  std::sort(entries.begin(), entries.end(), [](const ProfileEntry &a, const ProfileEntry &b) {
    return std::tie(a.file, a.line, a.signature, a.kind) < std::tie(b.file, b.line, b.signature, b.kind);
  });
  std::string out = "{\n  \"format\": \"vt-profile\",\n  \"version\": " + std::to_string(profile_format_version) +
                    ",\n  \"functions\": [";
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ProfileEntry &entry = entries[i];
    out += i == 0 ? "\n    {" : ",\n    {";
    out += "\"function\": ";
    append_json_string(out, entry.function);
    out += ", \"signature\": ";
    append_json_string(out, entry.signature);
    out += ", \"file\": ";
    append_json_string(out, entry.file);
    out += ", \"line\": " + std::to_string(entry.line);
    out += entry.kind == ProfiledKind::task ? ", \"returns\": \"Task\"" : ", \"returns\": \"ValueTask\"";
    out += ", \"calls\": " + std::to_string(entry.calls);
    out += ", \"sync\": " + std::to_string(entry.sync) + "}";
  }
  out += entries.empty() ? "]\n}\n" : "\n  ]\n}\n";
  return out;
}

std::string_view signature_without_template_arguments(std::string_view signature) {
  // The suffix follows the parameter list: " [T = int]" or " [with T = int]".
  if (!signature.empty() && signature.back() == ']') {
    std::size_t open = signature.rfind(" [");
    if (open != std::string_view::npos)
      return signature.substr(0, open);
  }
  return signature;
}

std::string qualified_name_of(std::string_view signature) {
  signature = signature_without_template_arguments(signature);
  // The parameter list: the last top-level "(...)". Walk back from the last
  // ')' to its '('; what precedes it, back to a top-level space, is the name.
  std::size_t close = signature.rfind(')');
  if (close == std::string_view::npos)
    return std::string(signature);
  int depth = 0;
  std::size_t open = close + 1;
  for (std::size_t i = close + 1; i-- > 0;) {
    char c = signature[i];
    if (c == ')' || c == '>' || c == ']')
      ++depth;
    else if ((c == '(' || c == '<' || c == '[') && --depth == 0) {
      if (c == '(') {
        open = i;
        break;
      }
    }
  }
  if (open > close)
    return std::string(signature);
  std::size_t begin = open;
  depth = 0;
  while (begin > 0) {
    char c = signature[begin - 1];
    if (c == '>' || c == ')')
      ++depth;
    else if (c == '<' || c == '(')
      --depth;
    else if (c == ' ' && depth == 0)
      break;
    --begin;
  }
  std::string_view spelled = signature.substr(begin, open - begin);
  // Drop template arguments and respell GCC's anonymous namespace.
  std::string name;
  depth = 0;
  for (std::size_t i = 0; i < spelled.size(); ++i) {
    if (spelled.substr(i, 11) == "{anonymous}") {
      name += "(anonymous namespace)";
      i += 10;
      continue;
    }
    char c = spelled[i];
    if (c == '<')
      ++depth;
    else if (c == '>' && depth > 0)
      --depth;
    else if (depth == 0)
      name += c;
  }
  return name;
}

} // namespace vt::detail
