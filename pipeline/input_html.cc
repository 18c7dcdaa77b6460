// HTML in, analysed text out: gumbo (Google's HTML5 parser, the WHATWG algorithm) parses the
// page, entities decoded; the main content is the largest <article>, else <main>, else the
// element whose own paragraphs hold the most text; script, style, nav, forms, comments and
// the like are dropped, header and footer keep only their headings, and block elements are
// line boundaries.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/input.h"

namespace kg {
namespace {

// Never text: scripts, styles, navigation, forms, embedded media, code.
bool IsDropped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsHeading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_H4 ||
         tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// Elements whose start and end are line boundaries.
bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return IsHeading(tag);
  }
}

// A text node's decoded text, mapped to its original bytes in `html`.
void AppendText(const GumboText& t, std::string_view html, MappedText* out) {
  std::string_view orig(t.original_text.data, t.original_text.length);
  if (orig.data() < html.data() || orig.data() + orig.size() > html.data() + html.size()) {
    out->AppendUnmapped(t.text);
    return;
  }
  input_internal::AppendAligned(t.text, orig, static_cast<uint32_t>(orig.data() - html.data()),
                                out);
}

std::string PlainText(const GumboNode* node) {
  std::string out;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out = node->v.text.text;
  } else if (node->type == GUMBO_NODE_ELEMENT) {
    for (unsigned i = 0; i < node->v.element.children.length; ++i) {
      out += PlainText(static_cast<const GumboNode*>(node->v.element.children.data[i]));
    }
  }
  return out;
}

// An inline element's text, whitespace runs as one space, trimmed.
std::string ElementText(const GumboNode* node) {
  std::string joined;
  for (char ch : PlainText(node)) {
    const bool space = ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    if (space && (joined.empty() || joined.back() == ' ')) continue;
    joined += space ? ' ' : ch;
  }
  while (!joined.empty() && joined.back() == ' ') joined.pop_back();
  return joined;
}

class TextCollector {
 public:
  explicit TextCollector(std::string_view html) : html_(html) {}
  void Walk(const GumboNode* node, bool headings_only) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        if (!headings_only || in_heading_ > 0) AppendText(node->v.text, html_, &current_);
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:  // comments, CDATA, the document
        return;
    }
    const GumboElement& e = node->v.element;
    if (IsDropped(e.tag)) return;
    // A table row is one line, its cells split by " | " as in a table typed into plain text
    // (the extractor reads the header's column names over each row's cells); blocks inside a
    // cell do not break the row.
    const bool row = e.tag == GUMBO_TAG_TR;
    const bool cell = (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) && !row_cells_.empty();
    const bool block = IsBlock(e.tag) && (row || row_cells_.empty());
    const bool heading = IsHeading(e.tag);
    // Page header and footer: only their headings (an article's title lives in its header).
    const bool chrome = e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER;
    if (block) Flush();
    if (row) row_cells_.push_back(0);
    if (cell) {
      if (row_cells_.back()++ > 0) current_.AppendUnmapped(" | ");
    } else if (!block && IsBlock(e.tag)) {
      current_.AppendUnmapped(" ");
    }
    if (heading) ++in_heading_;
    // "with <em>Payments at the Edge</em>": a title in italics inside a line gets quotes.
    const bool quoted =
        (e.tag == GUMBO_TAG_EM || e.tag == GUMBO_TAG_I || e.tag == GUMBO_TAG_CITE) &&
        (!headings_only || in_heading_ > 0) &&
        current_.text.find_first_not_of(" \t\n") != std::string::npos &&
        input_internal::ItalicsReadAsATitle(ElementText(node));
    if (quoted) current_.AppendUnmapped("\u201C");
    for (unsigned i = 0; i < e.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(e.children.data[i]), headings_only || chrome);
    }
    if (quoted) current_.AppendUnmapped("\u201D");
    if (heading) --in_heading_;
    // (An empty cell is "-", so that the bars still count the row's cells.)
    if (cell && (current_.text.empty() || current_.text.ends_with(" | "))) {
      current_.AppendUnmapped("-");
    }
    if (row) row_cells_.pop_back();
    if (block) Flush();
  }
  std::vector<MappedText> blocks;

 private:
  void Flush() {
    if (!current_.text.empty()) blocks.push_back(std::move(current_));
    current_ = MappedText();
  }
  std::string_view html_;
  MappedText current_;
  int in_heading_ = 0;
  std::vector<int> row_cells_;  // cells so far of each table row being walked, innermost last
};

std::string AttributeOf(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
}

struct Finder {
  const GumboNode* best_article = nullptr;
  size_t best_article_len = 0;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
  const GumboNode* best_block = nullptr;  // the most text in its own <p> children
  size_t best_block_len = 0;
  Document* meta = nullptr;

  void Visit(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    if (e.tag == GUMBO_TAG_SCRIPT || e.tag == GUMBO_TAG_STYLE) return;
    if (meta && e.tag == GUMBO_TAG_TITLE && meta->title.empty()) {
      meta->title = input_internal::JoinBlocks({PlainText(node)});
      if (!meta->title.empty()) meta->title.pop_back();  // JoinBlocks' final newline
    }
    if (meta && e.tag == GUMBO_TAG_META) {
      std::string name = AttributeOf(node, "name");
      if (name.empty()) name = AttributeOf(node, "property");
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string content = AttributeOf(node, "content");
      if ((name == "author" || name == "article:author") && meta->author.empty()) {
        meta->author = content;
      } else if ((name == "date" || name == "article:published_time" || name == "dc.date" ||
                  name == "pubdate") &&
                 meta->date.empty()) {
        meta->date = content;
      }
    }
    if (e.tag == GUMBO_TAG_BODY && !body) body = node;
    if (e.tag == GUMBO_TAG_MAIN && !main) main = node;
    if (e.tag == GUMBO_TAG_ARTICLE) {
      size_t len = PlainText(node).size();
      if (len > best_article_len || !best_article) {
        best_article = node;
        best_article_len = len;
      }
    }
    size_t own = 0;
    for (unsigned i = 0; i < e.children.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(e.children.data[i]);
      if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_P) {
        own += PlainText(c).size();
      }
    }
    if (own > best_block_len) {
      best_block = node;
      best_block_len = own;
    }
    for (unsigned i = 0; i < e.children.length; ++i) {
      Visit(static_cast<const GumboNode*>(e.children.data[i]));
    }
  }
};

}  // namespace

namespace input_internal {

void AppendAligned(std::string_view dec, std::string_view orig, uint32_t base, MappedText* out) {
  size_t o = 0, d = 0;
  while (d < dec.size()) {
    if (o < orig.size() && orig[o] == '&') {
      size_t semi = orig.find(';', o + 1);
      bool entity = semi != std::string_view::npos && semi - o <= 40 && semi > o + 1;
      for (size_t k = o + 1; entity && k < semi; ++k) {
        entity = std::isalnum(static_cast<unsigned char>(orig[k])) || orig[k] == '#';
      }
      std::string_view ref = entity ? orig.substr(o, semi + 1 - o) : std::string_view();
      if (entity && dec.substr(d, ref.size()) != ref) {
        // The decoded characters: one or two code points, up to where the source goes on (as
        // far as the next reference or CR, which decode differently).
        std::string_view rest_o = orig.substr(semi + 1, 4);
        rest_o = rest_o.substr(0, std::min(rest_o.size(), rest_o.find_first_of("&\r\\")));
        size_t e = d, best = std::string_view::npos;
        for (int cps = 0; cps < 2 && e < dec.size(); ++cps) {
          ++e;
          while (e < dec.size() && (static_cast<unsigned char>(dec[e]) & 0xC0) == 0x80) ++e;
          std::string_view rest_d = dec.substr(e, rest_o.size());
          if (rest_d == rest_o.substr(0, rest_d.size())) {
            best = e;
            break;
          }
        }
        if (best == std::string_view::npos) break;
        out->AppendSpan(dec.substr(d, best - d), static_cast<uint32_t>(base + o),
                        static_cast<uint32_t>(base + semi + 1));
        d = best;
        o = semi + 1;
        continue;
      }
    }
    if (o + 1 < orig.size() && orig[o] == '\\' && orig[o + 1] == dec[d] && dec[d] != '\\') {
      out->AppendSpan(dec.substr(d, 1), static_cast<uint32_t>(base + o),
                      static_cast<uint32_t>(base + o + 2));  // a backslash escape
      ++d;
      o += 2;
      continue;
    }
    if (o < orig.size() && orig[o] == '\r' && dec[d] == '\n') {
      ++o;  // CR LF -> LF: the LF maps to itself
      continue;
    }
    if (o >= orig.size() || orig[o] != dec[d]) break;
    size_t run = 0;
    while (d + run < dec.size() && o + run < orig.size() && orig[o + run] == dec[d + run] &&
           orig[o + run] != '&' && orig[o + run] != '\r' && orig[o + run] != '\\') {
      ++run;
    }
    if (run == 0) run = 1;  // a '&' that is no reference, a '\' that escapes nothing
    out->Append(dec.substr(d, run), static_cast<uint32_t>(base + o));
    d += run;
    o += run;
  }
  if (d < dec.size()) {  // what cannot be aligned: the rest of the source
    out->AppendSpan(dec.substr(d), static_cast<uint32_t>(base + std::min(o, orig.size())),
                    static_cast<uint32_t>(base + orig.size()));
  }
}

std::string HtmlText(std::string_view html, bool fragment, Document* meta) {
  return HtmlMappedText(html, fragment, meta).text;
}

MappedText HtmlMappedText(std::string_view html, bool fragment, Document* meta) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  Finder finder;
  finder.meta = meta;
  finder.Visit(out->root);
  const GumboNode* content = finder.body ? finder.body : out->root;
  if (!fragment) {
    if (finder.best_article) {
      content = finder.best_article;
    } else if (finder.main) {
      content = finder.main;
    } else if (finder.best_block) {
      content = finder.best_block;
    }
  }
  TextCollector collector(html);
  collector.Walk(content, false);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return JoinMappedBlocks(collector.blocks);
}

}  // namespace input_internal

Status HtmlToDocument(std::string id, std::string_view bytes, Document* doc) {
  Document raw;
  if (Status s = TextToDocument(std::move(id), bytes, &raw); !s.ok()) return s;
  MappedText text = input_internal::HtmlMappedText(raw.text, /*fragment=*/false, &raw);
  input_internal::TakeConverted(std::move(text), std::move(raw), doc);
  return Status::Ok();
}

}  // namespace kg
