// Request bodies of the consultation's acts (see messages_consultation.hpp): every field
// required, optional ids as JSON null; the rules in consultation.hpp check the values.
#include "messages_read.hpp"
#include "yishi/messages_consultation.hpp"

namespace yishi {

namespace {
using wire::Fields;

}  // namespace

std::string encode(const TopicDraft& d) {
    return Json{{"title", d.title}, {"body", d.body}, {"source", to_string(d.source)}}.dump();
}

Result<TopicDraft> decode_topic_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return TopicDraft{f.text("title"), f.text("body"), f.one_of("source", kTopicSources)};
    });
}

std::string encode(const PlanDraft& d) {
    return Json{{"year", d.year},
                {"committee_id", d.committee_id},
                {"lead_vice_chair_id", d.lead_vice_chair_id}}
        .dump();
}

Result<PlanDraft> decode_plan_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return PlanDraft{f.small_int("year"), f.integer("committee_id"),
                         f.integer("lead_vice_chair_id")};
    });
}

std::string encode_research_group(const std::vector<ResearchMember>& g) {
    Json members = Json::array();
    for (const auto& m : g) members.push_back({{"member_id", m.member_id}, {"lead", m.lead}});
    return Json{{"members", members}}.dump();
}

Result<std::vector<ResearchMember>> decode_research_group(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        std::vector<ResearchMember> g;
        for (std::size_t i = 0; i < f.array("members").size(); ++i) {
            Fields m = f.element("members", i);
            g.push_back({m.integer("member_id"), "", m.boolean("lead")});
        }
        return g;
    });
}

std::string encode(const VisitDraft& d) {
    return Json{{"visited_on", d.visited_on},
                {"place", d.place},
                {"notes", d.notes},
                {"attachment", d.attachment}}
        .dump();
}

Result<VisitDraft> decode_visit_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return VisitDraft{f.text("visited_on"), f.text("place"), f.text("notes"),
                          f.text("attachment")};
    });
}

std::string encode(const SectionDraft& d) {
    return Json{{"heading", d.heading}, {"body", d.body}}.dump();
}

Result<SectionDraft> decode_section_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return SectionDraft{f.text("heading"), f.text("body")};
    });
}

std::string encode(const MeetingDraft& d) {
    return Json{{"held_on", d.held_on}, {"place", d.place}, {"chair", d.chair}}.dump();
}

Result<MeetingDraft> decode_meeting_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return MeetingDraft{f.text("held_on"), f.text("place"), f.text("chair")};
    });
}

std::string encode(const ParticipantDraft& d) {
    return Json{{"name", d.name},
                {"title", d.title},
                {"affiliation", d.affiliation},
                {"kind", to_string(d.kind)},
                {"member_id", wire::id_or_null(d.member_id)}}
        .dump();
}

Result<ParticipantDraft> decode_participant_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return ParticipantDraft{f.text("name"), f.text("title"), f.text("affiliation"),
                                f.one_of("kind", kParticipantKinds), f.nullable_id("member_id")};
    });
}

std::string encode(const ItemDraft& d) {
    return Json{{"kind", to_string(d.kind)},
                {"speaker_id", d.speaker_id},
                {"summary", d.summary},
                {"to_participant_id", wire::id_or_null(d.to_participant_id)},
                {"answers_item_id", wire::id_or_null(d.answers_item_id)}}
        .dump();
}

Result<ItemDraft> decode_item_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return ItemDraft{f.one_of("kind", kItemKinds), f.integer("speaker_id"), f.text("summary"),
                         f.nullable_id("to_participant_id"), f.nullable_id("answers_item_id")};
    });
}

std::string encode(const RecommendationDraft& d) {
    return Json{{"text", d.text},
                {"proposer_ids", d.proposer_ids},
                {"item_ids", d.item_ids},
                {"section_ids", d.section_ids}}
        .dump();
}

Result<RecommendationDraft> decode_recommendation_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return RecommendationDraft{f.text("text"), f.ids("proposer_ids"), f.ids("item_ids"),
                                   f.ids("section_ids")};
    });
}

std::string encode(const SendingDraft& d) {
    return Json{{"recipient", d.recipient}, {"sent_on", d.sent_on}, {"received_by", d.received_by}}
        .dump();
}

Result<SendingDraft> decode_sending_draft(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return SendingDraft{f.text("recipient"), f.text("sent_on"), f.text("received_by")};
    });
}

std::string encode(const HandOver& h) {
    return Json{{"unit", h.unit},
                {"responsible_member_id", h.responsible_member_id},
                {"due_at", h.due_at}}
        .dump();
}

Result<HandOver> decode_hand_over(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return HandOver{f.text("unit"), f.integer("responsible_member_id"), f.integer("due_at")};
    });
}

std::string encode(const Position& p) {
    return Json{{"adoption", to_string(p.adoption)}, {"reason", p.reason}, {"due_at", p.due_at}}
        .dump();
}

Result<Position> decode_position(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return Position{f.one_of("adoption", kAdoptions), f.text("reason"), f.integer("due_at")};
    });
}

std::string encode(const RecommendIssueRequest& r) {
    return Json{{"cppcc_id", r.cppcc_id}}.dump();
}

Result<RecommendIssueRequest> decode_recommend_issue(std::string_view body) {
    return wire::decode_body(body, [](const Fields& f) {
        return RecommendIssueRequest{f.integer("cppcc_id")};
    });
}

}  // namespace yishi
