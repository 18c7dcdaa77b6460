// Node colours shared by every picture and by GEXF, so one type looks the same everywhere.
#include <string>
#include <string_view>
#include <vector>

#include "graph/graph.h"

namespace kg {

std::string_view TypeColor(std::string_view type) {
  // Okabe & Ito (2008), "Color Universal Design": tells apart with any colour-blindness.
  if (type == "PERSON") return "#0072B2";  // blue
  if (type == "ORG") return "#E69F00";     // orange
  if (type == "PLACE") return "#009E73";   // bluish green
  if (type == "EVENT") return "#CC79A7";   // reddish purple
  if (type == "TALK") return "#D55E00";    // vermillion
  return "#999999";
}

const std::vector<std::string>& NodeTypes() {
  static const std::vector<std::string> types = {"PERSON", "ORG", "PLACE", "EVENT", "TALK"};
  return types;
}

}  // namespace kg
