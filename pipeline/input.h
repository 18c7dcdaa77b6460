// Stage 0 of kgextract: what people publish in, documents out. Reads plain text, Markdown
// (cmark-gfm), HTML (gumbo), JSON Lines dumps and gzip-compressed files, from files, folders or
// standard input, and turns each into kg::Document (pipeline/text.h): the analysed text (prose
// only, one block a line, a blank line between blocks) and its metadata.
//
//   kg::InputOptions opt;                                   // format by extension, 64 MiB max
//   std::vector<std::string> files;
//   kg::Status s = kg::ExpandInputs({"posts/", "-"}, opt, &files);   // sorted, recursive
//   kg::SourceResult r = kg::ReadSource(files[0], opt);     // documents and skipped problems
//
//   kg::Document doc;
//   s = kg::MarkdownToDocument("post.md", markdown_bytes, &doc);    // no I/O
//
// Each document also maps its analysed text back to the bytes of the original file
// (Document::source_map, pipeline/text.h): plain text byte for byte, HTML through gumbo's
// original text of each text node, Markdown through cmark-gfm's source positions. Gzip input
// and JSON Lines records get no map (their text is not the file's bytes).
//
// Errors name the input, the place (line or byte) and the problem:
// "dump.jsonl: line 3: invalid JSON: ...", "post.md.gz: corrupt gzip data at byte 120".
//
// THREAD SAFETY: every function is reentrant; ReadSource("-") reads standard input, once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/file_system.h"
#include "pipeline/status.h"
#include "pipeline/text.h"

namespace kg {

enum class InputFormat { kAuto, kText, kMarkdown, kHtml, kJsonl };

// "txt", "md", "html", "jsonl" (also "markdown", "htm", "text") -> the format; false otherwise.
bool ParseInputFormat(std::string_view name, InputFormat* format);
// The format of a file name by its extension, after any ".gz": .md/.markdown, .html/.htm,
// .jsonl/.ndjson, anything else text.
InputFormat FormatOfPath(std::string_view path);

// The default and documented maximum size of one input (after gzip decompression): 64 MiB.
inline constexpr uint64_t kDefaultMaxDocumentBytes = 64ull << 20;

struct InputOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension
  // Globs on the path relative to a folder given on the command line (and on its file name):
  // a file of a folder is read when it matches an --include (or there is none) and no
  // --exclude. Files named on the command line are always read.
  std::vector<std::string> include, exclude;
  uint64_t max_bytes = kDefaultMaxDocumentBytes;
  // Where folders are listed and files read (pipeline/file_system.h); standard input is not.
  FileSystem* fs = FileSystem::Default();
};

// The files to read: inputs as given, folders replaced by their regular files (recursively,
// hidden entries skipped, filtered by the globs, sorted by path). A missing input is
// kNotFound; a folder without a file to read is kInvalidInput.
Status ExpandInputs(const std::vector<std::string>& inputs, const InputOptions& options,
                    std::vector<std::string>* files);

// fnmatch-style glob: '*' (not '/'), '**' (also '/'), '?', '[...]'.
bool GlobMatch(std::string_view pattern, std::string_view path);

// What one input gave: its documents, in order, and the problems of the documents that were
// skipped (a JSON Lines dump can give both). `bytes` is what was read, before decompression.
struct SourceResult {
  std::vector<Document> documents;
  std::vector<Status> problems;
  uint64_t bytes = 0;
};

// Where a reader hands each document it made, as soon as it is made.
using DocumentSink = std::function<void(Document&&)>;

// Reads one input (a file, or "-" for standard input) and converts it by format. Text, Markdown
// and HTML are read whole but never more than max_bytes, gunzipped when they start with gzip's
// magic bytes, with the first block checked for binary data before reading on. JSON Lines are
// streamed block by block (gunzipped on the fly), so a dump of any size is read in constant
// memory; each line may be at most max_bytes; the records before a read or gzip error are kept.
// Documents go to `sink`, or to the result's `documents` without one. Never fails as a whole:
// a file that cannot be read or converted is one problem.
SourceResult ReadSource(const std::string& path, const InputOptions& options,
                        const DocumentSink& sink = {});

// The converters (no I/O). `bytes` is the raw input; `id` names it in errors and in the
// document. Invalid UTF-8 or binary data fail with the byte position in `bytes`.
Status TextToDocument(std::string id, std::string_view bytes, Document* doc);
Status MarkdownToDocument(std::string id, std::string_view bytes, Document* doc);
Status HtmlToDocument(std::string id, std::string_view bytes, Document* doc);
// A JSON Lines dump: one {"id", "text", "format"?, "url"?, "date"?, "author"?, "title"?} per
// line; "format" is txt (default), md or html. A record's document id is "<id>#<record id>".
// Bad lines (not JSON, no "text", invalid UTF-8) are problems naming the line; empty lines are
// skipped.
void JsonLinesToDocuments(const std::string& id, std::string_view bytes,
                          std::vector<Document>* docs, std::vector<Status>* problems);

// Gunzips `bytes` (one or more gzip members) into `out`, at most max_bytes; errors name `id`
// and the byte of the compressed input where decoding failed.
Status Gunzip(const std::string& id, std::string_view bytes, uint64_t max_bytes, std::string* out);

// Internals shared by the converters.
namespace input_internal {
// The text of an HTML fragment or page, one block a line (no boilerplate removal when
// `fragment`); fills title/author/date of `meta` from <title> and <meta> of a page.
std::string HtmlText(std::string_view html, bool fragment, Document* meta);
// Appends decoded text `dec` mapped to its source `orig` (which starts at byte `base`): bytes
// that decoding kept map exactly, a decoded character reference to its whole "&...;" span, a
// backslash escape to both bytes, a CR dropped before LF to nothing; whatever cannot be
// aligned maps to the rest of `orig`.
void AppendAligned(std::string_view dec, std::string_view orig, uint32_t base, MappedText* out);
// The same, mapped to byte offsets into `html`.
MappedText HtmlMappedText(std::string_view html, bool fragment, Document* meta);
// Fills `doc` with the converted `text` of `raw` (the document as read from its file): the
// text's map is composed with raw's, and the id and metadata are taken over.
void TakeConverted(MappedText text, Document&& raw, Document* doc);
// Whether words set in italics inside a line read as a talk's or a work's title, which the
// converters then quote as plain text would ("with *Payments at the Edge*").
bool ItalicsReadAsATitle(std::string_view t);
// Joins blocks: each on its own line, a blank line between them, empty blocks dropped;
// whitespace runs inside a block become one space.
std::string JoinBlocks(const std::vector<std::string>& blocks);
// The same, keeping the blocks' maps (inserted spaces and line breaks map to no source).
MappedText JoinMappedBlocks(const std::vector<MappedText>& blocks);
}  // namespace input_internal

}  // namespace kg
