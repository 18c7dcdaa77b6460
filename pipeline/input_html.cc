// HTML in, analysed text out: gumbo (Google's HTML5 parser, the WHATWG algorithm) parses the
// page, entities decoded; the main content is the largest <article>, else <main>, else the
// element whose own paragraphs hold the most text; script, style, nav, forms, comments and
// the like are dropped, header and footer keep only their headings, and block elements are
// line boundaries.
#include <gumbo.h>

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

class TextCollector {
 public:
  void Walk(const GumboNode* node, bool headings_only) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
        if (!headings_only || in_heading_ > 0) current_ += node->v.text.text;
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:  // comments, CDATA, the document
        return;
    }
    const GumboElement& e = node->v.element;
    if (IsDropped(e.tag)) return;
    const bool block = IsBlock(e.tag);
    const bool heading = IsHeading(e.tag);
    // Page header and footer: only their headings (an article's title lives in its header).
    const bool chrome = e.tag == GUMBO_TAG_HEADER || e.tag == GUMBO_TAG_FOOTER;
    if (block) Flush();
    if (heading) ++in_heading_;
    for (unsigned i = 0; i < e.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(e.children.data[i]), headings_only || chrome);
    }
    if (heading) --in_heading_;
    if (block) Flush();
  }
  std::vector<std::string> blocks;

 private:
  void Flush() {
    if (!current_.empty()) blocks.push_back(std::move(current_));
    current_.clear();
  }
  std::string current_;
  int in_heading_ = 0;
};

std::string AttributeOf(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : "";
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

std::string HtmlText(std::string_view html, bool fragment, Document* meta) {
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
  TextCollector collector;
  collector.Walk(content, false);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  return JoinBlocks(collector.blocks);
}

}  // namespace input_internal

Status HtmlToDocument(std::string id, std::string_view bytes, Document* doc) {
  Document raw;
  if (Status s = TextToDocument(std::move(id), bytes, &raw); !s.ok()) return s;
  doc->text = input_internal::HtmlText(raw.text, /*fragment=*/false, &raw);
  doc->id = std::move(raw.id);
  doc->title = std::move(raw.title);
  doc->date = std::move(raw.date);
  doc->author = std::move(raw.author);
  doc->warning = std::move(raw.warning);
  return Status::Ok();
}

}  // namespace kg
