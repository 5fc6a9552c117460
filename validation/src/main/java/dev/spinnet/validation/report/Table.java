package dev.spinnet.validation.report;

import java.util.ArrayList;
import java.util.List;

/** A captioned table of cells; rows are added in order and must match the header's width. */
public final class Table {
    private final String caption;
    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    public Table(String caption, String... header) {
        this.caption = caption;
        this.header = List.of(header);
    }

    public Table row(Cell... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("table '" + caption + "': row of " + cells.length + " cells, header has "
                    + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    public String caption() {
        return caption;
    }

    public List<String> header() {
        return header;
    }

    public List<List<Cell>> rows() {
        return rows;
    }
}
