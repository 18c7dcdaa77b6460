// The domain of kgextract as data: its entity types and relation types (data/schema).
//
//   kg::Schema schema;
//   kg::Status s = schema.Load("data/schema");       // the built-in domain
//   if (s.ok()) s = schema.Load("mypack/schema");    // a pack adds types and relations
//   const kg::Schema::Relation* met = schema.FindRelation("met");
//   bool ok = met && met->Allows("PERSON", "PERSON");  // true; met->symmetric is true
//
// The file format is written down at the top of data/schema and in docs/rules.md. Every rule
// file is checked against the schema when it loads (an unknown type or relation, or an
// endpoint whose type the relation does not take, is an error with file:line:column); the
// resolver drops a relation whose resolved endpoints the signature does not allow; the CLI's
// --relations, the exporters' colours and the viewer's legend come from it.
//
// WHAT THIS OBJECT REPRESENTS: the union of the schema files loaded, in load order.
// THREAD SAFETY: immutable once loaded; const methods may be called from any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/file_system.h"
#include "pipeline/status.h"

namespace kg {

class Schema {
 public:
  struct Type {
    std::string name;                   // "PERSON": A-Z only (it is part of a rule slot)
    std::string color;                  // "#0072B2", the exports' and the viewer's colour
    std::vector<std::string> subtypes;  // "city", "venue", ...; empty: any
    std::string description;
    std::string defined_at;  // "data/schema:12"
  };
  struct Relation {
    std::string name;                   // "speaker_of": a-z, 0-9 and _
    std::vector<std::string> subjects;  // type names; empty: any type
    std::vector<std::string> objects;
    bool symmetric = false;  // "A met B" is "B met A": one edge, endpoints in id order
    std::string description;
    std::string defined_at;

    bool AllowsSubject(std::string_view type) const { return Has(subjects, type); }
    bool AllowsObject(std::string_view type) const { return Has(objects, type); }
    bool Allows(std::string_view subject, std::string_view object) const {
      return AllowsSubject(subject) && AllowsObject(object);
    }

   private:
    static bool Has(const std::vector<std::string>& types, std::string_view type);
  };

  // Reads one schema file and adds its types, relations and precedence groups. A name defined
  // twice, a signature naming an unknown type, a bad colour or an unknown keyword is a kRules
  // error "path:line:column: problem". Types are also registered as EntityType ids
  // (extract.h), so rules may name them. The file is read through `fs`.
  Status Load(const std::string& path, FileSystem* fs = FileSystem::Default());

  const std::vector<Type>& types() const { return types_; }
  const std::vector<Relation>& relations() const { return relations_; }
  const Type* FindType(std::string_view name) const;
  const Relation* FindRelation(std::string_view name) const;
  // The relation names, in schema order, and "co_occurs" (the co-occurrence edges every graph
  // may have), for --relations and its error message.
  std::vector<std::string> RelationNames() const;

  // Precedence groups: "exclusive | speaker_of < panelist_of < moderator_of" keeps, for one
  // subject and object, only the edge of the relation furthest right. Each group is listed
  // lowest first.
  const std::vector<std::vector<std::string>>& exclusive_groups() const { return exclusive_; }

 private:
  std::vector<Type> types_;
  std::vector<Relation> relations_;
  std::vector<std::vector<std::string>> exclusive_;
};

}  // namespace kg
