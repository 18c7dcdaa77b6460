// Inputs: formats, folders and globs, gzip, JSON Lines, and the bounded, binary-checked read.
#include "pipeline/input.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <system_error>

namespace kg {
namespace {

constexpr size_t kBlock = 64 * 1024;  // the first block, checked for binary data

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool IsGzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1F &&
         static_cast<unsigned char>(bytes[1]) == 0x8B;
}

std::string SizeLimitMessage(const std::string& id, uint64_t max_bytes) {
  return id + ": larger than the maximum document size of " + std::to_string(max_bytes) +
         " bytes (see --max-size)";
}

// Reads `fd` to the end, but at most max_bytes (+1 to tell "exactly the limit" from "more").
// Checks the first block for a NUL byte (binary data) before reading on, unless it is gzip.
Status ReadBounded(SequentialFile& file, const std::string& id, uint64_t max_bytes,
                   std::string* bytes) {
  bytes->clear();
  char buf[kBlock];
  bool checked = false;
  auto check_first_block = [&]() -> Status {
    checked = true;
    if (IsGzip(*bytes)) return Status::Ok();
    if (std::string utf16 = DescribeUtf16(*bytes); !utf16.empty()) {
      return Status::InvalidInput(id + ": " + utf16 +
                                  "; expected UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)");
    }
    size_t nul = std::string_view(*bytes).substr(0, kBlock).find('\0');
    if (nul == std::string_view::npos) return Status::Ok();
    return Status::InvalidInput(id + ": binary data (control byte 0x00) at byte " +
                                std::to_string(nul) + "; expected a text report");
  };
  for (;;) {
    size_t n = 0;
    if (std::error_code ec = file.Read(buf, sizeof buf, &n)) {
      return Status::InvalidInput(id + ": cannot read: " + ec.message());
    }
    if (n == 0) break;
    bytes->append(buf, n);
    if (!checked && bytes->size() >= kBlock) {
      if (Status s = check_first_block(); !s.ok()) return s;
    }
    if (bytes->size() > max_bytes) return Status::InvalidInput(SizeLimitMessage(id, max_bytes));
  }
  if (!checked) return check_first_block();
  return Status::Ok();
}

// A file's bytes block by block, gunzipped (one or more members) when it starts with gzip's
// magic bytes: JSON Lines dumps are streamed, never read whole.
class BlockReader {
 public:
  BlockReader(SequentialFile* file, std::string id) : file_(file), id_(std::move(id)) {}
  ~BlockReader() {
    if (gzip_) inflateEnd(&z_);
  }
  BlockReader(const BlockReader&) = delete;
  BlockReader& operator=(const BlockReader&) = delete;

  // The next bytes into *block; false at the end or on an error (then status() says which).
  bool Next(std::string* block) {
    block->clear();
    if (!status_.ok() || done_) return false;
    if (!started_) {
      started_ = true;
      if (!Fill()) return false;
      gzip_ = IsGzip(std::string_view(raw_, raw_len_));
      if (!gzip_) {
        block->assign(raw_, raw_len_);
        return true;
      }
      if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) {
        gzip_ = false;
        status_ = Status::Internal(id_ + ": zlib failed");
        return false;
      }
      z_.next_in = reinterpret_cast<Bytef*>(raw_);
      z_.avail_in = static_cast<uInt>(raw_len_);
    }
    if (!gzip_) {
      if (!Fill()) return false;
      block->assign(raw_, raw_len_);
      return true;
    }
    char out[kBlock];
    while (block->empty()) {
      if (z_.avail_in == 0) {
        if (!Fill()) {
          if (status_.ok() && !stream_end_) {
            status_ = Status::InvalidInput(id_ + ": truncated gzip data (ends at byte " +
                                           std::to_string(raw_bytes_) + ")");
          }
          return false;
        }
        z_.next_in = reinterpret_cast<Bytef*>(raw_);
        z_.avail_in = static_cast<uInt>(raw_len_);
      }
      if (stream_end_) {  // another member, or trailing bytes that gzip -d ignores too
        if (!IsGzip(std::string_view(reinterpret_cast<const char*>(z_.next_in), z_.avail_in))) {
          done_ = true;
          return false;
        }
        inflateReset(&z_);
        stream_end_ = false;
      }
      z_.next_out = reinterpret_cast<Bytef*>(out);
      z_.avail_out = sizeof out;
      int rc = inflate(&z_, Z_NO_FLUSH);
      block->append(out, sizeof out - z_.avail_out);
      if (rc == Z_STREAM_END) {
        stream_end_ = true;
      } else if (rc != Z_OK && !(rc == Z_BUF_ERROR && z_.avail_in == 0)) {
        status_ = Status::InvalidInput(id_ + ": corrupt gzip data at byte " +
                                       std::to_string(raw_bytes_ - z_.avail_in) +
                                       (z_.msg ? std::string(" (") + z_.msg + ")" : ""));
        block->clear();
        return false;
      }
    }
    return true;
  }
  const Status& status() const { return status_; }
  uint64_t raw_bytes() const { return raw_bytes_; }

 private:
  bool Fill() {
    size_t n = 0;
    if (std::error_code ec = file_->Read(raw_, sizeof raw_, &n)) {
      status_ = Status::InvalidInput(id_ + ": cannot read: " + ec.message());
      return false;
    }
    raw_len_ = n;
    raw_bytes_ += raw_len_;
    return n > 0;
  }
  SequentialFile* file_;
  std::string id_;
  Status status_;
  char raw_[kBlock];
  size_t raw_len_ = 0;
  uint64_t raw_bytes_ = 0;
  bool started_ = false, gzip_ = false, stream_end_ = false, done_ = false;
  z_stream z_{};
};

Status Convert(InputFormat format, const std::string& id, std::string_view bytes,
               SourceResult* result) {
  Document doc;
  Status s;
  switch (format) {
    case InputFormat::kJsonl:
      JsonLinesToDocuments(id, bytes, &result->documents, &result->problems);
      return Status::Ok();
    case InputFormat::kMarkdown:
      s = MarkdownToDocument(id, bytes, &doc);
      break;
    case InputFormat::kHtml:
      s = HtmlToDocument(id, bytes, &doc);
      break;
    default:
      s = TextToDocument(id, bytes, &doc);
  }
  if (s.ok()) result->documents.push_back(std::move(doc));
  return s;
}

std::string JsonString(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  return "";
}

}  // namespace

bool ParseInputFormat(std::string_view name, InputFormat* format) {
  if (name == "txt" || name == "text") {
    *format = InputFormat::kText;
  } else if (name == "md" || name == "markdown") {
    *format = InputFormat::kMarkdown;
  } else if (name == "html" || name == "htm") {
    *format = InputFormat::kHtml;
  } else if (name == "jsonl" || name == "ndjson") {
    *format = InputFormat::kJsonl;
  } else {
    return false;
  }
  return true;
}

InputFormat FormatOfPath(std::string_view path) {
  if (EndsWith(path, ".gz")) path.remove_suffix(3);
  if (EndsWith(path, ".md") || EndsWith(path, ".markdown")) return InputFormat::kMarkdown;
  if (EndsWith(path, ".html") || EndsWith(path, ".htm")) return InputFormat::kHtml;
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".ndjson")) return InputFormat::kJsonl;
  return InputFormat::kText;
}

bool GlobMatch(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (pattern.starts_with("**")) {
    std::string_view rest = pattern.substr(2);
    if (rest.starts_with('/') && GlobMatch(rest.substr(1), path)) return true;  // "**/" = none
    for (size_t i = 0; i <= path.size(); ++i) {
      if (GlobMatch(rest, path.substr(i))) return true;
    }
    return false;
  }
  if (pattern[0] == '*') {
    for (size_t i = 0; i <= path.size(); ++i) {
      if (GlobMatch(pattern.substr(1), path.substr(i))) return true;
      if (i < path.size() && path[i] == '/') break;
    }
    return false;
  }
  if (path.empty()) return false;
  if (pattern[0] == '?') return path[0] != '/' && GlobMatch(pattern.substr(1), path.substr(1));
  if (pattern[0] == '[') {
    size_t close = pattern.find(']', 2);
    if (close != std::string_view::npos) {
      std::string_view set = pattern.substr(1, close - 1);
      bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
      if (negate) set.remove_prefix(1);
      bool in = false;
      for (size_t i = 0; i < set.size(); ++i) {
        if (i + 2 < set.size() && set[i + 1] == '-') {
          in |= path[0] >= set[i] && path[0] <= set[i + 2];
          i += 2;
        } else {
          in |= path[0] == set[i];
        }
      }
      return in != negate && GlobMatch(pattern.substr(close + 1), path.substr(1));
    }
  }
  return pattern[0] == path[0] && GlobMatch(pattern.substr(1), path.substr(1));
}

Status ExpandInputs(const std::vector<std::string>& inputs, const InputOptions& options,
                    std::vector<std::string>* files) {
  auto matches = [](const std::vector<std::string>& globs, const std::string& rel) {
    std::string_view name = rel;
    if (size_t slash = name.rfind('/'); slash != std::string_view::npos) {
      name.remove_prefix(slash + 1);
    }
    for (const std::string& g : globs) {
      if (GlobMatch(g, rel) || GlobMatch(g, name)) return true;
    }
    return false;
  };
  for (const std::string& input : inputs) {
    if (input == "-") {
      files->push_back(input);
      continue;
    }
    FileInfo info;
    if (std::error_code ec = options.fs->Stat(input, &info)) {
      if (ec == std::errc::no_such_file_or_directory || ec == std::errc::not_a_directory) {
        return Status::NotFound(input + ": no such file");
      }
      return Status::InvalidInput(input + ": " + ec.message());
    }
    if (info.type != FileType::kDirectory) {
      files->push_back(input);
      continue;
    }
    std::vector<std::string> found;
    std::string root = input;
    if (!root.ends_with('/')) root += '/';
    // Depth first through the folder (`rel` relative to it); symlinks to folders are not
    // followed, symlinks to files are read.
    std::function<std::error_code(const std::string&)> walk =
        [&](const std::string& rel) -> std::error_code {
      std::vector<DirEntry> entries;
      if (std::error_code ec = options.fs->ListDirectory(root + rel, &entries)) return ec;
      for (const DirEntry& e : entries) {
        if (e.name.starts_with('.')) continue;  // hidden files and folders (.git)
        std::string path = rel.empty() ? e.name : rel + "/" + e.name;
        if (e.type == FileType::kDirectory) {
          if (std::error_code ec = walk(path)) return ec;
          continue;
        }
        if (e.type == FileType::kSymlink) {
          FileInfo target;
          if (options.fs->Stat(root + path, &target) || target.type != FileType::kRegular) {
            continue;
          }
        } else if (e.type != FileType::kRegular) {
          continue;
        }
        if (!options.include.empty() && !matches(options.include, path)) continue;
        if (matches(options.exclude, path)) continue;
        found.push_back(root + path);
      }
      return {};
    };
    if (std::error_code ec = walk("")) {
      return Status::InvalidInput(input + ": cannot list the folder: " + ec.message());
    }
    if (found.empty()) {
      return Status::InvalidInput(input + ": a folder without a file to read" +
                                  (options.include.empty() ? "" : " (see --include)"));
    }
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return Status::Ok();
}

Status Gunzip(const std::string& id, std::string_view bytes, uint64_t max_bytes, std::string* out) {
  out->clear();
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return Status::Internal(id + ": zlib failed");
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  char buf[kBlock];
  Status status;
  for (;;) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    int rc = inflate(&z, Z_NO_FLUSH);
    out->append(buf, sizeof buf - z.avail_out);
    if (out->size() > max_bytes) {
      status = Status::InvalidInput(SizeLimitMessage(id, max_bytes));
      break;
    }
    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      if (!IsGzip(std::string_view(reinterpret_cast<const char*>(z.next_in), z.avail_in))) {
        break;  // trailing garbage after the last member, as gzip -d accepts with a warning
      }
      inflateReset(&z);  // the next member of a concatenated file
      continue;
    }
    if (rc == Z_OK) continue;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) {
      status = Status::InvalidInput(id + ": truncated gzip data (ends at byte " +
                                    std::to_string(bytes.size()) + ")");
    } else {
      status = Status::InvalidInput(id + ": corrupt gzip data at byte " +
                                    std::to_string(bytes.size() - z.avail_in) +
                                    (z.msg ? std::string(" (") + z.msg + ")" : ""));
    }
    break;
  }
  inflateEnd(&z);
  if (!status.ok()) out->clear();
  return status;
}

Status TextToDocument(std::string id, std::string_view bytes, Document* doc) {
  return MakeDocument(std::move(id), bytes, doc);
}

namespace {

// One line of a JSON Lines dump (without its newline); `offset` is its first byte in the file.
void JsonLine(const std::string& id, size_t line_no, uint64_t offset, std::string_view line,
              const DocumentSink& sink, std::vector<Status>* problems) {
  const std::string where = id + ": line " + std::to_string(line_no) + ": ";
  if (line.find_first_not_of(" \t\r") == std::string_view::npos) return;
  if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
    problems->push_back(
        Status::InvalidInput(where + "invalid UTF-8 at byte " + std::to_string(offset + bad)));
    return;
  }
  nlohmann::json record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) {
    problems->push_back(Status::InvalidInput(where + "invalid JSON"));
    return;
  }
  if (!record.is_object()) {
    problems->push_back(Status::InvalidInput(where + "not a JSON object"));
    return;
  }
  auto text = record.find("text");
  if (text == record.end() || !text->is_string()) {
    problems->push_back(Status::InvalidInput(where + "no \"text\" string"));
    return;
  }
  std::string record_id = JsonString(record, "id");
  if (record_id.empty()) record_id = "line-" + std::to_string(line_no);
  InputFormat format = InputFormat::kText;
  if (std::string f = JsonString(record, "format");
      !f.empty() && (!ParseInputFormat(f, &format) || format == InputFormat::kJsonl)) {
    problems->push_back(
        Status::InvalidInput(where + "unknown \"format\" '" + f + "' (txt, md or html)"));
    return;
  }
  SourceResult one;
  Status s = Convert(format, id + "#" + record_id, text->get_ref<const std::string&>(), &one);
  if (!s.ok()) {
    problems->push_back(s.WithPrefix(where));
    return;
  }
  Document& doc = one.documents.front();
  // The record's text sat inside a JSON string, escapes and all: no byte of the dump maps to it
  // one to one, so its mentions carry no source offsets.
  doc.source_map.clear();
  if (std::string v = JsonString(record, "title"); !v.empty()) doc.title = v;
  if (std::string v = JsonString(record, "date"); !v.empty()) doc.date = v;
  if (std::string v = JsonString(record, "author"); !v.empty()) doc.author = v;
  if (std::string v = JsonString(record, "url"); !v.empty()) doc.url = v;
  sink(std::move(doc));
}

// A JSON Lines file streamed block by block: a line may be at most max_bytes long.
void StreamJsonLines(SequentialFile* file, const std::string& id, const InputOptions& options,
                     const DocumentSink& sink, SourceResult* result) {
  BlockReader reader(file, id);
  std::string block, line;
  size_t line_no = 0;
  uint64_t offset = 0, line_length = 0;
  bool first = true;
  auto finish_line = [&] {
    ++line_no;
    if (line_length > options.max_bytes) {
      result->problems.push_back(Status::InvalidInput(
          id + ": line " + std::to_string(line_no) + ": longer than the maximum document size of " +
          std::to_string(options.max_bytes) + " bytes (see --max-size)"));
    } else {
      JsonLine(id, line_no, offset, line, sink, &result->problems);
    }
    offset += line_length + 1;
    line.clear();
    line_length = 0;
  };
  while (reader.Next(&block)) {
    if (first) {  // a binary file is one problem, not one per "line"
      first = false;
      if (std::string utf16 = DescribeUtf16(block); !utf16.empty()) {
        result->problems.push_back(Status::InvalidInput(
            id + ": " + utf16 + "; expected UTF-8: convert it first (iconv -f UTF-16 -t UTF-8)"));
        result->bytes = reader.raw_bytes();
        return;
      }
      if (size_t nul = block.find('\0'); nul != std::string::npos) {
        result->problems.push_back(
            Status::InvalidInput(id + ": binary data (control byte 0x00) at byte " +
                                 std::to_string(nul) + "; expected JSON Lines"));
        result->bytes = reader.raw_bytes();
        return;
      }
    }
    for (size_t pos = 0; pos < block.size();) {
      size_t nl = block.find('\n', pos);
      size_t end = nl == std::string::npos ? block.size() : nl;
      line_length += end - pos;
      if (line_length <= options.max_bytes) {
        line.append(block, pos, end - pos);
      } else {
        line.clear();
      }
      if (nl == std::string::npos) break;
      finish_line();
      pos = nl + 1;
    }
  }
  if (line_length > 0) finish_line();
  if (!reader.status().ok()) result->problems.push_back(reader.status());
  result->bytes = reader.raw_bytes();
}

}  // namespace

void JsonLinesToDocuments(const std::string& id, std::string_view bytes,
                          std::vector<Document>* docs, std::vector<Status>* problems) {
  DocumentSink sink = [docs](Document&& doc) { docs->push_back(std::move(doc)); };
  size_t line_no = 0;
  for (size_t pos = 0; pos < bytes.size();) {
    size_t nl = bytes.find('\n', pos);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    JsonLine(id, ++line_no, pos, bytes.substr(pos, end - pos), sink, problems);
    pos = end + 1;
  }
}

SourceResult ReadSource(const std::string& path, const InputOptions& options,
                        const DocumentSink& sink) {
  SourceResult result;
  DocumentSink to_result = [&result](Document&& doc) {
    result.documents.push_back(std::move(doc));
  };
  const DocumentSink& out = sink ? sink : to_result;
  InputFormat format = options.format;
  if (format == InputFormat::kAuto) {
    format = path == "-" ? InputFormat::kText : FormatOfPath(path);
  }
  std::unique_ptr<SequentialFile> file = StandardInput();  // for "-"
  if (path != "-") {
    if (std::error_code ec = options.fs->NewSequentialFile(path, &file)) {
      result.problems.push_back(
          ec == std::errc::no_such_file_or_directory
              ? Status::NotFound(path + ": no such file")
              : Status::InvalidInput(path + ": cannot open: " + ec.message()));
      return result;
    }
    FileInfo info;
    if (!options.fs->Stat(path, &info) && info.type == FileType::kDirectory) {
      result.problems.push_back(Status::InvalidInput(path + ": is a directory, not a file"));
      return result;
    }
  }
  if (format == InputFormat::kJsonl) {
    StreamJsonLines(file.get(), path, options, out, &result);
    return result;
  }
  std::string bytes;
  Status s = ReadBounded(*file, path, options.max_bytes, &bytes);
  file.reset();
  result.bytes = bytes.size();
  if (!s.ok()) {
    result.problems.push_back(s);
    return result;
  }
  const bool gzipped = IsGzip(bytes);
  if (gzipped) {
    std::string plain;
    if (s = Gunzip(path, bytes, options.max_bytes, &plain); !s.ok()) {
      result.problems.push_back(s);
      return result;
    }
    bytes = std::move(plain);
  }
  SourceResult converted;
  if (s = Convert(format, path, bytes, &converted); !s.ok()) result.problems.push_back(s);
  // The documents hold their own text: the file's bytes (as large again, and more in the
  // string's spare capacity) need not stay while they are analysed.
  std::string().swap(bytes);
  for (Document& doc : converted.documents) {
    if (gzipped) doc.source_map.clear();  // offsets would point into the decompressed bytes
    out(std::move(doc));
  }
  return result;
}

namespace input_internal {

void TakeConverted(MappedText text, Document&& raw, Document* doc) {
  text.ComposeWith(raw.source_map);
  doc->id = std::move(raw.id);
  doc->text = std::move(text.text);
  doc->source_map = std::move(text.runs);
  doc->title = std::move(raw.title);
  doc->date = std::move(raw.date);
  doc->author = std::move(raw.author);
  doc->warning = std::move(raw.warning);
}

MappedText JoinMappedBlocks(const std::vector<MappedText>& blocks) {
  MappedText out;
  for (const MappedText& mapped : blocks) {
    const std::string& block = mapped.text;
    bool space = false, started = false;
    for (size_t i = 0; i < block.size();) {
      auto c = static_cast<unsigned char>(block[i]);
      // Whitespace and control characters separate words; U+00A0 (no-break space) too.
      size_t ws = c <= 0x20 || c == 0x7F ? 1 : 0;
      if (c == 0xC2 && i + 1 < block.size() && static_cast<unsigned char>(block[i + 1]) == 0xA0) {
        ws = 2;
      }
      if (ws) {
        space = started;
        i += ws;
        continue;
      }
      size_t end = i + 1;  // the word: up to the next separator
      for (; end < block.size(); ++end) {
        auto d = static_cast<unsigned char>(block[end]);
        if (d <= 0x20 || d == 0x7F ||
            (d == 0xC2 && end + 1 < block.size() &&
             static_cast<unsigned char>(block[end + 1]) == 0xA0)) {
          break;
        }
      }
      if (!started && !out.text.empty()) out.AppendUnmapped("\n\n");
      if (space) out.AppendUnmapped(" ");
      started = true;
      space = false;
      out.AppendSlice(mapped, i, end);
      i = end;
    }
  }
  if (!out.text.empty()) out.AppendUnmapped("\n");
  return out;
}

// Whether words in italics read as a title: opening with a capital, two words of three letters
// or more, at most one comma and no quotation marks of their own. Not a single stressed word,
// a date ("October 23 to 26"), a length ("40 minutes") or a list of names.
bool ItalicsReadAsATitle(std::string_view t) {
  if (t.size() < 5 || t.size() > 160) return false;
  const unsigned char first = static_cast<unsigned char>(t.front());
  if (first < 0x80 && !std::isupper(first)) return false;
  const auto commas = std::count(t.begin(), t.end(), ',');
  if (commas > 1 || (commas == 1 && t.find(" and ") != std::string_view::npos)) return false;
  for (std::string_view q : {"\"", "\u201C", "\u201D"}) {
    if (t.find(q) != std::string_view::npos) return false;
  }
  int words = 0, all_words = 0, capitalised = 0;  // words: of three letters or more
  size_t letters = 0;
  bool word_start = true;
  for (size_t i = 0; i <= t.size(); ++i) {
    const unsigned char ch = i < t.size() ? static_cast<unsigned char>(t[i]) : ' ';
    if (ch == ' ') {
      words += letters >= 3;
      letters = 0;
      word_start = true;
      continue;
    }
    if (word_start) {
      ++all_words;
      capitalised += std::isupper(ch) || ch >= 0x80;
      word_start = false;
    }
    if (std::isalpha(ch) || ch >= 0x80) ++letters;
  }
  // "Linus Torvalds", "Acme Cloud Labs": a few capitalised words are more likely a name.
  if (all_words <= 3 && capitalised == all_words) return false;
  return words >= 2;
}

std::string JoinBlocks(const std::vector<std::string>& blocks) {
  std::vector<MappedText> mapped(blocks.size());
  for (size_t i = 0; i < blocks.size(); ++i) mapped[i].AppendUnmapped(blocks[i]);
  return JoinMappedBlocks(mapped).text;
}

}  // namespace input_internal

}  // namespace kg
