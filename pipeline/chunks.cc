#include "pipeline/chunks.h"

#include <utility>

namespace kg {

namespace {

// The end of the blank line that starts at text[nl] (a newline), i.e. the position after its
// second newline and any further blank lines; npos when text[nl] does not start a blank line.
size_t AfterBlankLines(std::string_view text, size_t nl) {
  size_t end = std::string_view::npos;
  size_t i = nl + 1;
  while (i < text.size()) {
    char c = text[i];
    if (c == '\n') {
      end = ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else {
      break;
    }
  }
  return end;
}

}  // namespace

std::vector<size_t> ParagraphChunks(std::string_view text, size_t chunk_bytes) {
  std::vector<size_t> starts{0};
  if (chunk_bytes == 0) return starts;
  size_t pos = 0;
  // Cut only where at least half a chunk follows, so the last chunk is not a sliver.
  while (text.size() - pos > chunk_bytes + chunk_bytes / 2) {
    size_t nl = text.find('\n', pos + chunk_bytes);
    size_t cut = std::string_view::npos;
    while (nl != std::string_view::npos) {
      cut = AfterBlankLines(text, nl);
      if (cut != std::string_view::npos) break;
      nl = text.find('\n', nl + 1);
    }
    if (cut == std::string_view::npos || cut >= text.size()) break;
    starts.push_back(cut);
    pos = cut;
  }
  return starts;
}

ChunkExtraction ExtractChunk(const Document& doc, const std::vector<size_t>& starts, size_t c,
                             Tokenizer& tokenizer, const RuleSet& rules, bool explain) {
  size_t begin = starts[c];
  size_t end = c + 1 < starts.size() ? starts[c + 1] : doc.text.size();
  // The chunk as a document of its own: the extractor reads only its id and text.
  Document chunk;
  chunk.id = doc.id;
  chunk.text = doc.text.substr(begin, end - begin);
  TokenizedDocument td = tokenizer.Tokenize(chunk);
  ExtractOptions options;
  options.explain = explain;
  ChunkExtraction out;
  out.extraction = Extract(td, rules, options);
  out.sentences = std::move(td.sentences);
  out.bytes = static_cast<uint32_t>(chunk.text.size());
  out.tokens = static_cast<uint32_t>(td.tokens.size());
  out.code_points = CodePointCount(chunk.text);
  return out;
}

ChunkJoiner::ChunkJoiner(const Document& doc, const RuleSet& rules, const ResolveOptions& resolve,
                         std::vector<std::string>* explanations)
    : doc_(doc), rules_(rules), resolve_(resolve), explanations_(explanations) {
  td_.doc = &doc;
}

void ChunkJoiner::Add(ChunkExtraction part) {
  for (Sentence s : part.sentences) {
    s.begin += bytes_;
    s.end += bytes_;
    s.cp_begin += code_points_;
    s.cp_end += code_points_;
    s.first_token += tokens_;
    s.end_token += tokens_;
    td_.sentences.push_back(s);
  }
  // ResolveDocument's cut: a prefix of the mentions (they are in document order), and the
  // relations that name nothing past it (special endpoints are negative).
  const size_t max = resolve_.max_mentions;
  auto within = [max](int64_t e) { return e < 0 || static_cast<uint64_t>(e) < max; };
  Extraction& ex = part.extraction;
  for (size_t i = 0; i < ex.mentions.size() && mentions_ + i < max; ++i) {
    Mention& m = ex.mentions[i];
    m.begin += bytes_;
    m.end += bytes_;
    m.cp_begin += code_points_;
    m.cp_end += code_points_;
    m.sentence += sentences_;
    all_.mentions.push_back(std::move(m));
  }
  for (RelationCandidate& r : ex.relations) {
    // Negative endpoints (the narrator, the main event, the nearest talk) are not indexes.
    int64_t subject = r.subject < 0 ? r.subject : r.subject + static_cast<int64_t>(mentions_);
    int64_t object = r.object < 0 ? r.object : r.object + static_cast<int64_t>(mentions_);
    if (!within(subject) || !within(object)) continue;
    r.subject = static_cast<int32_t>(subject);
    r.object = static_cast<int32_t>(object);
    r.sentence += sentences_;
    all_.relations.push_back(std::move(r));
  }
  all_.has_narrator = all_.has_narrator || ex.has_narrator;
  if (explanations_) {
    // "sentence N: ..." with N counted in the chunk.
    for (const std::string& line : ex.explanations) {
      constexpr std::string_view kPrefix = "sentence ";
      size_t colon = line.find(':');
      if (line.starts_with(kPrefix) && colon != std::string::npos) {
        uint32_t n =
            static_cast<uint32_t>(std::stoul(line.substr(kPrefix.size(), colon - kPrefix.size())));
        explanations_->push_back(doc_.id + ": " + std::string(kPrefix) +
                                 std::to_string(n + sentences_) + line.substr(colon));
      } else {
        explanations_->push_back(doc_.id + ": " + line);
      }
    }
  }
  bytes_ += part.bytes;
  code_points_ += part.code_points;
  tokens_ += part.tokens;
  sentences_ += static_cast<uint32_t>(part.sentences.size());
  mentions_ += ex.mentions.size();
}

DocumentGraph ChunkJoiner::Finish() {
  // Up to half of the vectors' capacity is spare: tens of MB for a long document, held
  // through resolution otherwise.
  td_.sentences.shrink_to_fit();
  all_.mentions.shrink_to_fit();
  all_.relations.shrink_to_fit();
  DocumentGraph graph = ResolveDocument(td_, all_, rules_, resolve_);
  if (mentions_ > all_.mentions.size()) graph.mentions_dropped = mentions_ - all_.mentions.size();
  return graph;
}

}  // namespace kg
