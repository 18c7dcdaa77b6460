// Markdown in, analysed text out: cmark-gfm (CommonMark with GitHub's tables, strikethrough
// and autolinks) parses the post; front matter (YAML between "---" lines, TOML between "+++"
// lines) is read for title, date and author and is not prose.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

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

void InlineText(cmark_node* node, std::string* out);

void ChildrenText(cmark_node* node, std::string* out) {
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    InlineText(c, out);
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
std::string WithoutStrayDelimiters(const char* s) {
  std::string out;
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
    out.append(s + i, run ? run : 1);
    i += run ? run : 1;
  }
  return out;
}

void InlineText(cmark_node* node, std::string* out) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_TEXT:
      if (const char* s = cmark_node_get_literal(node)) out->append(WithoutStrayDelimiters(s));
      return;
    case CMARK_NODE_CODE:
      if (const char* s = cmark_node_get_literal(node)) out->append(s);
      return;
    case CMARK_NODE_SOFTBREAK:
      out->push_back(' ');
      return;
    case CMARK_NODE_LINEBREAK:
      out->push_back('\n');
      return;
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_IMAGE:
    case CMARK_NODE_FOOTNOTE_REFERENCE:
      return;
    case CMARK_NODE_LINK: {
      std::string text;
      ChildrenText(node, &text);
      const char* url = cmark_node_get_url(node);
      if (!IsAutolink(text, url ? url : "")) out->append(text);
      return;
    }
    default:
      ChildrenText(node, out);
  }
}

// A paragraph's text. A line that is all bold or italic ("**Talk title**" then the text on the
// next line) is a line of its own, as is a line before a hard break or a stray "**".
std::string ParagraphText(cmark_node* paragraph) {
  std::string out;
  bool line_start = true, line_emphasis = false, closes_title = false, stray_title = false;
  for (cmark_node* c = cmark_node_first_child(paragraph); c; c = cmark_node_next(c)) {
    cmark_node_type type = cmark_node_get_type(c);
    if (type != CMARK_NODE_SOFTBREAK && !line_start) closes_title = false;
    if (type == CMARK_NODE_SOFTBREAK) {
      cmark_node* next = cmark_node_next(c);
      // A stray "**" that starts the next line closes this line's title.
      closes_title = (!line_emphasis || stray_title) && StartsWithStrayDelimiter(next);
      stray_title = false;
      out.push_back(line_emphasis || closes_title ? '\n' : ' ');
      line_start = true;
      line_emphasis = false;
      continue;
    }
    if (type == CMARK_NODE_LINEBREAK) {
      line_start = true;
      line_emphasis = false;
    } else if (type == CMARK_NODE_STRONG || type == CMARK_NODE_EMPH) {
      line_emphasis = line_start || line_emphasis;
      line_start = false;
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
    } else {
      line_emphasis = false;
      line_start = false;
    }
    InlineText(c, &out);
  }
  return out;
}

// Static-site generator markup that is not prose: kramdown attribute lists ("{:target=...}")
// and Liquid tags ("{% image ... %}", "{{ page.title }}").
std::string WithoutTemplateMarkup(std::string text) {
  static constexpr std::pair<const char*, const char*> kMarkup[] = {
      {"{:", "}"}, {"{%", "%}"}, {"{{", "}}"}};
  for (const auto& [open, close] : kMarkup) {
    for (size_t at = text.find(open); at != std::string::npos; at = text.find(open, at)) {
      size_t end = text.find(close, at + 2);
      if (end == std::string::npos) break;
      text.erase(at, end + std::strlen(close) - at);
    }
  }
  return text;
}

// Appends each line of `text` as a block.
void AppendLines(const std::string& text, std::vector<std::string>* blocks) {
  for (size_t pos = 0; pos <= text.size();) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    if (nl > pos) blocks->emplace_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

void Blocks(cmark_node* node, std::vector<std::string>* blocks) {
  const char* type = cmark_node_get_type_string(node);
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING:
      AppendLines(WithoutTemplateMarkup(ParagraphText(node)), blocks);
      return;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_FOOTNOTE_DEFINITION:
      return;
    case CMARK_NODE_HTML_BLOCK: {
      // Raw HTML in a post (<p>, <figure>, <!-- -->): its text, parsed as HTML.
      const char* html = cmark_node_get_literal(node);
      AppendLines(input_internal::HtmlText(html ? html : "", /*fragment=*/true, nullptr), blocks);
      return;
    }
    default:
      break;
  }
  if (std::strcmp(type, "table_cell") == 0) {  // a cell is a block, like a list item
    AppendLines(WithoutTemplateMarkup(ParagraphText(node)), blocks);
    return;
  }
  for (cmark_node* c = cmark_node_first_child(node); c; c = cmark_node_next(c)) Blocks(c, blocks);
}

}  // namespace

Status MarkdownToDocument(std::string id, std::string_view bytes, Document* doc) {
  Document raw;
  if (Status s = TextToDocument(std::move(id), bytes, &raw); !s.ok()) return s;
  std::string_view body = ReadFrontMatter(raw.text, &raw);

  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  cmark_parser* parser = cmark_parser_new(CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  cmark_parser_feed(parser, body.data(), body.size());
  cmark_node* root = cmark_parser_finish(parser);
  std::vector<std::string> blocks;
  if (!raw.title.empty()) blocks.push_back(raw.title);  // the title line, as in a text report
  if (root) Blocks(root, &blocks);
  if (root) cmark_node_free(root);
  cmark_parser_free(parser);

  doc->id = std::move(raw.id);
  doc->text = input_internal::JoinBlocks(blocks);
  doc->title = std::move(raw.title);
  doc->date = std::move(raw.date);
  doc->author = std::move(raw.author);
  doc->warning = std::move(raw.warning);
  return Status::Ok();
}

}  // namespace kg
