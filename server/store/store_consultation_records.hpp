// The consultation (请你来协商) as the store reads it, shared by the consultation's acts
// (store_consultations.cpp) and the committee's handling and community link: the aggregate
// with its recommendations' tasks, the actor as the committee sees them, and the view every act
// replies with. Call them inside a transaction.
#pragma once
#include <optional>

#include "store_impl.hpp"

#include "yishi/consultation.hpp"
#include "yishi/messages_consultation.hpp"

namespace yishi::server {

// The consultation on `topic_id` whole: plan, research, meeting, recommendations with their
// tasks (progress, replies, ratings), sendings; nullopt when there is no such topic.
std::optional<Consultation> load_consultation(Connection& db, Id topic_id);
// The consultation as `viewer` reads it: names, the committee's, figures, the viewer's seat and
// the version.
ConsultationView consultation_view(Connection& db, const Consultation& c, Id viewer);
// The member as the CPPCC committee sees them: seated with a post, or not seated.
CppccActor cppcc_actor_of(Connection& db, Id cppcc_id, Id member_id);
// Stores a new topic as the rule made it (proposed or recommended) and returns its id; its
// version starts at 1.
Id insert_topic(Connection& db, const Consultation& c);

}  // namespace yishi::server
