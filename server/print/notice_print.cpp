// A public notice (公示) for the council's notice board: its kind as the heading, the council and
// the subject, the text published, and the period it stays up.
#include "flow_document.hpp"
#include "print_support.hpp"
#include "yishi/server/documents_print.hpp"

namespace yishi::server {

std::string notice_pdf(const NoticePaper& n) {
    using print::BlockKind;
    const bool resolution = n.notice.kind == NoticeKind::resolution;
    const std::string kind = resolution ? "决议公示" : "实施结果公示";
    print::FlowDocument doc;
    doc.title = n.council + kind;
    doc.add(BlockKind::title, kind);
    doc.add(BlockKind::subtitle, n.community + " · " + n.council);
    doc.add(BlockKind::paragraph, n.subject_title, "事项：");
    doc.add(BlockKind::paragraph, n.notice.text);
    // ends_at is the first moment the notice is no longer in force; its last day is the day
    // before that moment.
    const std::int64_t last = n.notice.ends_at > n.notice.starts_at ? n.notice.ends_at - 1
                                                                    : n.notice.starts_at;
    doc.add(BlockKind::paragraph,
            print::china_date(n.notice.starts_at) + " 至 " + print::china_date(last), "公示期：");
    doc.add(BlockKind::paragraph,
            "公示期内如有异议，请向" + n.council + "召集人或社区居民委员会反映。");
    doc.add(BlockKind::paragraph, n.council, "发布：");
    doc.add(BlockKind::paragraph, print::china_date(n.notice.starts_at), "日期：");
    return print::flow_document_pdf(doc);
}

}  // namespace yishi::server
