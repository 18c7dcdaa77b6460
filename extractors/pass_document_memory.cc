// The document-memory pass of stage 3: a name, surname or acronym typed once is typed where
// a sentence alone says nothing. Inputs, outputs and the order of the passes: extractors/passes.h.

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "extractors/passes.h"

namespace kg {

void Extractor::RememberSentenceTypes(const std::vector<Chunk>& chunks) {
  for (const Chunk& c : chunks) {
    if (c.dropped || c.type == kUntyped || c.mention_begin != UINT32_MAX) continue;
    document_types_.try_emplace(FoldCase(Text(c.begin, c.end)), c.type, c.subtype);
    if (c.type == static_cast<int>(EntityType::kPerson) && c.end_token == c.first_token + 2 &&
        doc_.tokens[c.first_token].shape == Shape::kCapitalized) {
      person_given_names_.insert(FoldCase(TokenText(c.first_token)));
    }
    // "NodeSummit 2025" ... "NodeSummit": an event's distinctive first word names it too.
    std::string_view first = TokenText(c.first_token);
    if (c.type == static_cast<int>(EntityType::kEvent) && c.end_token > c.first_token + 1 &&
        doc_.tokens[c.first_token].shape == Shape::kMixed && !IsPlaceName(first)) {
      document_types_.try_emplace(FoldCase(first), c.type, c.subtype);
    }
  }
}

void Extractor::RememberSurnames(const std::vector<std::vector<Chunk>>& chunks) {
  for (const auto& sentence : chunks) {
    for (const Chunk& c : sentence) {
      if (c.dropped || c.type != static_cast<int>(EntityType::kPerson) ||
          c.mention_begin != UINT32_MAX || c.end_token < c.first_token + 2) {
        continue;
      }
      uint32_t last = c.end_token - 1;
      std::string_view surname = TokenText(last);
      if (doc_.tokens[last].shape != Shape::kCapitalized || surname.size() < 3 ||
          IsPlaceName(surname)) {
        continue;
      }
      if (rules_.common_words_.Contains(surname)) {
        // "Ben Player ... Player won": a surname that is also a word names the person only
        // where no determiner makes it the word (ApplyDocumentTypes).
        word_surnames_.try_emplace(FoldCase(surname), c.type, c.subtype);
        continue;
      }
      document_types_.try_emplace(FoldCase(surname), c.type, c.subtype);
      // ... and so does the given name: "Akosua Frimpong ... Akosua studies", also one no
      // list of given names holds ("Łukasz Nowak ... Łukasz is").
      std::string_view given = TokenText(c.first_token);
      if (last == c.first_token + 1 && doc_.tokens[c.first_token].shape == Shape::kCapitalized &&
          given.size() >= 3 && !rules_.common_words_.Contains(FoldCase(given)) &&
          !rules_.function_words_.Contains(given) && !IsPlaceName(given)) {
        document_types_.try_emplace(FoldCase(given), c.type, c.subtype);
      }
    }
  }
}

void Extractor::RememberAcronyms(const std::vector<std::vector<Chunk>>& chunks) {
  for (const auto& sentence : chunks) {
    for (const Chunk& c : sentence) {
      if (c.dropped || c.type == kUntyped || c.type == static_cast<int>(EntityType::kTalk) ||
          c.type == static_cast<int>(EntityType::kPerson) || c.mention_begin != UINT32_MAX) {
        continue;
      }
      std::string initials;
      for (uint32_t t = c.first_token; t < c.end_token; ++t) {
        std::string_view w = TokenText(t);
        if (doc_.tokens[t].shape == Shape::kCapitalized) {
          initials += w[0];
        } else if (doc_.tokens[t].shape == Shape::kAllCaps ||
                   !std::isalpha(static_cast<unsigned char>(w[0])) ||
                   !rules_.name_connectors_.Contains(w)) {
          initials.clear();  // an acronym or a word that is no connector inside: no initials
          break;
        }
      }
      if (initials.size() < 3) continue;
      document_types_.try_emplace(FoldCase(initials), c.type, c.subtype);
    }
  }
}

void Extractor::ApplyDocumentTypes(std::vector<Chunk>& chunks) const {
  for (Chunk& c : chunks) {
    // "works at Atlassian ... thanks to Atlassian for sponsoring": a product's name that the
    // document named as an employer names the company wherever the document uses it.
    bool product = c.dropped && c.rule == "gazetteer:products";
    if ((c.dropped && !product) || c.type != kUntyped) continue;
    std::string name = FoldCase(Text(c.begin, c.end));
    auto it = document_types_.find(name);
    if (product) {
      if (it == document_types_.end() || it->second.first != static_cast<int>(EntityType::kOrg)) {
        continue;
      }
      c.dropped = false;
    } else if (it == document_types_.end()) {
      it = word_surnames_.find(name);
      if (it == word_surnames_.end() || c.end_token != c.first_token + 1 ||
          doc_.tokens[c.first_token].shape != Shape::kCapitalized ||
          AfterDeterminer(c.first_token)) {
        continue;
      }
    }
    c.type = it->second.first;
    c.subtype = it->second.second;
    c.rule = "document_memory";
    SetOrgShortNameCanonical(c);
  }
}

}  // namespace kg
