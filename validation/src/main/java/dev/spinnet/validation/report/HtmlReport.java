package dev.spinnet.validation.report;

import java.util.Base64;

/**
 * Renders a {@link Report} as one self-contained HTML page: figures are embedded as PNG data URIs (and named by their
 * file under figures/), tables mark numeric cells with class "num" and a {@code data-value}. A small script records,
 * once the page has loaded, each image's natural width in {@code data-natural-width} and the counts in the body's
 * {@code data-images} / {@code data-images-loaded}, so a headless browser can check that every figure decodes.
 */
public final class HtmlReport {
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;max-width:1100px;\
            margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
            h1{font-size:1.7em}h2{border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
            table{border-collapse:collapse;margin:1em 0;font-size:.9em}
            caption{text-align:left;font-weight:600;padding:.3em 0}
            th,td{border:1px solid #ccc;padding:.25em .5em;vertical-align:top}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}
            figure{margin:1em 0}figure img{max-width:100%;border:1px solid #ddd}
            figcaption{font-size:.9em;color:#444}.summary{background:#f6f8fa;padding:.8em;border-left:4px solid #4a7}
            nav ul{columns:2}""";

    private static final String SCRIPT = """
            window.addEventListener('load', function () {
              var imgs = document.images, ok = 0;
              for (var i = 0; i < imgs.length; i++) {
                var w = imgs[i].complete ? imgs[i].naturalWidth : 0;
                imgs[i].setAttribute('data-natural-width', String(w));
                if (w > 0) { ok++; }
              }
              document.body.setAttribute('data-images', String(imgs.length));
              document.body.setAttribute('data-images-loaded', String(ok));
            });""";

    private HtmlReport() {
    }

    public static String render(Report r) {
        StringBuilder sb = new StringBuilder(1 << 20);
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(esc(r.title())).append("</title>\n<style>").append(STYLE).append("</style>\n<script>")
                .append(SCRIPT).append("</script>\n</head>\n<body>\n<h1>").append(esc(r.title())).append("</h1>\n");
        sb.append("<p class=\"summary\">").append(esc(r.summary())).append("</p>\n<nav><ul>\n");
        for (Section s : r.sections()) {
            sb.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a></li>\n");
        }
        sb.append("</ul></nav>\n");
        for (Section s : r.sections()) {
            sb.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            for (Object b : s.blocks()) {
                if (b instanceof Section.Paragraph p) {
                    sb.append("<p>").append(esc(p.text())).append("</p>\n");
                } else if (b instanceof Table t) {
                    table(sb, t);
                } else if (b instanceof Figure f) {
                    sb.append("<figure><img alt=\"").append(esc(f.caption())).append("\" data-file=\"figures/")
                            .append(f.file()).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(f.png())).append("\">\n<figcaption>")
                            .append(esc(f.caption())).append(" (<a href=\"figures/").append(f.file()).append("\">")
                            .append(f.file()).append("</a>)</figcaption></figure>\n");
                }
            }
            sb.append("</section>\n");
        }
        sb.append("</body>\n</html>\n");
        return sb.toString();
    }

    private static void table(StringBuilder sb, Table t) {
        sb.append("<table>\n<caption>").append(esc(t.caption())).append("</caption>\n<thead><tr>");
        for (String h : t.header()) {
            sb.append("<th>").append(esc(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (var row : t.rows()) {
            sb.append("<tr>");
            for (Cell c : row) {
                if (c.numeric()) {
                    sb.append("<td class=\"num\" data-value=\"").append(c.number()).append("\">");
                } else {
                    sb.append("<td>");
                }
                sb.append(esc(c.text())).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
