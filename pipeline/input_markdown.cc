// Markdown in, analysed text out: cmark-gfm (CommonMark with GitHub's tables, strikethrough
// and autolinks) parses the post; front matter (YAML between "---" lines, TOML between "+++"
// lines) is read for title, date and author and is not prose.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/input.h"

namespace kg {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

// A front matter value as text: quotes removed, the first element of an inline list, HTML
// tags dropped ("author: <a href=...>Jane Doe</a>" is Jane Doe).
std::string CleanValue(std::string_view v) {
  v = Trim(v);
  if (v.starts_with('[')) {
    v.remove_prefix(1);
    size_t end = v.find_first_of(",]");
    v = Trim(v.substr(0, end == std::string_view::npos ? v.size() : end));
  }
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    v = v.substr(1, v.size() - 2);
  }
  std::string out;
  bool in_tag = false;
  for (char c : v) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      out.push_back(c);
    }
  }
  return std::string(Trim(out));
}

// Splits off front matter: returns the body and fills title/date/author of `doc`.
std::string_view ReadFrontMatter(std::string_view text, Document* doc) {
  std::string_view fence;
  if (text.starts_with("---\n") || text.starts_with("---\r\n")) {
    fence = "---";
  } else if (text.starts_with("+++\n") || text.starts_with("+++\r\n")) {
    fence = "+++";
  } else {
    return text;
  }
  const bool toml = fence == "+++";
  size_t pos = text.find('\n') + 1;
  std::vector<std::string_view> lines;
  size_t body = std::string_view::npos;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    size_t end = nl == std::string_view::npos ? text.size() : nl;
    std::string_view raw_line = text.substr(pos, end - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    if (Trim(raw_line) == fence || (!toml && Trim(raw_line) == "...")) {
      body = pos;
      break;
    }
    lines.push_back(raw_line);
  }
  if (body == std::string_view::npos) return text;  // no closing fence: not front matter
  std::string* pending = nullptr;                   // a YAML key whose value is a list below
  for (std::string_view raw_line : lines) {
    const bool indented = raw_line.starts_with(' ') || raw_line.starts_with('\t');
    std::string_view line = Trim(raw_line);
    if (line.starts_with("- ") || indented) {
      if (pending && pending->empty() && line.starts_with("- ")) {
        *pending = CleanValue(line.substr(2));
      }
      continue;
    }
    pending = nullptr;
    size_t sep = line.find(toml ? '=' : ':');
    if (sep == std::string_view::npos) continue;
    std::string_view key = Trim(line.substr(0, sep));
    std::string_view value = line.substr(sep + 1);
    std::string* field = nullptr;
    if (key == "title") {
      field = &doc->title;
    } else if (key == "date") {
      field = &doc->date;
    } else if (key == "author" || key == "authors") {
      field = &doc->author;
    }
    if (!field || !field->empty()) continue;
    *field = CleanValue(value);
    if (field->empty()) pending = field;
  }
  return text.substr(body);
}

bool IsAutolink(std::string_view text, std::string_view url) {
  return text == url || url == "mailto:" + std::string(text) ||
         url == "http://" + std::string(text) || url == "https://" + std::string(text);
}

// Source positions: cmark-gfm gives every node its start and end line and column (1-based, in
// bytes of the text it was fed); this turns them into byte offsets of that text.
class Positions {
 public:
  explicit Positions(std::string_view body) : body_(body) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\n') line_starts_.push_back(i + 1);
    }
  }
  // The offset of (line, column), or npos when cmark does not know it.
  size_t Offset(int line, int column) const {
    if (line <= 0 || column <= 0 || static_cast<size_t>(line) > line_starts_.size()) {
      return std::string_view::npos;
    }
    size_t at = line_starts_[line - 1] + static_cast<size_t>(column - 1);
    return at <= body_.size() ? at : std::string_view::npos;
  }
  // [begin, end) of a node, or false.
  bool Span(cmark_node* node, size_t* begin, size_t* end) const {
    *begin = Offset(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    *end = Offset(cmark_node_get_end_line(node), cmark_node_get_end_column(node));
    if (*begin == std::string_view::npos || *end == std::string_view::npos) return false;
    *end = std::min(*end + 1, body_.size());  // cmark's end column is inclusive
    return *begin < *end;
  }
  std::string_view body() const { return body_; }

 private:
  std::string_view body_;
  std::vector<size_t> line_starts_;
};

// Where the inline text of the current block maps when a node's own position does not hold.
struct Context {
  const Positions* pos = nullptr;
  size_t block_begin = std::string_view::npos, block_end = 0;
};

// A literal mapped to the source: exactly when the bytes at the node's start are the literal
// (plain text), else aligned with the node's own span (escapes, entities: "Jane &amp; Doe"), else
// to the block's span (positions that cmark gets wrong inside containers), else to nothing.
MappedText Literal(cmark_node* node, std::string_view literal, const Context& ctx) {
  MappedText m;
  size_t b = 0, e = 0;
  const bool known = ctx.pos->Span(node, &b, &e);
  if (known && ctx.pos->body().substr(b, literal.size()) == literal) {
    m.Append(literal, static_cast<uint32_t>(b));
  } else if (known && e - b >= literal.size() / 2 && e - b <= 2 * literal.size() + 16) {
    // Entities and backslash escapes: aligned with the node's source bytes.
    input_internal::AppendAligned(literal, ctx.pos->body().substr(b, e - b),
                                  static_cast<uint32_t>(b), &m);
  } else if (ctx.block_begin < ctx.block_end) {
    m.AppendSpan(literal, static_cast<uint32_t>(ctx.block_begin),
                 static_cast<uint32_t>(ctx.block_end));
  } else {
    m.AppendUnmapped(literal);
  }
  return m;
}

void InlineText(cmark_node* node, const Context& ctx, MappedText* out);

void ChildrenText(cmark_node* node, const Context& ctx, MappedText* out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    InlineText(c, ctx, out);
  }
}

// Unmatched emphasis delimiters stay text in cmark ("**Title\n**Text" is text "**Title",
// a soft break, text "**Text"): a text node that starts with "**" or "__".
bool StartsWithStrayDelimiter(cmark_node* node) {
  if (!node || cmark_node_get_type(node) != CMARK_NODE_TEXT) return false;
  const char* s = cmark_node_get_literal(node);
  return s && (std::strncmp(s, "**", 2) == 0 || std::strncmp(s, "__", 2) == 0);
}

// A text node's literal without runs of two or more '*' (stray bold markers).
MappedText WithoutStrayDelimiters(const MappedText& in) {
  const char* s = in.text.c_str();
  MappedText out;
  for (size_t i = 0; s[i];) {
    size_t run = 0;
    while (s[i + run] == '*') ++run;
    if (run >= 2) {
      i += run;
      continue;
    }
    if (run == 0 && std::strncmp(s + i, "__", 2) == 0 && (i == 0 || s[i - 1] == ' ')) {
      while (s[i] == '_') ++i;  // "__" opening a word: a stray bold marker
      continue;
    }
    size_t n = run ? run : 1;
    out.AppendSlice(in, i, i + n);
    i += n;
  }
  return out;
}

void AppendAll(const MappedText& from, MappedText* out) {
  out->AppendSlice(from, 0, from.text.size());
}

void InlineText(cmark_node* node, const Context& ctx, MappedText* out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      if (const char* s = cmark_node_get_literal(node)) {
        AppendAll(WithoutStrayDelimiters(Literal(node, s, ctx)), out);
      }
      return;
    case CMARK_NODE_CODE:
      if (const char* s = cmark_node_get_literal(node)) AppendAll(Literal(node, s, ctx), out);
      return;
    case CMARK_NODE_SOFTBREAK:
      out->AppendUnmapped(" ");
      return;
    case CMARK_NODE_LINEBREAK:
      out->AppendUnmapped("\n");
      return;
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_IMAGE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return;
    case CMARK_NODE_LINK: {
      MappedText text;
      ChildrenText(node, ctx, &text);
      const char* url = cmark_node_get_url(node);
      if (!IsAutolink(text.text, url ? url : "")) AppendAll(text, out);
      return;
    }
    default:
      ChildrenText(node, ctx, out);
  }
}

// Whether the line goes on with words after `node` (not a line break, not punctuation alone).
bool GoesOnAfter(cmark_node* node) {
  for (cmark_node* n = cmark_node_next(node); n; n = cmark_node_next(n)) {
    const cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) return false;
    if (type != CMARK_NODE_TEXT) return true;
    for (const char* s = cmark_node_get_literal(n); s && *s; ++s) {
      if (std::isalnum(static_cast<unsigned char>(*s))) return true;
    }
  }
  return false;
}

// A paragraph's text. A line that is all bold or italic ("**Talk title**" then the text on the
// next line) is a line of its own, as is a line before a hard break or a stray "**".
MappedText ParagraphText(cmark_node* paragraph, const Positions& pos) {
  Context ctx;
  ctx.pos = &pos;
  if (!pos.Span(paragraph, &ctx.block_begin, &ctx.block_end)) {
    ctx.block_begin = std::string_view::npos;
  }
  MappedText out;
  bool line_start = true, line_emphasis = false, closes_title = false, stray_title = false;
  for (cmark_node* c = cmark_node_first_child(paragraph); c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type != CMARK_NODE_SOFTBREAK && !line_start) closes_title = false;
    if (type == CMARK_NODE_SOFTBREAK) {
      cmark_node* next = cmark_node_next(c);
      // A stray "**" that starts the next line closes this line's title.
      closes_title = (!line_emphasis || stray_title) && StartsWithStrayDelimiter(next);
      stray_title = false;
      out.AppendUnmapped(line_emphasis || closes_title ? "\n" : " ");
      line_start = true;
      line_emphasis = false;
      continue;
    }
    if (type == CMARK_NODE_LINEBREAK) {
      line_start = true;
      line_emphasis = false;
    } else if (type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH) {
      const bool opens_line = line_start;
      line_emphasis = line_start || line_emphasis;
      line_start = false;
      // "with *Payments at the Edge*": words in italics inside a line are a title, as quotes
      // would mark them in plain text; the quotes say so to the rules.
      // So are those opening a line that goes on ("*Title* with Ana"); a line of italics alone
      // is a byline or a caption.
      if (type == CMARK_NODE_EMPH && (!opens_line || GoesOnAfter(c))) {
        MappedText inner;
        ChildrenText(c, ctx, &inner);
        if (input_internal::ItalicsReadAsATitle(inner.text)) {
          out.AppendUnmapped("\u201C");
          AppendAll(inner, &out);
          out.AppendUnmapped("\u201D");
          continue;
        }
      }
    } else if (type == CMARK_NODE_TEXT && line_start && !closes_title &&
               StartsWithStrayDelimiter(c)) {
      line_emphasis = true;  // "**Title" with its closing marker on the next line
      stray_title = true;
      line_start = false;
    } else if (type == CMARK_NODE_TEXT) {
      const char* s = cmark_node_get_literal(c);
      bool blank = true;
      for (; s && *s; ++s) blank = blank && (*s == ' ' || *s == '\t');
      if (!blank) line_emphasis = false;
      line_start = line_start && blank;
    } else if (type != CMARK_NODE_IMAGE) {  // an image writes no text: its caption opens the line
      line_emphasis = false;
      line_start = false;
    }
    InlineText(c, ctx, &out);
  }
  return out;
}

// Static-site generator markup that is not prose: kramdown attribute lists ("{:target=...}")
// and Liquid tags ("{% image ... %}", "{{ page.title }}").
MappedText WithoutTemplateMarkup(MappedText text) {
  static constexpr std::pair<const char*, const char*> kMarkup[] = {
      {"{:", "}"}, {"{%", "%}"}, {"{{", "}}"}};
  for (const auto& [open, close] : kMarkup) {
    for (size_t at = text.text.find(open); at != std::string::npos; at = text.text.find(open, at)) {
      size_t end = text.text.find(close, at + 2);
      if (end == std::string::npos) break;
      MappedText erased;
      erased.AppendSlice(text, 0, at);
      erased.AppendSlice(text, end + std::strlen(close), text.text.size());
      text = std::move(erased);
    }
  }
  return text;
}

// Appends each line of `text` as a block.
void AppendLines(const MappedText& text, std::vector<MappedText>* blocks) {
  const std::string& t = text.text;
  for (size_t pos = 0; pos <= t.size();) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string::npos) nl = t.size();
    if (nl > pos) {
      blocks->emplace_back();
      blocks->back().AppendSlice(text, pos, nl);
    }
    pos = nl + 1;
  }
}

void Blocks(cmark_node* node, const Positions& pos, std::vector<MappedText>* blocks) {
  const char* type = cmark_node_get_type_string(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      AppendLines(WithoutTemplateMarkup(ParagraphText(node, pos)), blocks);
      return;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return;
    case CMARK_NODE_HTML_BLOCK: {
      // Raw HTML in a post (<p>, <figure>, <!-- -->): its text, parsed as HTML. Its offsets
      // shift into the file when the literal is the source's bytes, else map to the block.
      const char* html = cmark_node_get_literal(node);
      std::string_view literal = html ? html : "";
      MappedText text = input_internal::HtmlMappedText(literal, /*fragment=*/true, nullptr);
      size_t b = 0, e = 0;
      if (!pos.Span(node, &b, &e)) {
        text.ComposeWith({});
      } else {
        const auto column = static_cast<size_t>(cmark_node_get_start_column(node) - 1);
        size_t line_start = column <= b ? b - column : b;
        if (pos.body().substr(line_start, literal.size()) == literal) {
          text.ComposeWith({{0, static_cast<uint32_t>(line_start),
                             static_cast<uint32_t>(line_start + literal.size()), true}});
        } else {
          text.ComposeWith({{0, static_cast<uint32_t>(b), static_cast<uint32_t>(e), false}});
        }
      }
      AppendLines(text, blocks);
      return;
    }
    default:
      break;
  }
  // A table row is one line, its cells split by " | " as in a table typed into plain text, so
  // that the extractor reads the header's column names over each row's cells.
  if (std::strcmp(type, "table_row") == 0 || std::strcmp(type, "table_header") == 0) {
    MappedText row;
    for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
      if (c != cmark_node_first_child(node)) row.AppendUnmapped(" | ");
      MappedText cell = WithoutTemplateMarkup(ParagraphText(c, pos));
      // (A cell holds no line break; a stray one would split the row.)
      for (char& ch : cell.text) {
        if (ch == '\n') ch = ' ';
      }
      // (An empty cell is "-", so that the bars still count the row's cells.)
      if (cell.text.find_first_not_of(' ') == std::string::npos) {
        row.AppendUnmapped("-");
      } else {
        row.AppendSlice(cell, 0, cell.text.size());
      }
    }
    blocks->push_back(std::move(row));
    return;
  }
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    Blocks(c, pos, blocks);
  }
}

}  // namespace

Status MarkdownToDocument(std::string id, std::string_view bytes, Document* doc) {
  Document raw;
  if (Status s = TextToDocument(std::move(id), bytes, &raw); !s.ok()) return s;
  std::string_view body = ReadFrontMatter(raw.text, &raw);

  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // cmark-gfm keeps the inline special characters in one table for the process: a parser adds
  // its extensions' ("~" of strikethrough) while it parses inlines (in feed, for table rows, and
  // in finish) and clears them when done, so a parse on another thread would lose them. One
  // parse at a time; the tree it makes is this thread's own.
  static std::mutex parsing;
  cmark_parser* parser = nullptr;
  cmark_node* root = nullptr;
  {
    std::lock_guard<std::mutex> lock(parsing);
    parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
    for (const char* name : {"table", "strikethrough", "autolink"}) {
      if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
        cmark_parser_attach_syntax_extension(parser, ext);
      }
    }
    cmark_parser_feed(parser, body.data(), body.size());
    root = cmark_parser_finish(parser);
  }
  std::vector<MappedText> blocks;
  const auto body_offset = static_cast<uint32_t>(body.data() - raw.text.data());
  if (!raw.title.empty()) {  // the title line, as in a text report
    blocks.emplace_back();
    // Mapped to the front matter's value when it is there as it is (not quoted with escapes).
    size_t at = std::string_view(raw.text).substr(0, body_offset).find(raw.title);
    if (at != std::string_view::npos) {
      blocks.back().Append(raw.title, static_cast<uint32_t>(at));
    } else {
      blocks.back().AppendUnmapped(raw.title);
    }
  }
  std::vector<MappedText> body_blocks;
  Positions positions(body);
  if (root) Blocks(root, positions, &body_blocks);
  if (root) cmark_node_free(root);
  cmark_parser_free(parser);
  for (MappedText& block : body_blocks) {  // body offsets -> offsets into raw.text
    block.ComposeWith({{0, body_offset, static_cast<uint32_t>(raw.text.size()), true}});
    blocks.push_back(std::move(block));
  }

  input_internal::TakeConverted(input_internal::JoinMappedBlocks(blocks), std::move(raw), doc);
  return Status::Ok();
}

}  // namespace kg
