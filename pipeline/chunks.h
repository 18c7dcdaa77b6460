// One large document in parallel: split at paragraph boundaries, extract the pieces apart,
// resolve the whole.
//
//   std::vector<size_t> starts = kg::ParagraphChunks(doc.text, kg::kDefaultChunkBytes);
//   kg::ChunkJoiner joiner(doc, rules, resolve_options, &lines);
//   for (size_t c = 0; c < starts.size(); ++c)                  // each on any worker,
//     joiner.Add(kg::ExtractChunk(doc, starts, c, tokenizer, rules, explain));  // added in order
//   kg::DocumentGraph g = joiner.Finish();
//
// Tokenisation and extraction (stages 2 and 3, nearly all of the time) run per chunk; resolution
// (stage 4: one node per entity, the narrator, the main event, inference, co-occurrences) runs
// once over the whole document, on the chunks' mentions and sentences shifted to document
// offsets. The chunks depend on the text and the chunk size only, never on the thread count,
// so the output is byte-identical for every -j.
//
// What changes for a split document: the extractor's document-level decisions (the vote that
// gives a name one type, remembered surnames and acronyms, programme lists) are taken per chunk,
// and a chunk's first sentence does not see the sentence before it. A chunk of 256 KiB holds
// thirty or more reports' worth of text, so the votes still see plenty of evidence: on the
// development reports (4 to 13 kB), even 2 KiB chunks leave the scores unchanged (entity F1
// 0.930, relation F1 0.847 -> 0.846; scripts/eval.sh with --chunk-size). A document up
// to one and a half chunks long is not split at all: its output is that of an unsplit run.
//
// THREAD SAFETY: the functions are reentrant; each call needs its own Tokenizer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/extract.h"
#include "graph/resolve.h"
#include "pipeline/text.h"

namespace kg {

// The chunk size of RunOptions::chunk_bytes and --chunk-size.
inline constexpr size_t kDefaultChunkBytes = size_t{256} << 10;

// Where the chunks of `text` start: {0} when it is at most 1.5 `chunk_bytes` long (or chunk_bytes
// is 0); otherwise also at the first paragraph after each further `chunk_bytes` (a paragraph starts
// after a blank line: a newline, spaces or tabs, a newline). No chunk is cut inside a
// paragraph, and a tail shorter than half a chunk stays with the chunk before it. Linear.
std::vector<size_t> ParagraphChunks(std::string_view text, size_t chunk_bytes);

// One chunk's tokens and extraction, in the chunk's own offsets.
struct ChunkExtraction {
  std::vector<Sentence> sentences;
  Extraction extraction;
  uint32_t bytes = 0;        // the chunk's length in bytes
  uint32_t tokens = 0;       // the chunk's token count
  uint32_t code_points = 0;  // the chunk's length in code points
};

// Tokenizes and extracts doc.text[starts[c], starts[c + 1]) (to the end for the last chunk).
ChunkExtraction ExtractChunk(const Document& doc, const std::vector<size_t>& starts, size_t c,
                             Tokenizer& tokenizer, const RuleSet& rules, bool explain);

// The document's graph from its chunks, added in chunk order: mentions, sentences and relation
// candidates shifted to document offsets, then ResolveDocument over the whole. With
// `explanations`, appends the chunks' explanations ("ID: sentence N: ...", N in the document).
//
// Memory grows with the sentences, not with the mentions: a chunk is freed once added, and
// the mentions past `resolve.max_mentions` (which ResolveDocument would not use) are counted,
// not kept, nor the relations that name them; the graph is the one ResolveDocument makes of
// the whole extraction. Not thread-safe: one thread adds at a time.
class ChunkJoiner {
 public:
  ChunkJoiner(const Document& doc, const RuleSet& rules, const ResolveOptions& resolve,
              std::vector<std::string>* explanations);
  void Add(ChunkExtraction part);  // the next chunk
  DocumentGraph Finish();          // once every chunk is added

 private:
  const Document& doc_;
  const RuleSet& rules_;
  ResolveOptions resolve_;
  std::vector<std::string>* explanations_;
  TokenizedDocument td_;  // the document's sentences (resolution reads no tokens)
  Extraction all_;        // the first max_mentions mentions and the relations among them
  uint32_t bytes_ = 0, code_points_ = 0, tokens_ = 0, sentences_ = 0;  // of the chunks added
  size_t mentions_ = 0;  // every mention of the chunks added, those not kept included
};

}  // namespace kg
