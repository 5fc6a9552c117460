package dev.spinnet.validation.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small report from synthetic inputs, written atomically and loaded as a page in headless Chromium. */
class ReportPageTest {

    static Report synthetic() {
        Report r = new Report("synthetic report", "summary <with> markup & quotes \"");
        Section a = new Section("curves", "Curves");
        double[] x = {1, 2, 3};
        a.text("A paragraph.");
        a.figure(Figure.of("curve.png", "a curve", Charts.lines("t", "x", "y",
                List.of(new Charts.Series("s", x, new double[] {1, 4, 9})), 2, "mark")));
        a.table(new Table("numbers", "name", "value").row(Cell.text("a"), Cell.number(1.5, "%.2f"))
                .row(Cell.text("b"), Cell.count(12345)));
        r.add(a);
        Section b = new Section("grids", "Grids");
        b.figure(Figure.of("grid.png", "tiles", ImageGrids.grid("tiles", List.of("row"), List.of(List.of(
                new ImageGrids.Tile(new float[] {-1, 0, 1, 2}, 1, 2, 2, true),
                new ImageGrids.Tile(new float[12], 3, 2, 2, false))), 8)));
        b.figure(Figure.of("confusion.png", "confusion", ImageGrids.confusion("cm", new long[][] {{5, 1}, {0, 7}},
                List.of("zero", "one"))));
        b.table(new Table("confusion", "true", "0", "1").row(Cell.text("0"), Cell.count(5), Cell.count(1)));
        r.add(b);
        r.json().put("answer", 42);
        return r;
    }

    @Test
    void folderIsWrittenAtomicallyAndPageLoadsInChromium(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        Files.createDirectories(out);
        Files.writeString(out.resolve("stale.txt"), "old run");
        try (ReportFolder f = ReportFolder.begin(out)) {
            f.write(synthetic());
            assertFalse(Files.exists(out.resolve("index.html")), "nothing appears before commit");
            f.commit();
        }
        assertFalse(Files.exists(out.resolve("stale.txt")), "the old folder is replaced as a whole");
        for (String name : new String[] {"index.html", "report.json", "figures/curve.png", "figures/grid.png",
                "figures/confusion.png"}) {
            assertTrue(Files.size(out.resolve(name)) > 0, name);
        }
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("summary &lt;with&gt; markup &amp; quotes &quot;"), "text is escaped");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "figures are embedded");
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"answer\" : 42"));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no work folder left behind");
        }

        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium)");
        String dom = HeadlessChromium.dumpDom(chromium, out.resolve("index.html"), tmp);
        assertEquals(3, PageChecks.assertPageSound(dom, 3));
    }

    @Test
    void brokenFigureOrEmptyTableFailsThePageCheck(@TempDir Path tmp) throws Exception {
        Path chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium != null, "chromium is not installed (apt-get install chromium)");
        Report r = new Report("broken", "a figure that is not a PNG");
        r.add(new Section("x", "X").figure(new Figure("bad.png", "not an image", new byte[] {1, 2, 3}))
                .table(new Table("labels only", "a").row(Cell.text("no number"))));
        Path out = tmp.resolve("broken");
        try (ReportFolder f = ReportFolder.begin(out)) {
            f.write(r);
            f.commit();
        }
        String dom = HeadlessChromium.dumpDom(chromium, out.resolve("index.html"), tmp);
        assertThrows(AssertionError.class, () -> PageChecks.assertPageSound(dom, 1));
    }

    @Test
    void abortedFolderLeavesNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("never");
        try (ReportFolder f = ReportFolder.begin(out)) {
            f.write(synthetic());
            // no commit: as when a stage throws
        }
        try (var s = Files.list(tmp)) {
            assertEquals(0, s.count(), "a failed run leaves no half report");
        }
        // What kill -9 leaves (a work folder, a replaced folder mid-commit) goes with the next run over the target.
        Files.createDirectories(tmp.resolve(".never.tmp-123/figures"));
        Files.writeString(tmp.resolve(".never.tmp-123/figures/a.png"), "half");
        Files.createDirectories(tmp.resolve(".never.old-456"));
        Files.createDirectories(tmp.resolve(".neverland.tmp-789"));
        try (ReportFolder f = ReportFolder.begin(out)) {
            f.write(synthetic());
            f.commit();
        }
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(".neverland.tmp-789", "never"), s.map(p -> p.getFileName().toString()).sorted()
                    .toList(), "stale work folders of this target are removed, another target's are not");
        }
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        assertThrows(IllegalArgumentException.class, () -> Figure.of("Bad Name.png", "x", img));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", "a", "b").row(Cell.text("only one")));
    }
}
