// Replies of 政协's loads: lists and committees replace their copies, a consultation is kept by
// id (a live refresh with the same version changes nothing), a write's consultation is kept as
// if loaded.
#include "cppcc_replies.hpp"

#include "steps.hpp"
#include "yishi/messages_consultation.hpp"

namespace yishi::client {

namespace {

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}
bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Keeps a consultation; its committee (seats for the pickers) follows on a page that shows it.
void keep(ClientState& state, ConsultationView view, bool background, std::vector<Request>& out) {
    Id id = view.consultation.id;
    Id cppcc = view.consultation.cppcc_id;
    state.cppcc.consultations[id] = std::move(view);
    bool shown = (state.route.page == Page::consultation ||
                  state.route.page == Page::consultation_record) &&
                 state.route.id == id;
    if (shown && !background && cppcc != 0 && !state.cppcc.committees.count(cppcc))
        steps::load_cppcc(state, RequestKind::cppcc, cppcc, out);
}

}  // namespace

bool apply_cppcc_reply(ClientState& state, const Request& request, std::string_view body,
                       std::vector<Request>& out) {
    CppccData& c = state.cppcc;
    switch (request.kind) {
        case RequestKind::cppccs: {
            auto list = decode_cppcc_list(body);
            if (!list) return false;
            c.cppccs = std::move(list.value().cppccs);
            c.cppccs_loaded = true;
            // One committee: its page is the list.
            if (state.route.page == Page::cppccs && c.cppccs.size() == 1)
                steps::go(state, Route{Page::cppcc, c.cppccs.front().id, {}}, UrlUpdate::replace,
                          out);
            return true;
        }
        case RequestKind::cppcc: {
            auto view = decode_cppcc(body);
            if (!view) return false;
            Id id = view.value().id;
            c.committees[id] = std::move(view).value();
            return true;
        }
        case RequestKind::consultation: {
            auto view = decode_consultation(body);
            if (!view) return false;
            const ConsultationView* had = state.find_consultation(view.value().consultation.id);
            // The live page polls: an unchanged consultation leaves everything as it was.
            if (request.background && had && had->version == view.value().version) return true;
            keep(state, std::move(view).value(), request.background, out);
            return true;
        }
        case RequestKind::consultation_tasks: {
            auto list = decode_consultation_task_list(body);
            if (!list) return false;
            c.my_tasks = std::move(list).value();
            c.my_tasks_loaded = true;
            return true;
        }
        case RequestKind::consultation_paper: {
            bool outcome = request.path.ends_with("/outcome.pdf");
            state.download = Download{
                state.strings.format(outcome ? "cppcc.outcome_file" : "cppcc.record_file",
                                     {{"id", std::to_string(request.target)}}),
                std::string(body), "application/pdf"};
            state.notice = {"cppcc_notice.paper_saved", {}};
            return true;
        }
        case RequestKind::issue_consultation: {
            auto v = decode_issue_consultation(body);
            if (!v) return false;
            c.issues[request.target] = std::move(v).value();
            return true;
        }
        default: return false;
    }
}

bool take_consultation_write(ClientState& state, const Request& request, std::string_view body,
                             std::vector<Request>& out) {
    const std::string& p = request.path;
    bool topic = starts_with(p, "/api/cppccs/") && ends_with(p, "/topics");
    bool act = starts_with(p, "/api/consultations/") || starts_with(p, "/api/recommendations/");
    if (!topic && !act) return false;
    auto view = decode_consultation(body);
    if (!view) return false;
    Id id = view.value().consultation.id;
    if (ends_with(p, "/items")) ++state.cppcc.recorded;
    if (topic) {
        // The committee's list gains the topic (reloaded with the page); the topic's page opens.
        state.cppcc.committees.erase(request.target);
        steps::go(state, Route{Page::consultation, id, {}}, UrlUpdate::push, out);
    }
    keep(state, std::move(view).value(), false, out);
    return true;
}

}  // namespace yishi::client
