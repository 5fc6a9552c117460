package dev.spinnet.validation.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The validation report: a title, a summary line, the sections (rendered to index.html by {@link HtmlReport}) and
 * the machine-readable results (written as report.json).
 */
public final class Report {
    private final String title;
    private final String summary;
    private final List<Section> sections = new ArrayList<>();
    private final Map<String, Object> json = new LinkedHashMap<>();

    public Report(String title, String summary) {
        this.title = title;
        this.summary = summary;
    }

    public Report add(Section s) {
        sections.add(s);
        return this;
    }

    /** The machine-readable results; values must be serialisable by Jackson. */
    public Map<String, Object> json() {
        return json;
    }

    public String title() {
        return title;
    }

    public String summary() {
        return summary;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every figure, checking that no two share a file name. */
    public List<Figure> figures() {
        List<Figure> all = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Section s : sections) {
            for (Figure f : s.figures()) {
                if (!names.add(f.file())) {
                    throw new IllegalStateException("two figures named " + f.file());
                }
                all.add(f);
            }
        }
        return all;
    }
}
