package dev.spinnet.validation.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.spinnet.network.allspin.DeviceActivation;
import dev.spinnet.network.layer.Activation;
import dev.spinnet.network.layer.Conv2d;
import dev.spinnet.network.layer.Flatten;
import dev.spinnet.network.layer.GlobalPool;
import dev.spinnet.network.layer.Layer;
import dev.spinnet.network.layer.Linear;
import dev.spinnet.network.layer.MaxPool2d;
import dev.spinnet.network.tensor.Tensor;
import dev.spinnet.network.train.Model;
import dev.spinnet.network.train.TrainingData;
import dev.spinnet.validation.report.Cell;
import dev.spinnet.validation.report.Figure;
import dev.spinnet.validation.report.ImageGrids;
import dev.spinnet.validation.report.Section;
import dev.spinnet.validation.report.Table;

/**
 * Looking inside the trained network, in the spirit of the ventral visual pathway (V1 -> V2/V4 -> IT): the
 * first-layer filters, what each stage (the output of each neuron layer) responds to for a few test images, and
 * how large a patch of the input each stage sees, computed from the model's own kernels and poolings.
 */
public final class Interpretability {
    /** Sample test images shown. */
    public static final int SAMPLES = 3;
    /** Channels shown per stage. */
    public static final int CHANNELS = 8;

    /**
     * A stage: the output of one neuron (activation) layer.
     *
     * @param layer           index of the activation layer in the network
     * @param shape           output shape per image (C, H, W) or (features)
     * @param receptiveField  side of the input patch one unit sees, pixels (the input side when it sees it all)
     * @param jump            input pixels between neighbouring units (the stage's cumulative stride)
     * @param wholeImage      true when a unit sees the whole image (after global pooling or a dense layer)
     */
    public record Stage(int number, int layer, int[] shape, int receptiveField, int jump, boolean wholeImage) {
        public String label() {
            return "stage " + number;
        }
    }

    private Interpretability() {
    }

    /**
     * Receptive fields by the usual recursion: a k x k convolution adds (k - 1) x jump, a pooling window s adds
     * (s - 1) x jump and multiplies the jump by s; flattening into a dense layer or global pooling sees everything.
     */
    public static List<Stage> stages(Model model) {
        List<Stage> out = new ArrayList<>();
        int[] shape = new int[model.inputShape().length + 1];
        shape[0] = 1;
        System.arraycopy(model.inputShape(), 0, shape, 1, model.inputShape().length);
        int inputSide = Math.max(model.inputShape()[1], model.inputShape()[2]);
        int rf = 1;
        int jump = 1;
        boolean whole = false;
        List<Layer> layers = model.net().layers();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof Conv2d c) {
                rf += (c.kernelSize() - 1) * jump;
            } else if (l instanceof MaxPool2d p) {
                rf += (p.size() - 1) * jump;
                jump *= p.size();
            } else if (l instanceof Flatten || l instanceof GlobalPool || l instanceof Linear) {
                whole = true;
            }
            shape = l.outputShape(shape);
            if (l instanceof Activation || l instanceof DeviceActivation) {
                out.add(new Stage(out.size() + 1, i, Arrays.copyOfRange(shape, 1, shape.length),
                        whole ? inputSide : Math.min(rf, inputSide), jump, whole));
            }
        }
        return out;
    }

    /** Outputs of every layer for the first {@code n} test images (inference mode), copied. */
    static List<Tensor> activations(Model model, TrainingData test, int n) {
        int size = test.imageSize();
        float[] x = Arrays.copyOf(test.images, n * size);
        Tensor t = new Tensor(x, n, test.channels, test.height, test.width);
        List<Tensor> outs = new ArrayList<>();
        for (Layer l : model.net().layers()) {
            t = l.forward(t, false);
            outs.add(new Tensor(t.data.clone(), t.shape()));
        }
        return outs;
    }

    /** The first convolution's filters as tiles: RGB for 3 input channels, else the mean over input channels. */
    static Figure filters(String dataset, Model model, String rowLabel) {
        Conv2d first = null;
        for (Layer l : model.net().layers()) {
            if (l instanceof Conv2d c) {
                first = c;
                break;
            }
        }
        if (first == null) {
            throw new IllegalStateException("model " + model.name() + " has no convolution");
        }
        int k = first.kernelSize();
        int cin = first.inChannels();
        float[] w = first.weight().value;
        List<List<ImageGrids.Tile>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int perRow = 16;
        List<ImageGrids.Tile> row = new ArrayList<>();
        for (int o = 0; o < first.outChannels(); o++) {
            float[] f;
            int ch;
            if (cin == 3) {
                f = Arrays.copyOfRange(w, o * 3 * k * k, (o + 1) * 3 * k * k);
                ch = 3;
            } else {
                f = new float[k * k];
                for (int c = 0; c < cin; c++) {
                    for (int j = 0; j < k * k; j++) {
                        f[j] += w[(o * cin + c) * k * k + j] / cin;
                    }
                }
                ch = 1;
            }
            row.add(new ImageGrids.Tile(f, ch, k, k, ch == 1));
            if (row.size() == perRow || o == first.outChannels() - 1) {
                labels.add("filters " + (o + 1 - row.size()) + "-" + o);
                rows.add(row);
                row = new ArrayList<>();
            }
        }
        int zoom = Math.max(4, 48 / k);
        return Figure.of(dataset + "-first-layer-filters.png", String.format(Locale.ROOT,
                "%s, %s: the %d first-layer filters (%dx%d, %s), as the network holds them after training", dataset,
                rowLabel, first.outChannels(), k, k, cin == 3 ? "RGB" : cin == 1
                        ? "red positive, blue negative" : "mean over " + cin + " input channels"),
                ImageGrids.grid(dataset + ": first-layer filters (" + rowLabel + ")", labels, rows, zoom));
    }

    /** One figure per spatial stage: rows = sample images (input first), columns = the first channels. */
    static List<Figure> featureMaps(String dataset, Model model, TrainingData test, List<Stage> stages) {
        int n = Math.min(SAMPLES, test.n);
        List<Tensor> outs = activations(model, test, n);
        List<Figure> figs = new ArrayList<>();
        int plane = test.height * test.width;
        for (Stage s : stages) {
            if (s.shape().length != 3) {
                continue;
            }
            Tensor t = outs.get(s.layer());
            int c = t.dim(1);
            int h = t.dim(2);
            int w = t.dim(3);
            List<List<ImageGrids.Tile>> rows = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            int zoom = Math.max(2, 96 / Math.max(h, w));
            for (int i = 0; i < n; i++) {
                List<ImageGrids.Tile> row = new ArrayList<>();
                int inC = test.channels == 3 ? 3 : 1;
                float[] img = Arrays.copyOfRange(test.images, i * test.imageSize(), i * test.imageSize() + inC * plane);
                row.add(scaledInput(img, inC, test.height, test.width, h, w));
                for (int ch = 0; ch < Math.min(CHANNELS, c); ch++) {
                    int off = (i * c + ch) * h * w;
                    row.add(new ImageGrids.Tile(Arrays.copyOfRange(t.data, off, off + h * w), 1, h, w, false));
                }
                rows.add(row);
                labels.add("image " + i + " (label " + test.labels[i] + ")");
            }
            figs.add(Figure.of(String.format(Locale.ROOT, "%s-feature-maps-stage-%d.png", dataset, s.number()),
                    String.format(Locale.ROOT, "%s, %s (layer %d, %d channels of %dx%d): the input (first column,"
                            + " resampled to the map size) and the first %d channels for %d test images; each unit"
                            + " sees a %dx%d-pixel patch of the input", dataset, s.label(), s.layer(), c, h, w,
                            Math.min(CHANNELS, c), n, s.receptiveField(), s.receptiveField()),
                    ImageGrids.grid(dataset + ": " + s.label() + " feature maps (receptive field " + s.receptiveField()
                            + " px)", labels, rows, zoom)));
        }
        return figs;
    }

    /** Nearest-neighbour resampling of the input to the feature-map size, so the rows line up. */
    private static ImageGrids.Tile scaledInput(float[] img, int ch, int ih, int iw, int h, int w) {
        float[] out = new float[ch * h * w];
        for (int c = 0; c < ch; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[(c * h + y) * w + x] = img[(c * ih + y * ih / h) * iw + x * iw / w];
                }
            }
        }
        return new ImageGrids.Tile(out, ch, h, w, false);
    }

    public static Section section(TrainingStage.Result r) {
        String ds = r.plan().dataset();
        TrainingStage.Row row = r.row(AblationRow.ALLSPIN_FERRI);
        List<Stage> stages = stages(row.model());
        Section s = new Section("interpretability-" + ds, "Interpretability (" + ds + "): filters, feature maps and"
                + " receptive fields along the network");
        s.text("In the spirit of the ventral visual pathway, where receptive fields grow from V1 (small, edge-like)"
                + " through V2/V4 to IT (object-sized, position-tolerant): the first-layer filters, each stage's"
                + " response to a few test images, and each stage's receptive field, computed from the kernel sizes"
                + " and poolings of the trained " + row.modelName() + " (" + row.row().label() + ").");
        Table t = new Table("Receptive field of each stage (output of each neuron layer)", "stage", "layer index",
                "output shape", "receptive field (px)", "share of the input side (%)", "jump (px)");
        int side = Math.max(row.model().inputShape()[1], row.model().inputShape()[2]);
        for (Stage st : stages) {
            t.row(Cell.text(st.label() + (st.wholeImage() ? " (dense / global)" : "")), Cell.count(st.layer()),
                    Cell.text(Arrays.toString(st.shape())), Cell.count(st.receptiveField()),
                    Cell.number(100.0 * st.receptiveField() / side, "%.0f"), Cell.count(st.jump()));
        }
        s.table(t);
        s.figure(filters(ds, row.model(), row.row().label()));
        for (Figure f : featureMaps(ds, row.model(), r.data().test(), stages)) {
            s.figure(f);
        }
        return s;
    }

    public static List<Map<String, Object>> json(Model model) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stage st : stages(model)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("stage", st.number());
            m.put("layer", st.layer());
            m.put("shape", st.shape());
            m.put("receptive_field_px", st.receptiveField());
            m.put("jump_px", st.jump());
            m.put("whole_image", st.wholeImage());
            out.add(m);
        }
        return out;
    }
}
