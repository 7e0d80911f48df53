// JSON forms of the monthly needs report (群众需求月报), shared by server and client:
// GET /api/report's answer. Decoders are strict, naming a faulty field by its path
// ("trend[3].raised").
#pragma once
#include <string>
#include <string_view>

#include "yishi/messages.hpp"
#include "yishi/report.hpp"

namespace yishi {

Json to_json(const MonthlyFigures& f);
Json to_json(const MonthlyReport& r);
std::string encode(const MonthlyReport& r);
Result<MonthlyReport> decode_monthly_report(std::string_view body);

}  // namespace yishi
