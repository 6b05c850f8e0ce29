package id.go.trenggalekkab.csirt.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Readable text from an HTML-only mail, with jsoup as the parser. Nothing is rendered,
 * no script runs, nothing remote is fetched: jsoup only builds a tree. Link targets are
 * written out beside their text, because for a phishing report the URL is the evidence.
 */
final class HtmlText {

    private static final Pattern SPACE_BEFORE_NEWLINE = Pattern.compile("[ \\t\\u00a0]+\\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "pre", "table", "ul", "ol", "hr", "dd", "dt", "section", "article");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "head", "title", "noscript", "template");

    private HtmlText() {}

    /** Every {@code <a href>} of the HTML, as its text and its target; at most 200. */
    static List<HtmlLink> links(String html) {
        List<HtmlLink> links = new ArrayList<>();
        for (Element a : Jsoup.parse(html).select("a[href]")) {
            if (links.size() == 200) {
                break;
            }
            links.add(new HtmlLink(a.text().strip(), a.attr("href").strip()));
        }
        return List.copyOf(links);
    }

    static String toText(String html) {
        StringBuilder out = new StringBuilder();
        Element body = Jsoup.parse(html).body();
        body.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (hidden(node)) {
                    return;
                }
                if (node instanceof TextNode text) {
                    out.append(text.text());
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    newline(out);
                    if (element.normalName().equals("li")) {
                        out.append("- ");
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (hidden(node) || !(node instanceof Element element)) {
                    return;
                }
                if (element.normalName().equals("a")) {
                    String href = element.attr("href").trim();
                    if (!href.isEmpty() && !href.startsWith("#") && !element.text().contains(href)) {
                        out.append(" <").append(href).append('>');
                    }
                } else if (BLOCKS.contains(element.normalName())) {
                    newline(out);
                }
            }
        });
        return BLANK_LINES.matcher(SPACE_BEFORE_NEWLINE.matcher(out.toString()).replaceAll("\n")).replaceAll("\n\n").strip();
    }

    private static boolean hidden(Node node) {
        for (Node n = node; n != null; n = n.parent()) {
            if (n instanceof Element e && INVISIBLE.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
