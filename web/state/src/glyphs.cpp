// GlyphSet: collecting code points and turning them into ImGui-style glyph ranges.
#include "yishi/client/glyphs.hpp"

#include "yishi/client/state.hpp"
#include "yishi/text.hpp"

namespace yishi::client {

namespace {
bool drawable(char32_t cp) {
    return cp >= 0x20 && !(cp >= 0x7F && cp < 0xA0) && !(cp >= 0xD800 && cp <= 0xDFFF) &&
           cp <= 0x10FFFF;
}

constexpr std::pair<char32_t, char32_t> kSeed[] = {
    {0x0020, 0x007E},  // ASCII
    {0x00B7, 0x00B7},  // · middle dot
    {0x00D7, 0x00D7},  // ×
    {0x2010, 0x2027},  // dashes, quotes, … ellipsis
    {0x3000, 0x303F},  // CJK symbols and punctuation: 、。「」《》【】
    {0xFF01, 0xFF5E},  // full-width forms: ，！？：；（）
    {0xFFFD, 0xFFFD},  // replacement character
};
void add_task(GlyphSet& g, const TaskView& t) {
    g.add(t.responsible_unit);
    g.add(t.position_reason);
    for (const auto& p : t.progress) g.add(p.text);
    for (const auto& r : t.replies) g.add(r.text);
}

void add_recommendations(GlyphSet& g, const std::vector<RecommendationView>& recs) {
    for (const auto& r : recs) {
        g.add(r.text);
        for (const auto& t : r.tasks) add_task(g, t);
    }
}

// Everything a 政协 page may draw: names, titles, notes, summaries, replies.
void add_cppcc(GlyphSet& g, const CppccData& c) {
    for (const auto& n : c.cppccs) g.add(n.name);
    for (const auto& [id, v] : c.committees) {
        g.add(v.name);
        for (const auto& n : v.committees) g.add(n.name);
        for (const auto& s : v.seats) {
            g.add(s.name);
            g.add(s.title);
        }
        for (const auto& t : v.topics) g.add(t.title);
    }
    for (const auto& [id, v] : c.consultations) {
        const Consultation& k = v.consultation;
        for (const std::string* s : {&k.title, &k.body, &v.cppcc_name, &v.committee_name,
                                     &v.issue_title})
            g.add(*s);
        for (const auto& p : v.people) g.add(p.name);
        for (const auto& m : k.research_group) g.add(m.name);
        for (const auto& x : k.visits) {
            g.add(x.place);
            g.add(x.notes);
            g.add(x.attachment);
        }
        for (const auto& x : k.report) {
            g.add(x.heading);
            g.add(x.body);
        }
        if (k.meeting) {
            g.add(k.meeting->place);
            g.add(k.meeting->chair);
            for (const auto& p : k.meeting->participants) {
                g.add(p.name);
                g.add(p.title);
                g.add(p.affiliation);
            }
            for (const auto& i : k.meeting->items) g.add(i.summary);
        }
        for (const auto& s : k.sendings) {
            g.add(s.recipient);
            g.add(s.received_by);
        }
        add_recommendations(g, v.recommendations);
    }
    for (const auto& l : c.my_tasks.items) {
        g.add(l.topic_title);
        g.add(l.recommendation_text);
        add_task(g, l.task);
    }
    for (const auto& [id, v] : c.issues) {
        g.add(v.title);
        g.add(v.cppcc_name);
        add_recommendations(g, v.recommendations);
    }
}

// 消息, the board and the report: names and texts that come from the server.
void add_follow(GlyphSet& g, const FollowData& f) {
    for (const auto& n : f.notes.list.items) {
        g.add(n.title);
        g.add(n.detail);
    }
    if (f.board) {
        g.add(f.board->scope.name);
        for (const auto& r : f.board->rows) {
            g.add(r.subject_title);
            g.add(r.community_name);
            g.add(r.council_name);
            g.add(r.grid_name);
            g.add(r.responsible_unit);
            if (r.latest_progress) g.add(r.latest_progress->text);
        }
        for (const auto& u : f.board->filters.units) g.add(u);
        for (const auto* list : {&f.board->filters.communities, &f.board->filters.councils,
                                 &f.board->filters.grids})
            for (const auto& n : *list) g.add(n.name);
    }
    if (f.report) {
        g.add(f.report->scope.name);
        for (const auto* list : {&f.report->by_category, &f.report->by_grid})
            for (const auto& c : *list) g.add(c.name);
    }
}

}  // namespace

GlyphSet::GlyphSet() {
    for (auto [first, last] : kSeed)
        for (char32_t cp = first; cp <= last; ++cp) set_.insert(cp);
}

bool GlyphSet::add(char32_t cp) {
    if (!drawable(cp) || !set_.insert(cp).second) return false;
    ++version_;
    return true;
}

bool GlyphSet::add(std::string_view utf8) {
    bool grew = false;
    for (char32_t cp : decode_utf8(utf8)) grew |= add(cp);
    return grew;
}

std::vector<std::uint32_t> GlyphSet::ranges() const {
    std::vector<std::uint32_t> out;
    for (char32_t cp : set_) {
        if (!out.empty() && out.back() + 1 == cp) out.back() = cp;
        else {
            out.push_back(cp);
            out.push_back(cp);
        }
    }
    out.push_back(0);
    return out;
}

void collect_glyphs(GlyphSet& glyphs, const ClientState& state) {
    for (const auto& [key, text] : state.strings.all()) glyphs.add(text);
    glyphs.add(state.session.member.name);
    glyphs.add(state.session.member.login);
    for (const auto& c : state.session.councils) {
        glyphs.add(c.name);
        glyphs.add(c.community);
    }
    for (const auto& issue : state.issues) {
        glyphs.add(issue.title);
        glyphs.add(issue.body);
        glyphs.add(issue.author_name);
    }
    add_cppcc(glyphs, state.cppcc);
    add_follow(glyphs, state.follow);
    glyphs.add(state.shown(state.error));
    glyphs.add(state.shown(state.notice));
}

}  // namespace yishi::client
