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

DocumentGraph ResolveChunks(const Document& doc, std::vector<ChunkExtraction> parts,
                            const RuleSet& rules, std::vector<std::string>* explanations,
                            const ResolveOptions& resolve) {
  // The whole document as resolution sees it: its sentences, no tokens (ResolveDocument reads
  // sentences and the text only; the sentences' token indexes are shifted all the same).
  TokenizedDocument td;
  td.doc = &doc;
  Extraction all;
  uint32_t bytes = 0, cps = 0, tokens = 0, sentences = 0;
  int32_t mentions = 0;
  for (ChunkExtraction& part : parts) {
    for (Sentence s : part.sentences) {
      s.begin += bytes;
      s.end += bytes;
      s.cp_begin += cps;
      s.cp_end += cps;
      s.first_token += tokens;
      s.end_token += tokens;
      td.sentences.push_back(s);
    }
    Extraction& ex = part.extraction;
    for (Mention& m : ex.mentions) {
      m.begin += bytes;
      m.end += bytes;
      m.cp_begin += cps;
      m.cp_end += cps;
      m.sentence += sentences;
      all.mentions.push_back(std::move(m));
    }
    for (RelationCandidate& r : ex.relations) {
      // Negative endpoints (the narrator, the main event, the nearest talk) are not indexes.
      if (r.subject >= 0) r.subject += mentions;
      if (r.object >= 0) r.object += mentions;
      r.sentence += sentences;
      all.relations.push_back(std::move(r));
    }
    all.has_narrator = all.has_narrator || ex.has_narrator;
    if (explanations) {
      // "sentence N: ..." with N counted in the chunk.
      for (const std::string& line : ex.explanations) {
        constexpr std::string_view kPrefix = "sentence ";
        size_t colon = line.find(':');
        if (line.starts_with(kPrefix) && colon != std::string::npos) {
          uint32_t n = static_cast<uint32_t>(
              std::stoul(line.substr(kPrefix.size(), colon - kPrefix.size())));
          explanations->push_back(doc.id + ": " + std::string(kPrefix) +
                                  std::to_string(n + sentences) + line.substr(colon));
        } else {
          explanations->push_back(doc.id + ": " + line);
        }
      }
    }
    bytes += part.bytes;
    cps += part.code_points;
    tokens += part.tokens;
    sentences += static_cast<uint32_t>(part.sentences.size());
    mentions += static_cast<int32_t>(ex.mentions.size());
    part = ChunkExtraction();  // frees the chunk's strings as the whole grows
  }
  return ResolveDocument(td, all, rules, resolve);
}

}  // namespace kg
