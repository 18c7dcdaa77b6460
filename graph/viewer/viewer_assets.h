// The HTML viewer's files, compiled into kg_viewer at build time (graph/viewer/embed.cmake
// generates their definitions from the files themselves). Internal to graph/export_html.cc.
#pragma once

#include <string_view>

namespace kg::viewer {

std::string_view Page();            // viewer.html: the template with @KG_...@ placeholders
std::string_view Script();          // viewer.js
std::string_view Style();           // viewer.css
std::string_view Library();         // node_modules/cytoscape/dist/cytoscape.min.js
std::string_view LibraryLicense();  // node_modules/cytoscape/LICENSE
std::string_view LibraryPackage();  // node_modules/cytoscape/package.json (its version)

}  // namespace kg::viewer
