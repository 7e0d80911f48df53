// The printed papers of a consultation: GET /api/consultations/{id}/record.pdf (会议纪要) and
// /outcome.pdf (协商成果报告), for whoever may read the consultation.
#include "request_fields.hpp"
#include "routes.hpp"
#include "yishi/server/consultation_print.hpp"

namespace yishi::server {

namespace {
using Printer = std::string (*)(const ConsultationView&);

Reply printed(Api& api, const httplib::Request& req, Printer print, const char* file_name) {
    auto caller = api.caller(req);
    if (!caller) return failure(caller.error());
    auto id = parse_id(req.matches[1]);
    if (!id) return failure(field_error("bad_id", "topic_id"));
    auto view = api.store.consultation(caller.value().id, *id);
    if (!view) return failure(view.error());
    Reply pdf{200, print(view.value())};
    pdf.content_type = "application/pdf";
    pdf.headers.emplace("Content-Disposition",
                        std::string("attachment; filename=\"") + file_name + "\"");
    return pdf;
}
}  // namespace

void add_consultation_print_routes(ApiRoutes& routes, Api& api) {
    routes.add("GET", R"(/api/consultations/([^/]+)/record\.pdf)",
               [&api](const httplib::Request& req) {
                   return printed(api, req, consultation_record_pdf, "consultation-record.pdf");
               });
    routes.add("GET", R"(/api/consultations/([^/]+)/outcome\.pdf)",
               [&api](const httplib::Request& req) {
                   return printed(api, req, outcome_report_pdf, "outcome-report.pdf");
               });
}

}  // namespace yishi::server
