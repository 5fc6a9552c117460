package dev.spinnet.validation.report;

import java.util.ArrayList;
import java.util.List;

/** A titled part of the report: paragraphs, tables and figures in order. */
public final class Section {
    /** A paragraph of plain text (escaped when rendered). */
    public record Paragraph(String text) {
    }

    private final String id;
    private final String title;
    private final List<Object> blocks = new ArrayList<>();

    public Section(String id, String title) {
        if (!id.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("section id must be [a-z0-9-]+, got " + id);
        }
        this.id = id;
        this.title = title;
    }

    public Section text(String paragraph) {
        blocks.add(new Paragraph(paragraph));
        return this;
    }

    public Section table(Table t) {
        blocks.add(t);
        return this;
    }

    public Section figure(Figure f) {
        blocks.add(f);
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** Paragraphs, tables and figures, in order. */
    public List<Object> blocks() {
        return blocks;
    }

    public List<Figure> figures() {
        return blocks.stream().filter(Figure.class::isInstance).map(Figure.class::cast).toList();
    }
}
