// Stage 7b: GraphML 1.0 for Gephi, yEd and networkx.read_graphml.
//
// The document is built as a string, with no XML library, so the bytes depend only on the
// graph: keys in a fixed order, nodes and edges in graph order, edges numbered "e0", "e1", ...,
// and doubles in the shortest form that reads back to the same value (std::to_chars).
//
//   <graphml ...>
//     <key id="n_label" for="node" attr.name="label" attr.type="string"/>  ... every key
//     <graph id="G" edgedefault="directed">
//       <data key="g_generator">kgextract 0.1.0</data>  ... graph data
//       <node id="person:jay-miller"> <data key="n_label">Jay Miller</data> ... </node>
//       <edge id="e0" source="person:jay-miller" target="talk:..."> ... </edge>
//
// Nodes carry the analytics of AnnotateMetrics (degree, weighted_degree, betweenness, pagerank,
// component, community) as typed keys, so Gephi can size and colour by them at once. Edges stay
// directed even for symmetric relations ("met", "co_occurs"), which carry symmetric=true
// instead: NetworkX refuses an undirected edge inside a directed GraphML graph. Parallel edges
// are kept, each with its own id, told apart by relation and role.
//
// Corpus graphs (more than one document) also declare and write "document_counts" on nodes and
// edges: mentions or evidence spans per document as compact JSON ({"a.md":2,"b.html":1}), the
// node-link JSON's "document_counts" as a string; single-document graphs do not declare it.
//
// Strings: empty ones get no <data>; lists are joined with '|'; text is escaped (& < > " ')
// and stripped of what XML 1.0 cannot carry (C0 controls other than tab, newline and carriage
// return, U+FFFE, U+FFFF: no escape can carry them in XML 1.0, so they are dropped and the
// rest of the text kept); invalid UTF-8 becomes U+FFFD.
//
// This file also defines the text helpers of graph/export_text.h that the other exporters use.
//
// Node ids: GraphML ids are xs:NMTOKENs, and libxml2 (xmllint) checks them against the name
// characters of XML 1.0 4th edition (Unicode 2.0 letters). A slug such as "person:łukasz" is
// one already and is written as is; a character outside that set ("ș", emoji, '_') is written
// as "_xHHHH_" (its code point in hex), and the node then carries the true id in a "node_id"
// <data>, so readers can still join on the id of the JSON output.
#include <algorithm>
#include <boost/range/iterator_range.hpp>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "graph/export.h"
#include "graph/export_text.h"

namespace kg {
namespace {

// A Unicode code point, or -1 for an ill-formed UTF-8 sequence. Decoded here rather than with
// ICU so that kg_export needs no ICU (graph/export.h).
using CodePoint = int32_t;

struct CodePointRange {
  uint32_t first, last;
};

// Non-ASCII code points that XML 1.0 (4th edition) allows in names: BaseChar, Ideographic,
// CombiningChar, Digit and Extender of its Appendix B. Generated from libxml2 2.9.14's
// xmlIs{BaseChar,Ideographic,Combining,Digit,Extender} (the tables xmllint validates NMTOKENs
// with), merged into sorted, disjoint ranges.
// clang-format off
constexpr CodePointRange kXmlNameChars[] = {
    {0x00B7, 0x00B7}, {0x00C0, 0x00D6}, {0x00D8, 0x00F6}, {0x00F8, 0x0131}, {0x0134, 0x013E},
    {0x0141, 0x0148}, {0x014A, 0x017E}, {0x0180, 0x01C3}, {0x01CD, 0x01F0}, {0x01F4, 0x01F5},
    {0x01FA, 0x0217}, {0x0250, 0x02A8}, {0x02BB, 0x02C1}, {0x02D0, 0x02D1}, {0x0300, 0x0345},
    {0x0360, 0x0361}, {0x0386, 0x038A}, {0x038C, 0x038C}, {0x038E, 0x03A1}, {0x03A3, 0x03CE},
    {0x03D0, 0x03D6}, {0x03DA, 0x03DA}, {0x03DC, 0x03DC}, {0x03DE, 0x03DE}, {0x03E0, 0x03E0},
    {0x03E2, 0x03F3}, {0x0401, 0x040C}, {0x040E, 0x044F}, {0x0451, 0x045C}, {0x045E, 0x0481},
    {0x0483, 0x0486}, {0x0490, 0x04C4}, {0x04C7, 0x04C8}, {0x04CB, 0x04CC}, {0x04D0, 0x04EB},
    {0x04EE, 0x04F5}, {0x04F8, 0x04F9}, {0x0531, 0x0556}, {0x0559, 0x0559}, {0x0561, 0x0586},
    {0x0591, 0x05A1}, {0x05A3, 0x05B9}, {0x05BB, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C4}, {0x05D0, 0x05EA}, {0x05F0, 0x05F2}, {0x0621, 0x063A}, {0x0640, 0x0652},
    {0x0660, 0x0669}, {0x0670, 0x06B7}, {0x06BA, 0x06BE}, {0x06C0, 0x06CE}, {0x06D0, 0x06D3},
    {0x06D5, 0x06E8}, {0x06EA, 0x06ED}, {0x06F0, 0x06F9}, {0x0901, 0x0903}, {0x0905, 0x0939},
    {0x093C, 0x094D}, {0x0951, 0x0954}, {0x0958, 0x0963}, {0x0966, 0x096F}, {0x0981, 0x0983},
    {0x0985, 0x098C}, {0x098F, 0x0990}, {0x0993, 0x09A8}, {0x09AA, 0x09B0}, {0x09B2, 0x09B2},
    {0x09B6, 0x09B9}, {0x09BC, 0x09BC}, {0x09BE, 0x09C4}, {0x09C7, 0x09C8}, {0x09CB, 0x09CD},
    {0x09D7, 0x09D7}, {0x09DC, 0x09DD}, {0x09DF, 0x09E3}, {0x09E6, 0x09F1}, {0x0A02, 0x0A02},
    {0x0A05, 0x0A0A}, {0x0A0F, 0x0A10}, {0x0A13, 0x0A28}, {0x0A2A, 0x0A30}, {0x0A32, 0x0A33},
    {0x0A35, 0x0A36}, {0x0A38, 0x0A39}, {0x0A3C, 0x0A3C}, {0x0A3E, 0x0A42}, {0x0A47, 0x0A48},
    {0x0A4B, 0x0A4D}, {0x0A59, 0x0A5C}, {0x0A5E, 0x0A5E}, {0x0A66, 0x0A74}, {0x0A81, 0x0A83},
    {0x0A85, 0x0A8B}, {0x0A8D, 0x0A8D}, {0x0A8F, 0x0A91}, {0x0A93, 0x0AA8}, {0x0AAA, 0x0AB0},
    {0x0AB2, 0x0AB3}, {0x0AB5, 0x0AB9}, {0x0ABC, 0x0AC5}, {0x0AC7, 0x0AC9}, {0x0ACB, 0x0ACD},
    {0x0AE0, 0x0AE0}, {0x0AE6, 0x0AEF}, {0x0B01, 0x0B03}, {0x0B05, 0x0B0C}, {0x0B0F, 0x0B10},
    {0x0B13, 0x0B28}, {0x0B2A, 0x0B30}, {0x0B32, 0x0B33}, {0x0B36, 0x0B39}, {0x0B3C, 0x0B43},
    {0x0B47, 0x0B48}, {0x0B4B, 0x0B4D}, {0x0B56, 0x0B57}, {0x0B5C, 0x0B5D}, {0x0B5F, 0x0B61},
    {0x0B66, 0x0B6F}, {0x0B82, 0x0B83}, {0x0B85, 0x0B8A}, {0x0B8E, 0x0B90}, {0x0B92, 0x0B95},
    {0x0B99, 0x0B9A}, {0x0B9C, 0x0B9C}, {0x0B9E, 0x0B9F}, {0x0BA3, 0x0BA4}, {0x0BA8, 0x0BAA},
    {0x0BAE, 0x0BB5}, {0x0BB7, 0x0BB9}, {0x0BBE, 0x0BC2}, {0x0BC6, 0x0BC8}, {0x0BCA, 0x0BCD},
    {0x0BD7, 0x0BD7}, {0x0BE7, 0x0BEF}, {0x0C01, 0x0C03}, {0x0C05, 0x0C0C}, {0x0C0E, 0x0C10},
    {0x0C12, 0x0C28}, {0x0C2A, 0x0C33}, {0x0C35, 0x0C39}, {0x0C3E, 0x0C44}, {0x0C46, 0x0C48},
    {0x0C4A, 0x0C4D}, {0x0C55, 0x0C56}, {0x0C60, 0x0C61}, {0x0C66, 0x0C6F}, {0x0C82, 0x0C83},
    {0x0C85, 0x0C8C}, {0x0C8E, 0x0C90}, {0x0C92, 0x0CA8}, {0x0CAA, 0x0CB3}, {0x0CB5, 0x0CB9},
    {0x0CBE, 0x0CC4}, {0x0CC6, 0x0CC8}, {0x0CCA, 0x0CCD}, {0x0CD5, 0x0CD6}, {0x0CDE, 0x0CDE},
    {0x0CE0, 0x0CE1}, {0x0CE6, 0x0CEF}, {0x0D02, 0x0D03}, {0x0D05, 0x0D0C}, {0x0D0E, 0x0D10},
    {0x0D12, 0x0D28}, {0x0D2A, 0x0D39}, {0x0D3E, 0x0D43}, {0x0D46, 0x0D48}, {0x0D4A, 0x0D4D},
    {0x0D57, 0x0D57}, {0x0D60, 0x0D61}, {0x0D66, 0x0D6F}, {0x0E01, 0x0E2E}, {0x0E30, 0x0E3A},
    {0x0E40, 0x0E4E}, {0x0E50, 0x0E59}, {0x0E81, 0x0E82}, {0x0E84, 0x0E84}, {0x0E87, 0x0E88},
    {0x0E8A, 0x0E8A}, {0x0E8D, 0x0E8D}, {0x0E94, 0x0E97}, {0x0E99, 0x0E9F}, {0x0EA1, 0x0EA3},
    {0x0EA5, 0x0EA5}, {0x0EA7, 0x0EA7}, {0x0EAA, 0x0EAB}, {0x0EAD, 0x0EAE}, {0x0EB0, 0x0EB9},
    {0x0EBB, 0x0EBD}, {0x0EC0, 0x0EC4}, {0x0EC6, 0x0EC6}, {0x0EC8, 0x0ECD}, {0x0ED0, 0x0ED9},
    {0x0F18, 0x0F19}, {0x0F20, 0x0F29}, {0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39},
    {0x0F3E, 0x0F47}, {0x0F49, 0x0F69}, {0x0F71, 0x0F84}, {0x0F86, 0x0F8B}, {0x0F90, 0x0F95},
    {0x0F97, 0x0F97}, {0x0F99, 0x0FAD}, {0x0FB1, 0x0FB7}, {0x0FB9, 0x0FB9}, {0x10A0, 0x10C5},
    {0x10D0, 0x10F6}, {0x1100, 0x1100}, {0x1102, 0x1103}, {0x1105, 0x1107}, {0x1109, 0x1109},
    {0x110B, 0x110C}, {0x110E, 0x1112}, {0x113C, 0x113C}, {0x113E, 0x113E}, {0x1140, 0x1140},
    {0x114C, 0x114C}, {0x114E, 0x114E}, {0x1150, 0x1150}, {0x1154, 0x1155}, {0x1159, 0x1159},
    {0x115F, 0x1161}, {0x1163, 0x1163}, {0x1165, 0x1165}, {0x1167, 0x1167}, {0x1169, 0x1169},
    {0x116D, 0x116E}, {0x1172, 0x1173}, {0x1175, 0x1175}, {0x119E, 0x119E}, {0x11A8, 0x11A8},
    {0x11AB, 0x11AB}, {0x11AE, 0x11AF}, {0x11B7, 0x11B8}, {0x11BA, 0x11BA}, {0x11BC, 0x11C2},
    {0x11EB, 0x11EB}, {0x11F0, 0x11F0}, {0x11F9, 0x11F9}, {0x1E00, 0x1E9B}, {0x1EA0, 0x1EF9},
    {0x1F00, 0x1F15}, {0x1F18, 0x1F1D}, {0x1F20, 0x1F45}, {0x1F48, 0x1F4D}, {0x1F50, 0x1F57},
    {0x1F59, 0x1F59}, {0x1F5B, 0x1F5B}, {0x1F5D, 0x1F5D}, {0x1F5F, 0x1F7D}, {0x1F80, 0x1FB4},
    {0x1FB6, 0x1FBC}, {0x1FBE, 0x1FBE}, {0x1FC2, 0x1FC4}, {0x1FC6, 0x1FCC}, {0x1FD0, 0x1FD3},
    {0x1FD6, 0x1FDB}, {0x1FE0, 0x1FEC}, {0x1FF2, 0x1FF4}, {0x1FF6, 0x1FFC}, {0x20D0, 0x20DC},
    {0x20E1, 0x20E1}, {0x2126, 0x2126}, {0x212A, 0x212B}, {0x212E, 0x212E}, {0x2180, 0x2182},
    {0x3005, 0x3005}, {0x3007, 0x3007}, {0x3021, 0x302F}, {0x3031, 0x3035}, {0x3041, 0x3094},
    {0x3099, 0x309A}, {0x309D, 0x309E}, {0x30A1, 0x30FA}, {0x30FC, 0x30FE}, {0x3105, 0x312C},
    {0x4E00, 0x9FA5}, {0xAC00, 0xD7A3},
};
// clang-format on

bool IsXmlNameChar(CodePoint c) {
  if (c < 0x80) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' ||
           c == '.' || c == ':' || c == '_';
  }
  const auto cp = static_cast<uint32_t>(c);
  const auto* it =
      std::upper_bound(std::begin(kXmlNameChars), std::end(kXmlNameChars), cp,
                       [](uint32_t v, const CodePointRange& r) { return v < r.first; });
  return it != std::begin(kXmlNameChars) && cp <= std::prev(it)->last;
}

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
bool IsXmlChar(CodePoint c) {
  if (c < 0x20) return c == 0x9 || c == 0xA || c == 0xD;
  if (c <= 0xD7FF) return true;
  if (c < 0xE000) return false;
  if (c <= 0xFFFD) return true;
  return c >= 0x10000 && c <= 0x10FFFF;
}

void AppendUtf8(CodePoint c, std::string* out) {
  const auto u = static_cast<uint32_t>(c);
  if (u < 0x80) {
    out->push_back(static_cast<char>(u));
  } else if (u < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (u >> 6)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else if (u < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (u >> 12)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (u >> 18)));
    out->push_back(static_cast<char>(0x80 | ((u >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((u >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (u & 0x3F)));
  }
}

// The code point at p[*i], advancing *i past it; -1 for an ill-formed sequence, of which it
// skips the maximal subpart (Unicode 15 section 3.9, as ICU's U8_NEXT and the JSON writer do),
// so that every exporter replaces the same bytes with one U+FFFD each.
CodePoint NextCodePoint(const uint8_t* p, size_t length, size_t* i) {
  const uint8_t lead = p[(*i)++];
  if (lead < 0x80) return lead;
  int trail = 0;
  uint8_t low = 0x80, high = 0xBF;  // the range of the first trail byte
  CodePoint c = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    trail = 1;
    c = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    trail = 2;
    c = lead & 0x0F;
    if (lead == 0xE0) low = 0xA0;   // no overlong forms
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    trail = 3;
    c = lead & 0x07;
    if (lead == 0xF0) low = 0x90;   // no overlong forms
    if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
  } else {
    return -1;  // a trail byte, C0, C1 or F5..FF
  }
  for (int k = 0; k < trail; ++k, low = 0x80, high = 0xBF) {
    if (*i >= length || p[*i] < low || p[*i] > high) return -1;
    c = (c << 6) | (p[(*i)++] & 0x3F);
  }
  return c;
}

// Calls f(code point) for each code point of `s`; an invalid sequence is one U+FFFD.
template <typename F>
void ForEachCodePoint(std::string_view s, F f) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    const CodePoint c = NextCodePoint(p, s.size(), &i);
    f(c < 0 ? 0xFFFD : c);
  }
}

void AppendHex(uint32_t v, int min_digits, std::string* out) {
  char buf[16];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, 16);
  (void)ec;  // 16 bytes hold any uint32_t
  for (int n = static_cast<int>(end - buf); n < min_digits; ++n) out->push_back('0');
  for (const char* q = buf; q != end; ++q) {
    out->push_back(*q >= 'a' ? static_cast<char>(*q - 'a' + 'A') : *q);
  }
}

// The reference that stands for `c` in XML character data (attribute = false) or a
// double-quoted attribute value, or nullptr when `c` is written as itself. In attributes, tab,
// newline and carriage return are references because XML parsers turn literal ones into spaces;
// in text, only the carriage return is (parsers would turn it into a newline).
const char* ReferenceFor(CodePoint c, bool attribute) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    case '\r':
      return "&#13;";
    case '\t':
      return attribute ? "&#9;" : nullptr;
    case '\n':
      return attribute ? "&#10;" : nullptr;
    default:
      return nullptr;
  }
}

// The GraphML id of a node: its id where every character that is not an XML name character is
// "_xHHHH_". '_' is escaped too, so two different node ids never give one GraphML id.
std::string GraphMLNodeId(std::string_view id) {
  if (id.empty()) return "_";  // an NMTOKEN is not empty; no escaped id is a lone "_"
  std::string out;
  out.reserve(id.size());
  ForEachCodePoint(id, [&](CodePoint c) {
    if (c != '_' && IsXmlNameChar(c)) {
      AppendUtf8(c, &out);
    } else {
      out.append("_x");
      AppendHex(static_cast<uint32_t>(c), 4, &out);
      out.push_back('_');
    }
  });
  return out;
}

struct Key {
  const char* id;
  const char* domain;  // the key's "for"
  const char* name;
  const char* type;
};

// Every key, in the order they are declared and written.
constexpr Key kKeys[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_subtype", "node", "subtype", "string"},
    {"n_kind", "node", "kind", "string"},
    {"n_narrator", "node", "narrator", "boolean"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_documents", "node", "documents", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_degree", "node", "degree", "int"},
    {"n_weighted_degree", "node", "weighted_degree", "double"},
    {"n_betweenness", "node", "betweenness", "double"},
    {"n_pagerank", "node", "pagerank", "double"},
    {"n_component", "node", "component", "int"},
    {"n_community", "node", "community", "int"},
    {"n_node_id", "node", "node_id", "string"},
    {"n_document_counts", "node", "document_counts", "string"},  // corpus graphs only
    {"e_relation", "edge", "relation", "string"},
    {"e_role", "edge", "role", "string"},
    {"e_weight", "edge", "weight", "double"},
    {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_evidence", "edge", "evidence", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"},
    {"e_document_counts", "edge", "document_counts", "string"},  // corpus graphs only
    {"g_generator", "graph", "generator", "string"},
    {"g_rules", "graph", "rules", "string"},
    {"g_documents", "graph", "documents", "string"},
};

// Writes <data key="key">value</data> at `indent`; nothing when `value` is empty, or holds only
// characters that XML cannot.
void AppendData(std::string_view indent, std::string_view key, std::string_view value,
                std::string* out) {
  const size_t rollback = out->size();
  out->append(indent).append("<data key=\"").append(key).append("\">");
  const size_t text_start = out->size();
  export_text::AppendXmlEscaped(value, /*attribute=*/false, out);
  if (out->size() == text_start) {
    out->resize(rollback);
    return;
  }
  out->append("</data>\n");
}

const char* Bool(bool b) { return b ? "true" : "false"; }

}  // namespace

namespace export_text {

std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](CodePoint c) { AppendUtf8(c, &out); });
  return out;
}

std::string XmlChars(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  ForEachCodePoint(s, [&](CodePoint c) {
    if (IsXmlChar(c)) AppendUtf8(c, &out);
  });
  return out;
}

void AppendXmlEscaped(std::string_view s, bool attribute, std::string* out) {
  ForEachCodePoint(s, [&](CodePoint c) {
    if (const char* reference = ReferenceFor(c, attribute)) {
      out->append(reference);
    } else if (IsXmlChar(c)) {
      AppendUtf8(c, out);
    }
  });
}

std::string FormatDouble(double v) {
  if (std::isnan(v)) return "NaN";  // the xs:double spellings, which Python's float() reads
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  (void)ec;  // the shortest form of a double is at most 24 characters
  return std::string(buf, end);
}

std::string JoinPipe(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.push_back('|');
    out.append(parts[i]);
  }
  return out;
}

std::string DocumentCounts(const std::vector<DocumentCount>& counts) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& [doc, count] : counts) out[ValidUtf8(doc)] = count;
  return out.dump();
}

std::string EdgeLabel(const EdgeProps& edge) {
  if (edge.role.empty()) return edge.relation;
  return edge.relation.str() + " (" + edge.role.str() + ")";
}

}  // namespace export_text

using export_text::AppendXmlEscaped;
using export_text::FormatDouble;
using export_text::JoinPipe;

std::string ToGraphML(const KnowledgeGraph& kgraph) {
  const Graph& g = kgraph.graph;
  std::string out;
  out.append(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\""
      " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
      " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns"
      " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  const bool corpus = kgraph.documents.size() > 1;
  for (const Key& key : kKeys) {
    if (!corpus && std::string_view(key.name) == "document_counts") continue;
    out.append("  <key id=\"").append(key.id).append("\" for=\"").append(key.domain);
    out.append("\" attr.name=\"").append(key.name).append("\" attr.type=\"").append(key.type);
    out.append("\"/>\n");
  }
  out.append("  <graph id=\"G\" edgedefault=\"directed\">\n");
  AppendData("    ", "g_generator", kgraph.generator, &out);
  AppendData("    ", "g_rules", kgraph.rules_fingerprint, &out);
  AppendData("    ", "g_documents", JoinPipe(kgraph.documents), &out);

  std::vector<std::string> xml_ids(boost::num_vertices(g));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    const NodeProps& n = g[v];
    xml_ids[v] = GraphMLNodeId(n.id);
    out.append("    <node id=\"");
    AppendXmlEscaped(xml_ids[v], /*attribute=*/true, &out);
    out.append("\">\n");
    AppendData("      ", "n_label", n.label, &out);
    AppendData("      ", "n_type", n.type, &out);
    AppendData("      ", "n_subtype", n.subtype, &out);
    AppendData("      ", "n_kind", n.kind, &out);
    AppendData("      ", "n_narrator", Bool(n.narrator), &out);
    AppendData("      ", "n_aliases", JoinPipe(n.aliases), &out);
    AppendData("      ", "n_documents", JoinPipe(n.documents), &out);
    AppendData("      ", "n_mentions", std::to_string(n.mentions.size()), &out);
    AppendData("      ", "n_degree", std::to_string(n.degree), &out);
    AppendData("      ", "n_weighted_degree", FormatDouble(n.weighted_degree), &out);
    AppendData("      ", "n_betweenness", FormatDouble(n.betweenness), &out);
    AppendData("      ", "n_pagerank", FormatDouble(n.pagerank), &out);
    AppendData("      ", "n_component", std::to_string(n.component), &out);
    AppendData("      ", "n_community", std::to_string(n.community), &out);
    if (xml_ids[v] != n.id) AppendData("      ", "n_node_id", n.id, &out);
    if (corpus) {
      AppendData("      ", "n_document_counts",
                 export_text::DocumentCounts(CountByDocument(n.mention_counts, n.mentions)), &out);
    }
    out.append("    </node>\n");
  }

  size_t index = 0;
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    const EdgeProps& p = g[e];
    out.append("    <edge id=\"e").append(std::to_string(index++)).append("\" source=\"");
    AppendXmlEscaped(xml_ids[boost::source(e, g)], /*attribute=*/true, &out);
    out.append("\" target=\"");
    AppendXmlEscaped(xml_ids[boost::target(e, g)], /*attribute=*/true, &out);
    out.append("\">\n");
    AppendData("      ", "e_relation", p.relation, &out);
    AppendData("      ", "e_role", p.role, &out);
    AppendData("      ", "e_weight", FormatDouble(p.weight), &out);
    AppendData("      ", "e_symmetric", Bool(p.symmetric), &out);
    AppendData("      ", "e_evidence", p.evidence.empty() ? "" : p.evidence.front().text, &out);
    AppendData("      ", "e_evidence_count", std::to_string(p.evidence.size()), &out);
    if (corpus) {
      AppendData("      ", "e_document_counts",
                 export_text::DocumentCounts(CountByDocument(p.evidence_counts, p.evidence)), &out);
    }
    out.append("    </edge>\n");
  }
  out.append("  </graph>\n</graphml>\n");
  return out;
}

}  // namespace kg
