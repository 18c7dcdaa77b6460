// Stage 1 and 2 of kgextract: documents in, sentences and tokens out.
//
//   kg::Document doc;
//   kg::Status s = kg::ReadDocument("report.txt", &doc);   // bytes -> valid UTF-8 -> NFC
//   if (!s.ok()) std::cerr << s.ToString() << "\n";
//   std::shared_ptr<const kg::TokenizerLexicon> lexicon;
//   s = kg::LoadTokenizerLexicon("data", &lexicon);        // data/lexicon/: the English lists
//   kg::Tokenizer tokenizer(lexicon);                      // one per thread, reused
//   kg::TokenizedDocument td = tokenizer.Tokenize(doc);    // ICU sentences and words
//   for (const kg::Sentence& sent : td.sentences) std::cout << td.TextOf(sent) << "\n";
//
// Offsets: every span carries UTF-8 byte offsets into Document::text (for slicing in C++) and
// Unicode code point offsets (for the output contract: Python's text[start:end]). Spans are
// half-open [begin, end).
//
// THREAD SAFETY: all functions are reentrant; a Tokenizer object is not shared between threads
// (ICU break iterators keep state), so each worker makes its own.
#pragma once

#include <unicode/utypes.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/file_system.h"
#include "pipeline/status.h"

namespace kg {

// Where a stretch of the analysed text came from in the original file (the bytes read, before
// the BOM is dropped and before NFC). Runs are sorted by `begin` and each covers the text up to
// the next run's `begin` (the last one up to the end). An exact run maps byte for byte
// (text[begin + i] came from byte src_begin + i); an inexact run came from the whole source span
// [src_begin, src_end) (an HTML entity, a Markdown escape, a stretch that NFC changed); a run
// with src_begin == kNoSource came from no byte of the file (separators the reader inserted).
struct SourceRun {
  static constexpr uint32_t kNoSource = 0xFFFFFFFFu;
  uint32_t begin = 0;
  uint32_t src_begin = kNoSource, src_end = kNoSource;
  bool exact = false;
};

// A string with a source map: what the readers (pipeline/input.h) build the analysed text in.
struct MappedText {
  std::string text;
  std::vector<SourceRun> runs;

  void Append(std::string_view s, uint32_t src_begin);                        // exact
  void AppendSpan(std::string_view s, uint32_t src_begin, uint32_t src_end);  // inexact
  void AppendUnmapped(std::string_view s);
  // text[b, e) of `from`, with its map.
  void AppendSlice(const MappedText& from, size_t b, size_t e);
  // The same map with every source offset shifted through `outer` (this map's sources are
  // offsets into outer.text).
  void ComposeWith(const std::vector<SourceRun>& outer);

 private:
  void AddRun(size_t length, SourceRun run);
};

// A report: its id (the file name, "-" for standard input, "dump.jsonl#post-7" for a JSON Lines
// record) and its text, valid UTF-8 in Unicode normalisation form C. For Markdown and HTML the
// text is the analysed text (pipeline/input.h): prose only, one block a line. The metadata comes
// from front matter, <title>/<meta>, or a JSON Lines record's fields; empty when unknown.
struct Document {
  std::string id;
  std::string text;
  std::string title, date, author, url;
  // Analysed-text byte offsets -> original-file byte offsets; empty when the document has no
  // original file to point into (gzip-compressed input, JSON Lines records).
  std::vector<SourceRun> source_map;
  // Set when the input was repaired on the way in (stray control characters replaced): one
  // line naming the input, for standard error.
  std::string warning;
};

// The byte range of the original file that text[begin, end) came from, when the map knows it
// (both ends fall into mapped runs); false otherwise.
bool SourceRange(const std::vector<SourceRun>& map, uint32_t begin, uint32_t end,
                 uint32_t* src_begin, uint32_t* src_end);

// Checks that `bytes` is UTF-8 text and normalises it to NFC, and maps the text to `bytes`
// (doc->source_map: one exact run shifted by a BOM, or runs per word where NFC changed it).
// `source` names the input in errors ("report.txt: invalid UTF-8 at byte 1234"; UTF-16 is named
// as such). A NUL byte, or control characters (other than tab, newline, carriage return, form
// feed) that make up more than kMaxControlShare of the input (and at least 16 of them), make it
// binary: rejected. Fewer stray control characters (an ESC, a 0x01 of scraped text) are replaced
// by spaces, one for one (offsets do not move), and doc->warning says so. A leading UTF-8
// byte-order mark is not text: it is dropped, and text offsets count from the code point after
// it (as Python's "utf-8-sig"); source offsets count it, as they are bytes of the file.
inline constexpr double kMaxControlShare = 0.05;
Status MakeDocument(std::string source, std::string_view bytes, Document* doc);

// "UTF-16LE text (byte-order mark FF FE)" when `head`, the first bytes of an input, is UTF-16:
// a UTF-16 byte-order mark, or ASCII text with every other byte NUL. Empty otherwise.
std::string DescribeUtf16(std::string_view head);

// `message` with control characters and invalid UTF-8 bytes escaped (\n, \x1b): what goes to
// standard error is one line and never an escape sequence, whatever a file name holds.
std::string EscapeControls(std::string_view message);

// The result of an ICU call: Ok when U_SUCCESS(code) (ICU's warnings included), otherwise
// kInternal, "<what>: ICU error U_MEMORY_ALLOCATION_ERROR": ICU failing is no fault of the
// input (exit 1, not a bad document), and its error name is what a bug report needs.
Status IcuStatus(std::string_view what, UErrorCode code);

// The byte offset of the first invalid UTF-8 sequence in `bytes`, or npos.
size_t FindInvalidUtf8(std::string_view bytes);

// Reads a whole file (or standard input when path is "-") and calls MakeDocument. A missing
// file is kNotFound; a directory or an unreadable file is kInvalidInput (a bad document, as
// everywhere: kIOError is for outputs).
Status ReadDocument(const std::string& path, Document* doc, FileSystem* fs = FileSystem::Default());
// The bytes of a file ('-': standard input): kNotFound when it does not exist, kInvalidInput
// when it is a directory, (with `regular_only`) not a regular file, or cannot be opened or read.
// Files are read through `fs` (pipeline/file_system.h); standard input is not.
Status ReadFileBytes(const std::string& path, bool regular_only, std::string* bytes,
                     FileSystem* fs = FileSystem::Default());

enum class Shape : uint8_t {
  kLower,        // "keynote"
  kCapitalized,  // "Warsaw", "McDonald"
  kAllCaps,      // "PSF", "CNCF" (two or more letters, all upper case)
  kMixed,        // "PyCon", "eBPF", "iPhone"
  kDigits,       // "2024"
  kAlnum,        // "3.13", "1GB"
  kPunct,        // "," "(" "&"
  kSymbol,       // emoji and other symbols
};

struct Token {
  uint32_t begin = 0, end = 0;        // UTF-8 byte offsets
  uint32_t cp_begin = 0, cp_end = 0;  // code point offsets
  Shape shape = Shape::kLower;
};

// A sentence, or a heading, or a list item: ICU sentence breaks inside blocks, where a block is
// a paragraph, a heading line or a list item.
struct Sentence {
  uint32_t begin = 0, end = 0;
  uint32_t cp_begin = 0, cp_end = 0;
  uint32_t first_token = 0, end_token = 0;  // [first_token, end_token) into tokens
  bool is_heading = false;                  // a short line with no closing punctuation
};

struct TokenizedDocument {
  const Document* doc = nullptr;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;

  std::string_view TextOf(const Token& t) const {
    return std::string_view(doc->text).substr(t.begin, t.end - t.begin);
  }
  std::string_view TextOf(const Sentence& s) const {
    return std::string_view(doc->text).substr(s.begin, s.end - s.begin);
  }
};

// The English word lists of the block finder and the sentence splitter, one file each in
// `data_dir`/lexicon/ (the data directory's, whatever the rule packs: they are the language,
// not rules). Each file's header says what its list is for.
struct TokenizerLexicon {
  std::vector<std::string> legal_form_endings;         // legal_form_endings.txt: "Inc.", "o.o."
  std::vector<std::string> line_wrap_words;            // line_wrap_words.txt: "the", "by"
  std::vector<std::string> abbreviations;              // abbreviations.txt: "Dr.", "approx."
  std::vector<std::string> dotted_abbreviations;       // dotted_abbreviations.txt: "e.g."
  std::vector<std::string> maybe_final_abbreviations;  // maybe_final_abbreviations.txt: "Inc."
  std::vector<std::string> sentence_openers;           // sentence_openers.txt: "The", "We"
  std::vector<std::string> sentence_continuations;     // sentence_continuations.txt: "with"
  std::vector<std::string> lower_case_no_end;          // lower_case_no_end.txt: "etc", "vol"
};

// Reads the TokenizerLexicon's files from `data_dir`/lexicon/: UTF-8, one entry a line, '#'
// comment lines and blank lines skipped, every line ending with a newline. An entry holds no
// space; the abbreviations and legal forms end with a full stop; the openers, continuations
// and lower-case words are ASCII letters (lower_case_no_end.txt is compared in lower case). A
// missing or unreadable file, or a line that breaks these rules, is kRules naming the file and
// the line ("data/lexicon/abbreviations.txt:9: 'Dr' does not end with a full stop").
Status LoadTokenizerLexicon(const std::string& data_dir,
                            std::shared_ptr<const TokenizerLexicon>* out,
                            FileSystem* fs = FileSystem::Default());

// ICU word and sentence segmentation. Construct once per thread, reuse for many documents.
class Tokenizer {
 public:
  // Uses `lexicon`'s lists (shared: many tokenizers use one). ICU's sentence-break filter is
  // built from lexicon->abbreviations here, once per tokenizer.
  explicit Tokenizer(std::shared_ptr<const TokenizerLexicon> lexicon);
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Whether ICU could create the break iterators (and a lexicon was given); error() says why
  // not.
  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }

  TokenizedDocument Tokenize(const Document& doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string error_;
};

// Code point length of a UTF-8 string.
uint32_t CodePointCount(std::string_view utf8);

// A file name as messages print it: unchanged when it is valid UTF-8 without control
// characters or backslashes; otherwise in single quotes with C escapes ('a\nb.txt',
// 'bad\xff.txt', 'it\'s'), so a name never breaks the one-line message or reaches the
// terminal as an escape sequence.
std::string QuotePath(std::string_view path);

}  // namespace kg
