package cn.gov.enforcement.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's HTML, rendered on the server without scripts (a phone, a screen reader and a
 * crawler read it alike). Every value goes through {@link #e}; nothing from the database or the
 * request is written unescaped. Texts are Chinese for everybody: the pages do not look at the
 * browser's language (the public of a county bureau reads Chinese).
 */
final class PortalPages {

  static final String BUREAU = "永兴县城市管理和综合执法局";

  static final Map<String, String> SECTIONS = new LinkedHashMap<>();
  static final Map<String, String> TYPES = Map.of("PENALTY", "行政处罚", "LICENSING", "行政许可", "COERCION", "行政强制",
      "INSPECTION", "行政检查", "DECISION_CONSULTATION", "重大行政决策征求意见");
  static final Map<String, String> CATEGORIES = Map.of("PLANNING", "规划", "ANNUAL_PLAN", "年度计划",
      "MAJOR_PROJECT", "重大项目、国有资产处置", "BUDGET", "预算与重大资金安排", "FEE_OR_PRICE", "收费与政府定价",
      "REFORM", "机构改革", "EMERGENCY_PLAN", "应急预案", "OTHER", "其他重大事项");

  static {
    SECTIONS.put("ENFORCEMENT_BODY", "执法主体");
    SECTIONS.put("LEGAL_BASIS", "执法依据及裁量基准");
    SECTIONS.put("POWERS_DUTIES", "职责权限与内设机构分工");
    SECTIONS.put("PROCEDURE", "执法程序与行为规范");
    SECTIONS.put("PARTY_RIGHTS", "当事人权利");
    SECTIONS.put("REMEDIES", "救济途径");
    SECTIONS.put("SERVICE", "查询服务与监督电话");
  }

  private static final String CSS = """
      *{box-sizing:border-box}body{margin:0;font-family:"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei","Noto Sans CJK SC",sans-serif;\
      color:#1f2328;background:#f5f6f8;line-height:1.6;font-size:16px}\
      header{background:#b3121a;color:#fff;padding:12px 16px}header h1{margin:0;font-size:1.15rem}header p{margin:2px 0 0;font-size:.85rem;opacity:.9}\
      nav{display:flex;flex-wrap:wrap;gap:4px;background:#fff;border-bottom:1px solid #ddd;padding:6px 8px}\
      nav a{padding:8px 10px;color:#b3121a;text-decoration:none;border-radius:4px;font-size:.95rem}nav a.on{background:#b3121a;color:#fff}\
      main{max-width:960px;margin:0 auto;padding:12px}section{background:#fff;border:1px solid #e1e4e8;border-radius:6px;padding:12px 14px;margin:0 0 12px}\
      h2{font-size:1.05rem;margin:0 0 8px;border-left:4px solid #b3121a;padding-left:8px}h3{font-size:1rem;margin:12px 0 4px}\
      .body{white-space:pre-wrap;word-break:break-word}.muted{color:#57606a;font-size:.85rem}\
      dl{margin:0;display:grid;grid-template-columns:7em 1fr;gap:4px 10px}dt{color:#57606a}dd{margin:0;word-break:break-word;white-space:pre-wrap}\
      ul.list{list-style:none;margin:0;padding:0}ul.list li{border-top:1px solid #eee;padding:8px 0}ul.list li:first-child{border-top:0}\
      form{display:flex;gap:6px;margin:0 0 10px}input[type=search]{flex:1;min-width:0;padding:8px;font-size:1rem;border:1px solid #bbb;border-radius:4px}\
      button{padding:8px 14px;font-size:1rem;background:#b3121a;color:#fff;border:0;border-radius:4px}\
      table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #eee;padding:6px 4px;text-align:left;vertical-align:top}\
      footer{text-align:center;color:#57606a;font-size:.8rem;padding:16px}\
      @media (max-width:600px){dl{grid-template-columns:1fr}dt{font-weight:bold;color:#1f2328}table,thead,tbody,tr,th,td{display:block}\
      thead{display:none}tr{border-top:1px solid #ddd;padding:6px 0}td{border:0;padding:2px 0}td::before{content:attr(data-label) "：";color:#57606a}}
      """;

  private PortalPages() {}

  /** HTML-escapes a value for text and attribute positions. */
  static String e(Object value) {
    String text = value == null ? "" : value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }


  private static String page(String active, String title, String content) {
    StringBuilder nav = new StringBuilder();
    String[][] links = {{"home", "/public", "事前公开"}, {"results", "/public/results", "执法结果公示"},
        {"staff", "/public/staff", "执法人员"}, {"decisions", "/public/decisions", "重大行政决策"}};
    for (String[] link : links) {
      nav.append("<a href=\"").append(link[1]).append('"').append(link[0].equals(active) ? " class=\"on\" aria-current=\"page\"" : "")
          .append('>').append(link[2]).append("</a>");
    }
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"icon\" href=\"data:,\">"
        + "<title>" + e(title) + " - " + BUREAU + "行政执法公示</title><style>" + CSS + "</style></head><body>"
        + "<header><h1>" + BUREAU + " 行政执法公示</h1><p>依据《行政执法公示制度》公开，无需登录</p></header>"
        + "<nav aria-label=\"栏目\">" + nav + "</nav><main>" + content + "</main>"
        + "<footer>本栏目内容经法制机构审核后发布；公示期满或决定被撤销的，依法撤下。</footer></body></html>";
  }

  static String message(String title, String text) {
    return page("", title, "<section><h2>" + e(title) + "</h2><p>" + e(text) + "</p><p><a href=\"/public\">返回公示栏目首页</a></p></section>");
  }

  static String home(List<PortalStore.Advance> advance, List<PortalStore.Result> latest) {
    StringBuilder s = new StringBuilder("<section><h2>事前公开</h2><p class=\"muted\">执法主体、执法依据及裁量基准、职责权限、"
        + "执法程序、当事人权利和救济途径（《行政执法公示制度》第四条）。执法人员及执法辅助人员名单见“<a href=\"/public/staff\">执法人员</a>”。</p></section>");
    for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
      List<PortalStore.Advance> items = advance.stream().filter(a -> a.section().equals(section.getKey())).toList();
      s.append("<section id=\"").append(e(section.getKey().toLowerCase())).append("\"><h2>").append(e(section.getValue())).append("</h2>");
      if (items.isEmpty()) {
        s.append("<p class=\"muted\">暂无公开内容。</p>");
      }
      for (PortalStore.Advance item : items) {
        s.append("<h3>").append(e(item.title())).append("</h3><div class=\"body\">").append(e(item.body()))
            .append("</div><p class=\"muted\">发布日期：").append(PortalController.DAY.format(item.publishedAt())).append("</p>");
      }
      s.append("</section>");
    }
    s.append("<section><h2>最新执法结果公示</h2>").append(resultList(latest))
        .append("<p><a href=\"/public/results\">查询全部执法结果</a></p></section>");
    return page("home", "事前公开", s.toString());
  }

  private static String resultList(List<PortalStore.Result> results) {
    if (results.isEmpty()) {
      return "<p class=\"muted\">没有符合条件的公示结果。</p>";
    }
    StringBuilder s = new StringBuilder("<ul class=\"list\">");
    for (PortalStore.Result r : results) {
      s.append("<li><a href=\"/public/results/").append(e(r.publicId())).append("\">").append(e(r.decisionNumber()))
          .append("</a><br>").append(e(TYPES.getOrDefault(r.type(), r.type()))).append(" · 当事人：").append(e(r.party()))
          .append(" · 决定日期：").append(e(r.decidedOn())).append("</li>");
    }
    return s.append("</ul>").toString();
  }

  static String results(String query, List<PortalStore.Result> results) {
    String s = "<section><h2>执法结果公示查询</h2><form method=\"get\" action=\"/public/results\" role=\"search\">"
        + "<input type=\"search\" name=\"q\" maxlength=\"" + PortalController.MAX_QUERY + "\" value=\"" + e(query)
        + "\" placeholder=\"决定书文号或当事人\" aria-label=\"决定书文号或当事人\"><button type=\"submit\">查询</button></form>"
        + "<p class=\"muted\">按决定书文号或当事人查询。自然人当事人只显示姓氏（如张某）。</p>"
        + (query.isEmpty() ? "" : "<p>查询“" + e(query) + "”：共 " + results.size() + " 条</p>")
        + resultList(results) + "</section>";
    return page("results", "执法结果公示", s);
  }

  static String result(PortalStore.Result r) {
    StringBuilder s = new StringBuilder("<section><h2>").append(e(TYPES.getOrDefault(r.type(), r.type()))).append("结果公示</h2><dl>")
        .append("<dt>决定书文号</dt><dd>").append(e(r.decisionNumber())).append("</dd>")
        .append("<dt>当事人</dt><dd>").append(e(r.party())).append("</dd>");
    for (Map.Entry<String, String> item : r.items().entrySet()) {
      s.append("<dt>").append(e(item.getKey())).append("</dt><dd>").append(e(item.getValue())).append("</dd>");
    }
    s.append("<dt>决定日期</dt><dd>").append(e(r.decidedOn())).append("</dd>")
        .append("<dt>公示日期</dt><dd>").append(PortalController.DAY.format(r.publishedAt())).append("</dd></dl>")
        .append("<p><a href=\"/public/results\">返回查询</a></p></section>");
    return page("results", r.decisionNumber(), s.toString());
  }

  static String staff(String query, List<PublicStaff.Officer> officers, List<PublicStaff.Auxiliary> auxiliaries) {
    StringBuilder s = new StringBuilder("<section><h2>执法人员及执法辅助人员查询</h2><form method=\"get\" action=\"/public/staff\" role=\"search\">"
        + "<input type=\"search\" name=\"q\" maxlength=\"" + PortalController.MAX_QUERY + "\" value=\"" + e(query)
        + "\" placeholder=\"姓名、执法证号或工作证号\" aria-label=\"姓名、执法证号或工作证号\"><button type=\"submit\">查询</button></form></section>");
    s.append("<section id=\"officers\"><h2>行政执法人员名单</h2>");
    if (officers.isEmpty()) {
      s.append("<p class=\"muted\">没有符合条件的人员。</p>");
    } else {
      s.append("<table><thead><tr><th>姓名</th><th>执法证号</th></tr></thead><tbody>");
      for (PublicStaff.Officer o : officers) {
        s.append("<tr><td data-label=\"姓名\">").append(e(o.name())).append("</td><td data-label=\"执法证号\">")
            .append(e(o.certificateNumber())).append("</td></tr>");
      }
      s.append("</tbody></table>");
    }
    s.append("</section><section id=\"auxiliary-staff\"><h2>执法辅助人员名单</h2><p class=\"muted\">执法辅助人员不具有执法资格，"
        + "在执法人员指挥下从事辅助性工作（《执法辅助人员管理办法》第十三条）。</p>");
    if (auxiliaries.isEmpty()) {
      s.append("<p class=\"muted\">没有符合条件的人员。</p>");
    } else {
      s.append("<table><thead><tr><th>姓名</th><th>岗位</th><th>工作证号</th><th>协助的执法人员或单位</th></tr></thead><tbody>");
      for (PublicStaff.Auxiliary a : auxiliaries) {
        s.append("<tr><td data-label=\"姓名\">").append(e(a.name())).append("</td><td data-label=\"岗位\">").append(e(a.post()))
            .append("</td><td data-label=\"工作证号\">").append(e(a.workCardNumber())).append("</td><td data-label=\"协助\">")
            .append(e(a.assists())).append("</td></tr>");
      }
      s.append("</tbody></table>");
    }
    s.append("</section>");
    return page("staff", "执法人员", s.toString());
  }

  static String decisions(List<PortalStore.Catalogue> catalogues, List<PortalStore.Decision> decisions) {
    StringBuilder s = new StringBuilder("<section><h2>年度重大行政决策事项目录</h2><p class=\"muted\">经局长审定后公布；"
        + "目录外事项进入决策程序须局长书面说明理由。</p>");
    if (catalogues.isEmpty()) {
      s.append("<p class=\"muted\">暂无已公布的目录。</p>");
    }
    for (PortalStore.Catalogue c : catalogues) {
      s.append("<h3>").append(c.year()).append(" 年度（").append(PortalController.DAY.format(c.publishedAt())).append(" 公布）</h3>")
          .append("<table><thead><tr><th>编号</th><th>决策事项</th><th>类别</th></tr></thead><tbody>");
      for (PortalStore.CatalogueItem i : c.items()) {
        s.append("<tr><td data-label=\"编号\">").append(e(i.itemNo())).append("</td><td data-label=\"决策事项\">").append(e(i.title()))
            .append("</td><td data-label=\"类别\">").append(e(CATEGORIES.getOrDefault(i.category(), i.category()))).append("</td></tr>");
      }
      s.append("</tbody></table>");
    }
    s.append("</section><section id=\"published-decisions\"><h2>重大行政决策结果公开</h2>");
    if (decisions.isEmpty()) {
      s.append("<p class=\"muted\">暂无公开的决策结果。</p>");
    } else {
      s.append("<ul class=\"list\">");
      for (PortalStore.Decision d : decisions) {
        s.append("<li><strong>").append(e(d.title())).append("</strong><br>决定：").append(e(d.outcome())).append(" · 决定日期：")
            .append(e(d.decidedOn())).append(d.catalogueItem() == null || d.catalogueItem().isBlank() ? "" : " · 目录编号：" + e(d.catalogueItem()))
            .append(" · 承办单位：").append(e(d.leadUnit())).append("</li>");
      }
      s.append("</ul>");
    }
    s.append("</section>");
    return page("decisions", "重大行政决策", s.toString());
  }

  static String rateLimited() {
    return message("访问过于频繁", "请稍后再试 / too many requests, please retry later");
  }

}
